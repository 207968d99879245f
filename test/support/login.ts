import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/data/keys.ts';
import { hashToken } from '../../shared/util/tokens.ts';
import { mailsTo, tableName, testDb, waitForMail, type ApiResponse, type StoredMail } from './api.ts';
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

/** POST /portal/login-links, then the e-mail it causes (the n-th login e-mail to that address). */
export async function requestLogin(email: string) {
  const before = (await mailsTo(email)).filter(isLoginMail(email)).length;
  const res = await portalApi('POST', '/portal/login-links', { body: { email }, sourceIp: uniqueIp() });
  if (res.status !== 202) throw new Error(`login-links answered ${res.status}: ${res.text}`);
  const mail = await waitForMail(isLoginMail(email), { count: before + 1 });
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
  return Item as { attempts: number; codes: { codeHash: string }[]; expiresAt: string } | undefined;
}
