import { Stack, type StackProps } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

export interface AlertsStackProps extends StackProps {
  stage: string;
  /** Context `alarmEmail`; undefined: no subscription yet. */
  alarmEmail: string | undefined;
}

/**
 * The operators' topic that every alarm of the app notifies (alarm and OK). Its own small stack,
 * created first and never changed by a deploy of functions or rules: the stacks that own alarms
 * (functions, queues, the ops stack) all import it, and it imports nothing.
 */
export class AlertsStack extends Stack {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlertsStackProps) {
    super(scope, id, props);

    // A customer managed key: CloudWatch cannot publish to a topic under the AWS managed SNS key,
    // whose policy cannot name cloudwatch.amazonaws.com.
    const key = new Key(this, 'TopicKey', {
      description: `Encrypts the ClientPortal-${props.stage} alarm topic`,
      enableKeyRotation: true,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');

    this.topic = new Topic(this, 'AlarmTopic', {
      topicName: `client-portal-${props.stage}-alarms`,
      displayName: `Client Portal (${props.stage}) alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
  }
}
