import { Stack, type StackProps } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailSendingEvent,
  EventDestination,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { SendingIdentity } from '../constructs/sending-identity.ts';

export interface EmailStackProps extends StackProps {
  /** The sending domain; its DKIM records (stack outputs) go into the domain's DNS. */
  emailDomain: string;
  /** Names the configuration set `client-portal-<stage>`. */
  stage: string;
  /** Use the SES identity of emailDomain that already exists instead of creating it (docs/deploy.md). */
  existingIdentity?: boolean;
}

/** What a function that sends e-mail needs: the two ARNs it may send through and the set's name. */
export interface EmailSending {
  identityArn: string;
  configurationSetArn: string;
  configurationSetName: string;
}

/** SES v2: the domain identity (Easy DKIM) and the configuration set every send goes through. */
export class EmailStack extends Stack {
  readonly sending: EmailSending;

  constructor(scope: Construct, id: string, props: EmailStackProps) {
    super(scope, id, props);

    const configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      // A fixed name: the functions' stacks get it as a plain string, never as an export of this stack.
      configurationSetName: `client-portal-${props.stage}`,
      // Login links and invitation tokens travel in these messages: never downgrade to plain SMTP.
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    // Delivery events reach the contact (docs/email-delivery.md): EventBridge rather than SNS, so the
    // pipeline's rule table, retry policy and dead-letter queue apply as to every other event. SES
    // publishes to the account's default bus only; the rule there filters on this configuration set.
    configurationSet.addEventDestination('DeliveryEvents', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [
        EmailSendingEvent.SEND,
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.REJECT,
        EmailSendingEvent.DELIVERY_DELAY,
      ],
    });

    const identity = new SendingIdentity(this, 'Sending', {
      emailDomain: props.emailDomain,
      existing: props.existingIdentity ?? false,
      configurationSet,
    });

    this.sending = {
      identityArn: identity.identityArn,
      configurationSetName: `client-portal-${props.stage}`,
      configurationSetArn: this.formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: `client-portal-${props.stage}`,
      }),
    };
  }
}
