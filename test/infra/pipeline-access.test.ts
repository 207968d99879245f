import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableActions } from '../../lib/constructs/function-access.ts';
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
  expect(actions.some((a) => a.startsWith('secretsmanager:'))).toBe(access.cursor === true);
  expect(actions).not.toContain('dynamodb:Scan');
  return statements;
}

describe('rule handlers: least privilege from rule.access', () => {
  it.each(eventRules.map((r) => [r.id, r] as [string, EventRule]))('%s', (_id, rule) => {
    const { fn, queueId } = ruleWiringOf(pipeline, rule);
    const statements = expectGrantsOf(fn, rule.access);
    const dynamoActions = actionsOf(withAction(statements, 'dynamodb:'));
    if (rule.access.table === 'read') expect(dynamoActions.sort()).toEqual([...tableActions.read].sort());
    else expect(dynamoActions.sort()).toEqual([...tableActions.read, ...tableActions.write].sort());
    // Its own dead-letter queue only (the async invoke destination sends with the function's role).
    for (const s of withAction(statements, 'sqs:')) expect(s.Resource).toEqual(getAtt(queueId));
    for (const s of statements.filter((st) => JSON.stringify(st.Resource).includes('"*"'))) {
      expect(actionsOf([s]).every((a) => a.startsWith('xray:'))).toBe(true);
    }
  });
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
