import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, type Function as LambdaFn, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { busOf, type EventRule, eventRules, streamPublisher } from '../../shared/events/rules.ts';
import { streamFilterPatterns } from '../../shared/events/stream-filter.ts';
import { alarmKinds, alarmNameOf, notifyOperators } from '../constructs/alarms.ts';
import { deadLetterQueueName, publisherQueueId } from '../../shared/events/dead-letter-queues.ts';
import { DeadLetterQueue } from '../constructs/dead-letter-queue.ts';
import type { FunctionBundles } from '../build/function-bundles.ts';
import type { FunctionResources } from '../constructs/function-access.ts';
import { PortalFunction } from '../constructs/portal-function.ts';
import { constructIdOf } from './routes-stack.ts';

export interface PipelineStackProps extends StackProps {
  /** The same resources the route stacks get; the table must have its stream enabled. */
  resources: FunctionResources;
  bundles: FunctionBundles;
  rules?: readonly EventRule[];
  /** Names the dead-letter queues `client-portal-<stage>-<rule id>-dlq`; default "dev". */
  stage?: string;
}

/** What a rule runs, and where its failures end up (one queue per rule, see below). */
export interface RuleHandler {
  function: LambdaFn;
  deadLetters: Queue;
}

/**
 * A project-bus rule matches source and detail types. The SES rule listens on the default bus (the
 * only one SES publishes to), which every stage and application of the account shares: it takes
 * only the events of this stage's configuration set (SES tags each event's mail with it).
 */
function ruleBusAndPattern(rule: EventRule, resources: FunctionResources) {
  const basic = { source: [rule.source], detailType: rule.detailTypes };
  if (busOf(rule) === 'project')
    return {
      eventBus: resources.eventBus,
      eventPattern: { ...basic, ...(rule.detail ? { detail: rule.detail } : {}) },
    };
  return {
    eventPattern: {
      ...basic,
      detail: { mail: { tags: { 'ses:configuration-set': [resources.email.configurationSetName] } } },
    },
  };
}

/**
 * The event pipeline (SPEC §4 "Events"): table stream → publisher → project bus → one rule and one
 * handler per entry of the rule table. Its own stack rather than the events stack: the bus stays a
 * small, stable stack that every route stack imports, while this one changes with every handler and
 * depends on the data and e-mail stacks. About 10 resources per rule.
 */
export class PipelineStack extends Stack {
  /** By rule id. */
  readonly ruleHandlers: Record<string, RuleHandler> = {};
  readonly publisher: LambdaFn;
  readonly publisherDeadLetters: Queue;
  /** The publisher falls behind the table's stream. */
  readonly iteratorAgeAlarm: Alarm;

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, props);
    const { resources, bundles } = props;
    const stage = props.stage ?? 'dev';

    for (const rule of props.rules ?? eventRules) {
      const name = constructIdOf(rule.handler);
      const { function: fn } = new PortalFunction(this, name, {
        handlerId: rule.handler,
        description: `Event rule ${rule.id} (functions/${rule.handler}.ts)`,
        access: rule.access,
        resources,
        bundles,
        timeoutSeconds: rule.timeoutSeconds,
      });
      // One queue per rule for both failure paths of that rule: an operator sees at once which
      // handler fails, redrives its messages without sorting out other handlers' and the alarm names
      // the rule. The two message kinds tell themselves apart (EventBridge sends the event with
      // RULE_ARN/ERROR_CODE attributes; Lambda sends an invocation record with `requestPayload`).
      const { queue } = new DeadLetterQueue(this, `${name}DeadLetters`, {
        purpose: `Events of rule ${rule.id} that its handler could not process`,
        alarmName: alarmNameOf(resources.stage, alarmKinds.deadLetters, name),
        alarmTopic: resources.alarmTopic,
        queueName: deadLetterQueueName(stage, rule.id),
      });
      // Lambda accepts an async invocation before running it: handler errors are retried here (the
      // handlers are idempotent), and what still fails goes to the queue with the original event.
      fn.configureAsyncInvoke({
        retryAttempts: 2,
        maxEventAge: Duration.hours(6),
        onFailure: new SqsDestination(queue),
      });
      new Rule(this, `${name}Rule`, {
        ...ruleBusAndPattern(rule, resources),
        description: rule.description,
        // EventBridge retries only what Lambda did not accept (throttling, a missing permission);
        // the L2 also lets the rule (and only it) send to the queue.
        targets: [
          new LambdaFunction(fn, {
            retryAttempts: 4,
            maxEventAge: Duration.hours(2),
            deadLetterQueue: queue,
          }),
        ],
      });
      this.ruleHandlers[rule.id] = { function: fn, deadLetters: queue };
    }

    const { function: publisher } = new PortalFunction(this, constructIdOf(streamPublisher.handler), {
      handlerId: streamPublisher.handler,
      description: `Table stream to domain events on the bus (functions/${streamPublisher.handler}.ts)`,
      access: streamPublisher.access,
      resources,
      bundles,
      timeoutSeconds: streamPublisher.timeoutSeconds,
    });
    // A separate queue: its messages are not events but pointers to stream records (shard and
    // sequence numbers), which must be read back within the stream's 24-hour retention.
    const { queue: publisherDeadLetters } = new DeadLetterQueue(this, 'PublisherDeadLetters', {
      purpose: 'Stream batches the publisher could not turn into events (read them within 24 hours)',
      alarmName: alarmNameOf(resources.stage, alarmKinds.deadLetters, 'Publisher'),
      alarmTopic: resources.alarmTopic,
      queueName: deadLetterQueueName(stage, publisherQueueId),
    });
    publisher.addEventSource(
      new DynamoEventSource(resources.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        // A poison record is isolated by halving the batch; the handler reports failed items so the
        // records before them are not published twice.
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.days(1),
        reportBatchItemFailures: true,
        // One batch per shard at a time: events of one item reach the bus in the order they happened.
        parallelizationFactor: 1,
        onFailure: new SqsDlq(publisherDeadLetters),
        filters: streamFilterPatterns.map((pattern) => FilterCriteria.filter(pattern)),
      }),
    );
    // The closest acknowledgement wins: this one replaces, for the publisher, the X-Ray-only reason
    // that PortalFunction gives on the role.
    Validations.of(publisher.role!.node.findChild('DefaultPolicy')).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray (PutTraceSegments, PutTelemetryRecords) and dynamodb:ListStreams support no resource-level permissions; ' +
        'the stream read actions (DescribeStream, GetRecords, GetShardIterator) name the table stream.',
    });
    this.publisher = publisher;
    this.publisherDeadLetters = publisherDeadLetters;
    this.iteratorAgeAlarm = iteratorAgeAlarm(this, publisher, resources);
  }
}

/** Five minutes behind, twice in a row: records expire from the stream after 24 hours. */
export const iteratorAgeThresholdMs = 5 * 60 * 1000;

function iteratorAgeAlarm(scope: Construct, publisher: LambdaFn, resources: FunctionResources): Alarm {
  const alarm = new Alarm(scope, 'StreamIteratorAge', {
    alarmName: alarmNameOf(resources.stage, alarmKinds.streamIteratorAge),
    alarmDescription:
      'The stream publisher is more than 5 minutes behind the table stream: access ends, cascades and e-mails wait.',
    metric: publisher.metric('IteratorAge', { period: Duration.minutes(5), statistic: Stats.MAXIMUM }),
    threshold: iteratorAgeThresholdMs,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 2,
    // No writes, no batches, no data points: nothing is behind.
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  return notifyOperators(alarm, resources.alarmTopic);
}
