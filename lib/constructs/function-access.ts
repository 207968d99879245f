import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { RouteAccess } from '../../shared/api/routes.ts';
import { envNames } from '../../shared/config/env.ts';
import { keys } from '../../shared/data/keys.ts';
import { tableDefinition } from '../../shared/data/table-definition.ts';
import type { EmailSending } from '../stacks/email-stack.ts';

/** Everything a function may be granted; what it actually gets is decided by its `access`. */
export interface FunctionResources {
  table: ITable;
  cursorSecret: ISecret;
  loginCodeSecret: ISecret;
  eventBus: IEventBus;
  email: EmailSending & { from: string; portalBaseUrl: string };
  /** The deployment's stage: every function's `STAGE`, the `stage` dimension of its metrics. */
  stage: string;
  /** The operators' topic (lib/stacks/alerts-stack.ts): each function's alarm notifies it. */
  alarmTopic: ITopic;
}

/**
 * Item-level actions only. Not `grantReadData`/`grantReadWriteData`: those add Scan (the SPEC forbids
 * Scans), stream and DescribeTable actions, and `<table>/index/*`, a wildcard whose cdk-nag finding id
 * embeds a generated cross-stack export name and so cannot be acknowledged reliably. Transactions
 * need no action of their own: TransactWriteItems is authorized per item (Put/Update/Delete/
 * ConditionCheck), TransactGetItems as GetItem.
 */
export const tableActions = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  write: [
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
    'dynamodb:ConditionCheckItem',
  ],
} as const;

/**
 * Least privilege from the route table: each grant and each environment variable exists only when
 * the function's declared access needs it, so a read route cannot write and only e-mailing routes
 * can send.
 */
export function bindAccess(fn: LambdaFunction, access: RouteAccess, resources: FunctionResources): void {
  const { table } = resources;
  fn.addEnvironment(envNames.table, table.tableName);
  fn.addToRolePolicy(
    access.tableActions
      ? new PolicyStatement({
          effect: Effect.ALLOW,
          actions: [...access.tableActions],
          resources: [table.tableArn],
        })
      : new PolicyStatement({
          effect: Effect.ALLOW,
          actions:
            access.table === 'readWrite'
              ? [...tableActions.read, ...tableActions.write]
              : [...tableActions.read],
          // The table and each of its indexes by name (from the shared definition), no wildcard.
          resources: [
            table.tableArn,
            ...tableDefinition.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
          ],
        }),
  );

  if (access.email) {
    const { email } = resources;
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        // SESv2 SendEmail authorizes against the sending identity and the configuration set used.
        actions: ['ses:SendEmail'],
        resources: [email.identityArn, email.configurationSetArn],
      }),
    );
    fn.addEnvironment(envNames.emailFrom, email.from);
    fn.addEnvironment(envNames.sesConfigurationSet, email.configurationSetName);
    fn.addEnvironment(envNames.portalBaseUrl, email.portalBaseUrl);
  }

  if (access.sessionTouch && access.table === 'read') {
    // The session check slides the idle expiry: UpdateItem on session items only, even for reads.
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${keys.sessionPrefix}*`] } },
      }),
    );
  }

  if (access.cursor) {
    resources.cursorSecret.grantRead(fn);
    fn.addEnvironment(envNames.cursorSecretArn, resources.cursorSecret.secretArn);
  }

  if (access.loginCode) {
    resources.loginCodeSecret.grantRead(fn);
    fn.addEnvironment(envNames.loginCodeSecretArn, resources.loginCodeSecret.secretArn);
  }

  if (access.events) {
    // events:PutEvents on the project's bus only.
    resources.eventBus.grantPutEventsTo(fn);
    fn.addEnvironment(envNames.eventBusName, resources.eventBus.eventBusName);
  }
}
