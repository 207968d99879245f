import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { ses } from '../clients/ses.ts';
import { envNames, optionalEnv, requireEnv } from '../config/env.ts';
import { addMetric } from '../metrics/metrics.ts';
import { mailbox } from './mailbox.ts';
import { emailTags, type EmailSubject } from './tags.ts';

// Read once, at the first send: functions that import this module but never send lack the variables.
let sender: { from: string; configurationSet: string | undefined } | undefined;
const senderConfig = () =>
  (sender ??= {
    from: requireEnv(envNames.emailFrom),
    configurationSet: optionalEnv(envNames.sesConfigurationSet),
  });

export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The sender's display name: the agency's portal name (`"Acme Recruiting" <portal@…>`). */
  fromName?: string;
  /** Tracked e-mails (invitation, login): SES message tags that lead its delivery events to the contact. */
  tracking?: EmailSubject;
}

/** One SES v2 SendEmail with HTML and text parts, counted as `EmailsSent` or `EmailsFailed`. */
export async function sendEmail(message: EmailMessage): Promise<void> {
  try {
    await sendWithSes(message);
  } catch (error) {
    addMetric('EmailsFailed');
    throw error;
  }
  addMetric('EmailsSent');
}

/** The SendEmail itself, from the configured address under the message's name. */
async function sendWithSes(message: EmailMessage): Promise<void> {
  const { from, configurationSet } = senderConfig();
  await ses().send(
    new SendEmailCommand({
      FromEmailAddress: mailbox(message.fromName, from),
      Destination: { ToAddresses: [message.to] },
      Content: {
        Simple: {
          Subject: { Data: message.subject, Charset: 'UTF-8' },
          Body: {
            Html: { Data: message.html, Charset: 'UTF-8' },
            Text: { Data: message.text, Charset: 'UTF-8' },
          },
        },
      },
      ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
      ...(message.tracking ? { EmailTags: emailTags(message.tracking) } : {}),
    }),
  );
}
