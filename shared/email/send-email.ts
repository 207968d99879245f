import { SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { ses } from '../clients/ses.ts';
import { envNames, optionalEnv, requireEnv } from '../config/env.ts';
import { addMetric } from '../metrics/metrics.ts';
import { bodyText, headerText } from './header-text.ts';
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
    const { from, configurationSet } = senderConfig();
    await ses().send(new SendEmailCommand(sendEmailInput(message, from, configurationSet)));
  } catch (error) {
    addMetric('EmailsFailed');
    throw error;
  }
  addMetric('EmailsSent');
}

/**
 * The SES v2 SendEmail input of one message: HTML and text parts, from the configured address under
 * the message's name. Subject, From name and bodies pass the e-mail guards (`header-text.ts`) here,
 * where every e-mail leaves: text stored before the input rules cannot break a header.
 */
export const sendEmailInput = (
  message: EmailMessage,
  from: string,
  configurationSet?: string,
): SendEmailCommandInput => ({
  FromEmailAddress: mailbox(message.fromName, from),
  Destination: { ToAddresses: [message.to] },
  Content: {
    Simple: {
      Subject: { Data: headerText(message.subject), Charset: 'UTF-8' },
      Body: {
        Html: { Data: bodyText(message.html), Charset: 'UTF-8' },
        Text: { Data: bodyText(message.text), Charset: 'UTF-8' },
      },
    },
  },
  ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
  ...(message.tracking ? { EmailTags: emailTags(message.tracking) } : {}),
});
