import { expect } from 'vitest';
import {
  api,
  enablePortal,
  linkIn,
  mailsTo,
  newAccountId,
  recruiterToken,
  waitForMail,
  type ApiOptions,
  type ApiResponse,
  type StoredMail,
} from './api.ts';

/** A portal call as the web app makes it: the session cookie, and the CSRF header on writes. */
export function portalApi(
  method: string,
  path: string,
  options: ApiOptions & { csrf?: boolean } = {},
): Promise<ApiResponse> {
  const { csrf = true, ...rest } = options;
  const headers = { ...rest.headers, ...(csrf && method !== 'GET' ? { 'x-requested-with': 'portal' } : {}) };
  return api(method, path, { ...rest, headers });
}

/** The `portal_session=…` pair from a response's Set-Cookie, ready for a Cookie header. */
export function sessionCookieFrom(res: ApiResponse): string {
  const cookie = res.cookies.find((c) => c.startsWith('portal_session='));
  if (!cookie) throw new Error(`no session cookie in ${res.status} ${res.text}`);
  return cookie.split(';')[0] as string;
}

export interface Agency {
  accountId: string;
  token: string;
  orgId: string;
}

export async function newAgency(name = 'Test Agency'): Promise<Agency> {
  const accountId = newAccountId();
  const token = await recruiterToken({ accountId, role: 'admin', email: `admin@${accountId}.test` });
  await enablePortal(token, { portalName: name, notificationEmail: `notify@${accountId}.test` });
  const org = await api('POST', '/crm/organizations', { token, body: { name: 'Acme Corp' } });
  return { accountId, token, orgId: org.json.id };
}

export interface Invited {
  contactId: string;
  email: string;
  signupToken: string;
}

/** A contact of the agency's organization, invited; the sign-up token is read from the real e-mail. */
export async function invitedContact(
  agency: Agency,
  options: { email?: string; orgId?: string } = {},
): Promise<Invited> {
  const email = options.email ?? `client.${Math.random().toString(36).slice(2)}@${agency.accountId}.test`;
  const contact = await api('POST', '/crm/contacts', {
    token: agency.token,
    body: { firstName: 'Cleo', lastName: 'Client', email, organizationId: options.orgId ?? agency.orgId },
  });
  expect(contact.status).toBe(201);
  // The same address may hold invitations from other agencies: wait for one more than it had.
  const isInvitation = (m: StoredMail) =>
    m.destination.to.includes(email) && m.body.text.includes('/signup?token=');
  const already = (await mailsTo(email)).filter(isInvitation).length;
  const invite = await api('POST', `/crm/contacts/${contact.json.id}/portal-invitation`, {
    token: agency.token,
  });
  expect(invite.status).toBe(201);
  const mail = await waitForMail(isInvitation, { count: already + 1 });
  const signupToken = linkIn(mail, '/signup')?.searchParams.get('token');
  if (!signupToken) throw new Error('no sign-up link in the invitation e-mail');
  return { contactId: contact.json.id, email, signupToken };
}

export interface SignedIn extends Invited {
  cookie: string;
  userId: string;
}

/** Invited and signed up: a portal user with a live session cookie. */
export async function signedInClient(
  agency: Agency,
  options: { email?: string; orgId?: string } = {},
): Promise<SignedIn> {
  const invited = await invitedContact(agency, options);
  const res = await portalApi('POST', '/portal/signup', {
    body: { token: invited.signupToken, firstName: 'Cleo', lastName: 'Client', jobTitle: 'Hiring manager' },
  });
  expect(res.status).toBe(201);
  return { ...invited, cookie: sessionCookieFrom(res), userId: res.json.user.id };
}
