import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { localBusName } from '../../local/event-bus.ts';
import { keys } from '../../shared/data/keys.ts';
import { detailTypes, eventSource, type LoginLinksRequested } from '../../shared/events/catalog.ts';
import { hashToken } from '../../shared/util/tokens.ts';
import {
  api,
  mailsTo,
  stackInfo,
  tableName,
  testDb,
  waitForMail,
  type ApiResponse,
  type StoredMail,
} from './api.ts';
import { waitForBusIdle } from './bus.ts';
import { portalApi } from './portal.ts';

/** A fresh client address per call, so per-address rate limits never couple tests. */
export const uniqueIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

export interface LoginInMail {
  agency: string;
  organization: string;
  code: string;
  token: string;
}

const isLoginMail = (email: string) => (m: StoredMail) =>
  m.destination.to.includes(email) && m.body.text.includes('/login/continue?token=');

/** Each agency's block of a login e-mail's text part: name, organization, code and link token. */
export function loginsIn(mail: StoredMail): LoginInMail[] {
  const blocks = mail.body.text.matchAll(
    /^(.+) \((.+)\)\nLogin code: (\d{6})\nLink: \S+\/login\/continue\?token=([A-Za-z0-9_-]{43})$/gm,
  );
  return [...blocks].map(([, agency, organization, code, token]) => ({
    agency: agency as string,
    organization: organization as string,
    code: code as string,
    token: token as string,
  }));
}

/** The login e-mails to that address so far, oldest first. */
export const loginMailsTo = async (email: string) => (await mailsTo(email)).filter(isLoginMail(email));

/** Waits for the n-th login e-mail to that address (1 is the first). */
export const waitForLoginMail = (email: string, n: number) => waitForMail(isLoginMail(email), { count: n });

/** POST /portal/login-links, then the e-mail it causes (the n-th login e-mail to that address). */
export async function requestLogin(email: string) {
  const before = (await loginMailsTo(email)).length;
  const res = await portalApi('POST', '/portal/login-links', { body: { email }, sourceIp: uniqueIp() });
  if (res.status !== 202) throw new Error(`login-links answered ${res.status}: ${res.text}`);
  const mail = await waitForLoginMail(email, before + 1);
  return { loginRequestId: res.json.loginRequestId as string, mail, logins: loginsIn(mail) };
}

export const tryCode = (loginRequestId: string, code: string): Promise<ApiResponse> =>
  portalApi('POST', '/portal/sessions', { body: { loginRequestId, code } });

export const useLink = (token: string): Promise<ApiResponse> =>
  portalApi('POST', '/portal/sessions', { body: { token } });

/** The stored login request (B24), read straight from the table. */
export async function storedLoginRequest(loginRequestId: string) {
  const { Item } = await testDb().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.loginRequest(hashToken(loginRequestId)),
      ConsistentRead: true,
    }),
  );
  return Item as
    | {
        attempts: number;
        codes: { codeHash: string; linkHash: string }[];
        createdAt: string;
        expiresAt: string;
        requestStamp: string;
        ttl: number;
      }
    | undefined;
}

/** The stored login (`LOGIN#`) behind a link's token, read straight from the table. */
export async function storedLogin(token: string) {
  const { Item } = await testDb().send(
    new GetCommand({ TableName: tableName(), Key: keys.loginLink(hashToken(token)), ConsistentRead: true }),
  );
  return Item as { createdAt: string; expiresAt: string; ttl: number } | undefined;
}

/** Puts a LoginLinksRequested on the local bus, as the route does, and waits until it was handled. */
export async function publishLoginEvent(detail: LoginLinksRequested): Promise<void> {
  const bus = new EventBridgeClient({
    endpoint: `${stackInfo().appUrl}/_local/eventbridge`,
    region: stackInfo().region,
    credentials: stackInfo().credentials,
  });
  const { FailedEntryCount } = await bus.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: localBusName,
          Source: eventSource,
          DetailType: detailTypes.loginLinksRequested,
          Detail: JSON.stringify(detail),
        },
      ],
    }),
  );
  if (FailedEntryCount) throw new Error('the local bus refused the login event');
  await waitForBusIdle();
}

/**
 * EventBridge delivers at least once: the handler of this login request runs again, as after an
 * invocation that timed out once SES had the e-mail but before its send-once marker said "sent"
 * (shared/data/notifications.ts). The marker is left with an expired lease, then the same event
 * is put again; answers once the bus has handled it.
 */
export async function redeliverLoginEvent(email: string, loginRequestId: string) {
  const requestIdHash = hashToken(loginRequestId);
  const stored = await storedLoginRequest(loginRequestId);
  if (!stored) throw new Error('no stored login request to redeliver');
  await testDb().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { PK: `NOTIFIED#login-links#${requestIdHash}`, SK: '#NOTIFIED' },
      UpdateExpression: 'SET #state = :sending, leaseUntil = :expired',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':sending': 'sending', ':expired': Date.now() - 1 },
    }),
  );
  const requestedAt = stored.requestStamp.split('#')[0] as string;
  await publishLoginEvent({ email, requestedAt, loginRequestIdHash: requestIdHash });
}

/** The DynamoDB commands of each `send-login-links` run for this login request, oldest first. */
export async function loginHandlerCommands(loginRequestId: string): Promise<string[][]> {
  const requestIdHash = hashToken(loginRequestId);
  const { events } = (await api('GET', '/_local/bus/events')).json as {
    events: {
      event: { detail: { loginRequestIdHash?: string } };
      deliveries: { rule: string; dynamodbCommands?: string[] }[];
    }[];
  };
  return events
    .filter((r) => r.event.detail.loginRequestIdHash === requestIdHash)
    .flatMap((r) => r.deliveries.filter((d) => d.rule === 'send-login-links'))
    .map((d) => d.dynamodbCommands ?? []);
}
