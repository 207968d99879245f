import { CfnOutput, Stack } from 'aws-cdk-lib';
import {
  DkimIdentity,
  EasyDkimSigningKeyLength,
  EmailIdentity,
  type IConfigurationSet,
  Identity,
} from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface SendingIdentityProps {
  /** The SES domain identity that the sender belongs to. */
  emailDomain: string;
  /** True: the identity exists already (made by hand or by another app); it is used, never created. */
  existing: boolean;
  /** Made the identity's default configuration set when the identity is created here. */
  configurationSet: IConfigurationSet;
}

/**
 * The SES domain identity the functions send through, created here (Easy DKIM, its CNAMEs as
 * outputs) or, with `existingEmailIdentity=true`, one that already exists. Either way its ARN is
 * built from the domain name, not read from the resource: it is a plain string in every stack that
 * grants ses:SendEmail, so no stack imports it and changing `emailDomain` later never meets a
 * cross-stack export in use.
 */
export class SendingIdentity extends Construct {
  readonly identityArn: string;
  /** Undefined when the identity exists already. */
  readonly created: EmailIdentity | undefined;

  constructor(scope: Construct, id: string, props: SendingIdentityProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.identityArn = stack.formatArn({
      service: 'ses',
      resource: 'identity',
      resourceName: props.emailDomain,
    });
    if (props.existing) {
      new CfnOutput(stack, 'ExistingDomainIdentity', {
        value: props.emailDomain,
        description: 'An SES identity that already existed: its DKIM records are managed where it was made.',
      });
      return;
    }

    // Construct id and logical id as before this construct existed (no replacement on upgrade).
    this.created = new EmailIdentity(stack, 'DomainIdentity', {
      identity: Identity.domain(props.emailDomain),
      dkimIdentity: DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT),
      dkimSigning: true,
      configurationSet: props.configurationSet,
    });
    // Without a Route 53 zone in this app, the DKIM CNAMEs are published by hand (docs/deploy.md).
    this.created.dkimRecords.forEach((record, i) => {
      new CfnOutput(stack, `DkimRecord${i + 1}`, { value: `${record.name} CNAME ${record.value}` });
    });
  }
}
