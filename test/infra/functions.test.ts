import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableActions } from '../../lib/constructs/function-access.ts';
import type { PortalStacks } from '../../lib/portal-app.ts';
import { type Route, routeKey, routeList } from '../../shared/api/routes.ts';
import { envNames } from '../../shared/config/env.ts';
import { routeTimeoutSeconds } from '../../shared/config/timeouts.ts';
import { sdkCallWorstCaseMs } from '../../shared/clients/sdk-budget.ts';
import {
  actionsOf,
  buildTestApp,
  resourcesOf,
  routeTemplate,
  statementsOf,
  wiringOf,
  type Statement,
} from './app-fixture.ts';

let stacks: PortalStacks;

beforeAll(() => {
  ({ stacks } = buildTestApp());
});

const cases = routeList.map((r) => [routeKey(r), r] as [string, Route]);
const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

describe('every function', () => {
  it.each(cases)('%s: Node.js 22 on arm64, traced, with its own log group', (_key, route) => {
    const template = routeTemplate(stacks, route);
    const { fn } = wiringOf(template, route);
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: routeTimeoutSeconds,
      TracingConfig: { Mode: 'Active' },
      Handler: 'index.handler',
    });
    const variables = fn.Properties!.Environment.Variables as Record<string, unknown>;
    expect(variables).toMatchObject({
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: 'client-portal',
    });
    expect(variables[envNames.table]).toBeDefined();
    // Local-only variables must never reach AWS.
    for (const name of [
      envNames.dynamoEndpoint,
      envNames.sesEndpoint,
      envNames.cursorSecret,
      envNames.loginCodeSecret,
      envNames.eventBridgeEndpoint,
      envNames.originSecret,
    ]) {
      expect(variables[name]).toBeUndefined();
    }

    const logGroupId = fn.Properties!.LoggingConfig.LogGroup.Ref as string;
    expect(resourcesOf(template, 'AWS::Logs::LogGroup')[logGroupId]?.Properties?.RetentionInDays).toBe(30);
  });
});

describe('the SDK budget (docs/long-work.md)', () => {
  it("one SDK call, every attempt and backoff at its worst, ends inside a route's 10 s", () => {
    expect(routeTimeoutSeconds).toBe(10);
    expect(sdkCallWorstCaseMs).toBe(9_000);
    expect(sdkCallWorstCaseMs).toBeLessThan(routeTimeoutSeconds * 1000);
  });
});

describe('least privilege from route.access', () => {
  it.each(cases)('%s', (_key, route) => {
    const template = routeTemplate(stacks, route);
    const { fn } = wiringOf(template, route);
    const statements = statementsOf(template, fn);
    const actions = actionsOf(statements);
    const variables = fn.Properties!.Environment.Variables as Record<string, unknown>;

    // The session check's touch is the one conditioned grant: UpdateItem on session items only.
    const isSessionTouch = (s: Statement) =>
      JSON.stringify(s.Condition ?? {}).includes('dynamodb:LeadingKeys') &&
      actionsOf([s]).join() === 'dynamodb:UpdateItem';
    const touch = statements.filter(isSessionTouch);
    if (route.auth === 'session' && route.access.table === 'read') {
      expect(touch).toHaveLength(1);
      expect(touch[0]!.Condition).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SESSION#*'] },
      });
    } else expect(touch).toHaveLength(0);

    const tableStatements = statements
      .filter((s) => !isSessionTouch(s))
      .filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
    expect(tableStatements.length).toBeGreaterThan(0);
    const dynamoActions = actionsOf(tableStatements);
    expect(dynamoActions).not.toContain('dynamodb:Scan');
    expect(dynamoActions.every((a) => !a.includes('*'))).toBe(true);
    if (route.access.table === 'read') {
      expect(dynamoActions.sort()).toEqual([...tableActions.read].sort());
      const unconditioned = actionsOf(statements.filter((s) => !isSessionTouch(s)));
      for (const write of writeActions) expect(unconditioned).not.toContain(write);
    } else {
      expect(dynamoActions).toEqual(expect.arrayContaining([...tableActions.read, ...tableActions.write]));
    }

    const sesStatements = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('ses:')));
    if (route.access.email) {
      expect(sesStatements).toHaveLength(1);
      expect(actionsOf(sesStatements)).toEqual(['ses:SendEmail']);
      // The identity and the configuration set, nothing else.
      expect(sesStatements[0]!.Resource).toHaveLength(2);
      // Without -c portalBaseUrl: the distribution's address (test/infra/origin-secret.test.ts).
      expect(variables).toMatchObject({
        EMAIL_FROM: 'no-reply@example.com',
        PORTAL_BASE_URL: { 'Fn::Join': ['', ['https://', expect.anything()]] },
      });
      expect(variables[envNames.sesConfigurationSet]).toBeDefined();
    } else {
      expect(actions).not.toContain('ses:SendEmail');
      expect(variables[envNames.emailFrom]).toBeUndefined();
    }

    // Secrets: the origin secret always (every API function checks the origin header), the cursor
    // key only where the route pages, the login-code key (B24) only where codes are checked.
    const secretsRead = statements
      .filter((st) => actionsOf([st]).includes('secretsmanager:GetSecretValue'))
      .flatMap((st) => [st.Resource].flat())
      .map((r) => JSON.stringify(r));
    const cursorSecretReads = secretsRead.filter((r) => r.includes('CursorSecret'));
    const loginCodeSecretReads = secretsRead.filter((r) => r.includes('LoginCodeSecret'));
    expect(secretsRead.filter((r) => r.includes('OriginSecret'))).toHaveLength(1);
    expect(secretsRead).toHaveLength(1 + cursorSecretReads.length + loginCodeSecretReads.length);
    expect(cursorSecretReads).toHaveLength(route.access.cursor ? 1 : 0);
    expect(loginCodeSecretReads).toHaveLength(route.access.loginCode ? 1 : 0);
    expect(variables[envNames.cursorSecretArn] !== undefined).toBe(route.access.cursor === true);
    expect(variables[envNames.loginCodeSecretArn] !== undefined).toBe(route.access.loginCode === true);

    const eventStatements = statements.filter((st) => actionsOf([st]).some((a) => a.startsWith('events:')));
    if (route.access.events) {
      expect(actionsOf(eventStatements)).toEqual(['events:PutEvents']);
      // The project's bus, no other.
      expect(JSON.stringify(eventStatements[0]!.Resource)).toMatch(/Bus/);
      expect(variables[envNames.eventBusName]).toBeDefined();
    } else {
      expect(eventStatements).toEqual([]);
      expect(variables[envNames.eventBusName]).toBeUndefined();
    }

    // Only X-Ray (which has no resource-level permissions) may use a wildcard resource.
    for (const s of statements.filter((st) => JSON.stringify(st.Resource).includes('*'))) {
      expect(actionsOf([s]).every((a) => a.startsWith('xray:'))).toBe(true);
    }
  });

  it('B24 only POST /portal/sessions among the routes may read the login-code key', () => {
    const readers = routeList.filter((route) => {
      const template = routeTemplate(stacks, route);
      return statementsOf(template, wiringOf(template, route).fn).some(
        (s) =>
          actionsOf([s]).includes('secretsmanager:GetSecretValue') &&
          JSON.stringify(s.Resource).includes('LoginCodeSecret'),
      );
    });
    expect(readers.map(routeKey)).toEqual(['POST /portal/sessions']);
  });

  it('uses no AWS managed policies (AWSLambdaBasicExecutionRole writes to every log group)', () => {
    for (const stack of Object.values(stacks.routes)) {
      for (const role of Object.values(resourcesOf(Template.fromStack(stack), 'AWS::IAM::Role'))) {
        expect(role.Properties?.ManagedPolicyArns).toBeUndefined();
      }
    }
  });
});
