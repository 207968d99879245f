import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableActions } from '../../lib/constructs/function-access.ts';
import { envNames } from '../../shared/config/env.ts';
import { type EventRule, eventRules, streamPublisher } from '../../shared/events/rules.ts';
import { actionsOf, type CfnResource, type Statement, statementsOf } from './app-fixture.ts';
import {
  functionOf,
  getAtt,
  importedFrom,
  onlyIdOf,
  pipelineTemplates,
  ruleWiringOf,
} from './pipeline-fixture.ts';

let pipeline: Template;
let data: Template;
let events: Template;

beforeAll(() => {
  ({ pipeline, data, events } = pipelineTemplates());
});

const writeActions: string[] = [...tableActions.write];
/** The data stack's secret whose description mentions `describing`. */
const secretId = (describing: string) => {
  const ids = Object.entries(data.findResources('AWS::SecretsManager::Secret'))
    .filter(([, r]) => String((r as CfnResource).Properties?.Description).includes(describing))
    .map(([id]) => id);
  if (ids.length !== 1) throw new Error(`Expected one secret for ${describing}, found ${ids.length}`);
  return ids[0]!;
};
const streamActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'];
const withAction = (statements: Statement[], prefix: string) =>
  statements.filter((s) => actionsOf([s]).some((a) => a.startsWith(prefix)));
/** What a statement's resource points at across stacks: the value the exporting stack exports. */
const resolved = (exporter: Template, resource: unknown) =>
  Array.isArray(resource) ? resource.map((r) => importedFrom(exporter, r)) : importedFrom(exporter, resource);

/** The checks shared by rule handlers and the publisher: e-mail, events and secrets follow `access`. */
function expectGrantsOf(fn: CfnResource, access: EventRule['access']) {
  const statements = statementsOf(pipeline, fn);
  const actions = actionsOf(statements);
  if (access.email) expect(actionsOf(withAction(statements, 'ses:'))).toEqual(['ses:SendEmail']);
  else expect(actions.some((a) => a.startsWith('ses:'))).toBe(false);

  const eventStatements = withAction(statements, 'events:');
  if (access.events) {
    expect(actionsOf(eventStatements)).toEqual(['events:PutEvents']);
    // The project's bus, no other.
    expect(resolved(events, eventStatements[0]!.Resource)).toEqual(
      getAtt(onlyIdOf(events, 'AWS::Events::EventBus')),
    );
  } else {
    expect(eventStatements).toEqual([]);
  }
  // Secrets only as `access` names them; the login-code key (B24) only for the handler that makes codes.
  const secretStatements = withAction(statements, 'secretsmanager:');
  const expectedSecrets = [
    ...(access.cursor ? [secretId('list cursors')] : []),
    ...(access.loginCode ? [secretId('login codes')] : []),
  ];
  expect(secretStatements.map((s) => importedFrom(data, s.Resource))).toEqual(
    expectedSecrets.map((id) => ({ Ref: id })),
  );
  const variables = fn.Properties!.Environment.Variables as Record<string, unknown>;
  expect(variables[envNames.loginCodeSecretArn] !== undefined).toBe(access.loginCode === true);
  expect(actions).not.toContain('dynamodb:Scan');
  return statements;
}

describe('rule handlers: least privilege from rule.access', () => {
  it.each(eventRules.map((r) => [r.id, r] as [string, EventRule]))('%s', (_id, rule) => {
    const { fn, queueId } = ruleWiringOf(pipeline, rule);
    const statements = expectGrantsOf(fn, rule.access);
    const dynamoActions = actionsOf(withAction(statements, 'dynamodb:'));
    if (rule.access.tableActions) expect(dynamoActions.sort()).toEqual([...rule.access.tableActions].sort());
    else if (rule.access.table === 'read')
      expect(dynamoActions.sort()).toEqual([...tableActions.read].sort());
    else expect(dynamoActions.sort()).toEqual([...tableActions.read, ...tableActions.write].sort());
    // Its own dead-letter queue only (the async invoke destination sends with the function's role).
    for (const s of withAction(statements, 'sqs:')) expect(s.Resource).toEqual(getAtt(queueId));
    for (const s of statements.filter((st) => JSON.stringify(st.Resource).includes('"*"'))) {
      expect(actionsOf([s]).every((a) => a.startsWith('xray:'))).toBe(true);
    }
  });
});

it('B24 among the pipeline handlers only send-login-links may read the login-code key', () => {
  const loginCodeSecret = { Ref: secretId('login codes') };
  const readers = eventRules.filter((rule) =>
    statementsOf(pipeline, ruleWiringOf(pipeline, rule).fn).some(
      (s) =>
        actionsOf([s]).includes('secretsmanager:GetSecretValue') &&
        JSON.stringify(importedFrom(data, s.Resource)) === JSON.stringify(loginCodeSecret),
    ),
  );
  expect(readers.map((r) => r.id)).toEqual(['send-login-links']);
});

describe('the stream publisher: least privilege', () => {
  let statements: Statement[];
  beforeAll(() => {
    statements = expectGrantsOf(functionOf(pipeline, streamPublisher.handler).fn, streamPublisher.access);
  });

  it('may read the table and its indexes, never write', () => {
    const tableStatements = statements.filter((s) =>
      actionsOf([s]).some((a) => (tableActions.read as readonly string[]).includes(a)),
    );
    expect(actionsOf(tableStatements).sort()).toEqual([...tableActions.read].sort());
    expect(actionsOf(statements).filter((a) => writeActions.includes(a))).toEqual([]);
    const tableArn = getAtt(onlyIdOf(data, 'AWS::DynamoDB::Table'));
    expect(importedFrom(data, (tableStatements[0]!.Resource as unknown[])[0])).toEqual(tableArn);
  });

  it('reads records from the table stream only', () => {
    const onStream = statements.filter((s) => actionsOf([s]).some((a) => streamActions.includes(a)));
    expect(actionsOf(onStream).sort()).toEqual(streamActions);
    expect(resolved(data, onStream[0]!.Resource)).toEqual(
      getAtt(onlyIdOf(data, 'AWS::DynamoDB::Table'), 'StreamArn'),
    );
  });

  it('uses a wildcard resource only where IAM has no resource-level permission', () => {
    // dynamodb:ListStreams (added by the event source) and X-Ray cannot be scoped to a resource.
    for (const s of statements.filter((st) => JSON.stringify(st.Resource).includes('"*"'))) {
      expect(actionsOf([s]).every((a) => a.startsWith('xray:') || a === 'dynamodb:ListStreams')).toBe(true);
    }
  });
});
