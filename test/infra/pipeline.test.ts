import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { sdkCallWorstCaseMs } from '../../shared/clients/sdk-budget.ts';
import { handOffField } from '../../shared/events/catalog.ts';
import { handOffReserveMs } from '../../shared/events/hand-off.ts';
import { busOf, type EventRule, eventRules, streamPublisher } from '../../shared/events/rules.ts';
import { streamFilterPatterns } from '../../shared/events/stream-filter.ts';
import { resourcesOf } from './app-fixture.ts';
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

const ruleCases = eventRules.map((r) => [r.id, r] as [string, EventRule]);
/** The rule's EventBridge pattern: its source and detail types, and its detail conditions if any. */
const patternOf = (rule: EventRule) => ({
  source: [rule.source],
  'detail-type': rule.detailTypes,
  ...(rule.detail ? { detail: rule.detail } : {}),
});

describe('timeouts sized to the work (docs/long-work.md)', () => {
  it.each(ruleCases)("%s: its function's timeout is its rule's", (_id, rule) => {
    const { fn } = functionOf(pipeline, rule.handler);
    expect(fn.Properties!.Timeout).toBe(rule.timeoutSeconds);
  });

  it("the publisher's timeout is its own, and every timeout leaves room for the SDK budget and a hand-off", () => {
    expect(functionOf(pipeline, streamPublisher.handler).fn.Properties!.Timeout).toBe(
      streamPublisher.timeoutSeconds,
    );
    for (const rule of eventRules) expect(rule.timeoutSeconds * 1000).toBeGreaterThan(sdkCallWorstCaseMs);
    // Long work (whatever may hand over) keeps the reserve and still has most of its time to work.
    for (const id of [
      'cascade-organization',
      'remove-job-pipeline',
      'remove-candidate-submissions',
      'end-portal-access',
    ]) {
      const rule = eventRules.find((r) => r.id === id)!;
      expect(rule.timeoutSeconds * 1000).toBeGreaterThanOrEqual(3 * handOffReserveMs);
      expect(rule.access.events).toBe(true);
    }
  });

  it('a hand-off of end-portal-access does not run release-primary-contact again', () => {
    const { eventRule } = ruleWiringOf(pipeline, eventRules.find((r) => r.id === 'release-primary-contact')!);
    expect(eventRule.Properties!.EventPattern.detail).toEqual({ [handOffField]: [{ exists: false }] });
  });
});

// The SES rule listens on the default bus (test/infra/email-delivery.test.ts).
const projectRuleCases = ruleCases.filter(([, r]) => busOf(r) === 'project');

describe('the stream publisher', () => {
  it('reads the table stream in order, with partial batch failures and a dead-letter queue', () => {
    const { id: publisherId } = functionOf(pipeline, streamPublisher.handler);
    pipeline.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: publisherId },
      StartingPosition: 'LATEST',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 1,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 24 * 3600,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ParallelizationFactor: 1,
      DestinationConfig: {
        OnFailure: { Destination: getAtt(Match.stringLikeRegexp('^PublisherDeadLetters')) },
      },
    });
  });

  it("filters with exactly the shared patterns, on the table's stream", () => {
    const mappings = Object.values(resourcesOf(pipeline, 'AWS::Lambda::EventSourceMapping'));
    expect(mappings).toHaveLength(1);
    const { FilterCriteria, EventSourceArn } = mappings[0]!.Properties!;
    expect(FilterCriteria).toEqual({
      Filters: streamFilterPatterns.map((p) => ({ Pattern: JSON.stringify(p) })),
    });
    expect(importedFrom(data, EventSourceArn)).toEqual(
      getAtt(onlyIdOf(data, 'AWS::DynamoDB::Table'), 'StreamArn'),
    );
  });
});

describe('every rule of the rule table', () => {
  it.each(projectRuleCases)('%s: matches its events on the project bus', (_id, rule) => {
    const { eventRule } = ruleWiringOf(pipeline, rule);
    expect(eventRule.Properties).toMatchObject({ Description: rule.description, State: 'ENABLED' });
    expect(eventRule.Properties!.EventPattern).toEqual(patternOf(rule));
    expect(importedFrom(events, eventRule.Properties!.EventBusName)).toEqual({
      Ref: onlyIdOf(events, 'AWS::Events::EventBus'),
    });
  });

  it.each(ruleCases)('%s: targets its own handler with retries and a dead-letter queue', (_id, rule) => {
    const { functionId, ruleId, queueId } = ruleWiringOf(pipeline, rule);
    pipeline.hasResourceProperties('AWS::Events::Rule', {
      EventPattern:
        busOf(rule) === 'project'
          ? Match.exact(patternOf(rule))
          : Match.objectLike({ source: [rule.source], 'detail-type': rule.detailTypes }),
      Targets: [
        Match.objectLike({
          Arn: getAtt(functionId),
          RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 2 * 3600 },
          DeadLetterConfig: { Arn: getAtt(queueId) },
        }),
      ],
    });
    // Only this rule may invoke the function, and only this rule may send to the queue.
    pipeline.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: getAtt(functionId),
      Principal: 'events.amazonaws.com',
      SourceArn: getAtt(ruleId),
    });
    pipeline.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'sqs:SendMessage',
            Principal: { Service: 'events.amazonaws.com' },
            Condition: { ArnEquals: { 'aws:SourceArn': getAtt(ruleId) } },
          }),
        ]),
      },
    });
  });

  it.each(ruleCases)('%s: sends what its handler fails on to the same queue', (_id, rule) => {
    const { functionId, queueId } = ruleWiringOf(pipeline, rule);
    pipeline.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: functionId },
      Qualifier: '$LATEST',
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: getAtt(queueId) } },
    });
  });

  it('has a handler and a queue of its own (one DLQ per rule)', () => {
    const wirings = eventRules.map((r) => ruleWiringOf(pipeline, r));
    expect(new Set(wirings.map((w) => w.functionId)).size).toBe(eventRules.length);
    expect(new Set(wirings.map((w) => w.queueId)).size).toBe(eventRules.length);
    // The rules' functions plus the publisher, nothing else.
    expect(Object.keys(resourcesOf(pipeline, 'AWS::Lambda::Function'))).toHaveLength(eventRules.length + 1);
  });
});

describe('the dead-letter queues', () => {
  it('are encrypted, TLS-only, keep messages 14 days and alarm on the first message', () => {
    const queues = Object.entries(resourcesOf(pipeline, 'AWS::SQS::Queue'));
    expect(queues).toHaveLength(eventRules.length + 1);
    for (const [queueId, queue] of queues) {
      expect(queue.Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 86400,
      });
      pipeline.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
      pipeline.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: getAtt(queueId, 'QueueName') }],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
      });
    }
  });
});
