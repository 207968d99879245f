import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  DkimIdentity,
  EasyDkimSigningKeyLength,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';

export interface EmailStackProps extends StackProps {
  /** The sending domain; its DKIM records (stack outputs) go into the domain's DNS. */
  emailDomain: string;
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

    const identity = new EmailIdentity(this, 'DomainIdentity', {
      identity: Identity.domain(props.emailDomain),
      dkimIdentity: DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT),
      dkimSigning: true,
      configurationSet,
    });

    // Without a Route 53 zone in this app, the DKIM CNAMEs are published by hand (see the README).
    identity.dkimRecords.forEach((record, i) => {
      new CfnOutput(this, `DkimRecord${i + 1}`, { value: `${record.name} CNAME ${record.value}` });
    });

    this.sending = {
      identityArn: identity.emailIdentityArn,
      configurationSetName: configurationSet.configurationSetName,
      configurationSetArn: this.formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: configurationSet.configurationSetName,
      }),
    };
  }
}
