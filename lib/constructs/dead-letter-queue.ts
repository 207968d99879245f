import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { notifyOperators } from './alarms.ts';

export interface DeadLetterQueueProps {
  /** What lands here, for the alarm's description (the first thing an operator reads). */
  purpose: string;
  /** `ClientPortal-<stage>-DeadLetters-<subject>` (lib/constructs/alarms.ts). */
  alarmName: string;
  /** The operators' topic: the alarm and its return to OK notify it. */
  alarmTopic: ITopic;
}

/**
 * Where an asynchronous path of the event pipeline ends when every retry has failed: an encrypted,
 * TLS-only queue that keeps messages for the longest time SQS allows, plus an alarm as soon as one
 * message is waiting, sent to the operators' topic. Nothing here is ever dropped silently.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: Queue;
  readonly alarm: Alarm;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);

    this.queue = new Queue(this, 'Queue', {
      // SSE-SQS, not the AWS managed KMS key (alias/aws/sqs): the key policy of that key cannot be
      // changed, so EventBridge could not send to the queue. A customer managed key would cost a
      // key per month for messages that are event envelopes and pointers to stream records.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The maximum: failures found after a long weekend must still be there to inspect and redrive.
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason:
        'This queue is itself a dead-letter queue (of an EventBridge rule target, a Lambda async invoke config or a ' +
        'stream event source mapping); cdk-nag only recognizes DLQs named in another queue’s redrive policy.',
    });

    this.alarm = new Alarm(this, 'NotEmpty', {
      alarmName: props.alarmName,
      alarmDescription: `${props.purpose}: at least one message is waiting in the dead-letter queue.`,
      metric: this.queue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: Stats.MAXIMUM,
      }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      // SQS publishes no data points for an idle, empty queue: that is the healthy state.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    notifyOperators(this.alarm, props.alarmTopic);
  }
}
