import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { keys } from '../../../shared/data/keys.ts';
import { hashToken } from '../../../shared/util/tokens.ts';
import {
  api,
  linkIn,
  mailsTo,
  newAccountId,
  tableName,
  testDb,
  waitForMail,
  type ApiResponse,
} from '../../support/api.ts';
import { waitForBusIdle } from '../../support/bus.ts';
import { newAgency, portalApi, sessionCookieFrom, signedInClient } from '../../support/portal.ts';

const requestLinks = (email: string, sourceIp?: string) =>
  portalApi('POST', '/portal/login-links', { body: { email }, ...(sourceIp ? { sourceIp } : {}) });
const uniqueIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function loginTokensFor(email: string, count = 1): Promise<string[]> {
  const mail = await waitForMail(
    (m) => m.destination.to.includes(email) && m.body.text.includes('/login/continue'),
    { count },
  );
  return [...`${mail.body.text}`.matchAll(/\/login\/continue\?token=([A-Za-z0-9_-]{43})/g)].map(
    (m) => m[1] as string,
  );
}

/** An answer with its one random part (the login request id, B24) reduced to its form. */
const strip = (res: ApiResponse) => ({
  status: res.status,
  body: res.text.replace(/"loginRequestId":"[A-Za-z0-9_-]{43}"/, '"loginRequestId":"<43 base64url>"'),
  // Every header, with its value but where the value is per request anyway (the clock, the request id).
  headers: [...res.headers.entries()].map(([name, value]) =>
    name === 'date' || name === 'apigw-requestid' ? [name, '<per request>'] : [name, value],
  ),
});

describe('B7 logging in with e-mailed links', () => {
  it('B7 B24 known and unknown addresses get alike answers (body shape, headers) from the same work', async () => {
    const client = await signedInClient(await newAgency());
    const known = await requestLinks(client.email, uniqueIp());
    const unknown = await requestLinks(`nobody.${newAccountId()}@nowhere.test`, uniqueIp());
    expect(known.status).toBe(202);
    expect(Object.keys(known.json).sort()).toEqual(['loginRequestId', 'message']);
    expect(known.json.loginRequestId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(unknown.json.loginRequestId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(known.json.loginRequestId).not.toBe(unknown.json.loginRequestId);
    expect(strip(known)).toEqual(strip(unknown));
    // Same DynamoDB requests in the same order: nothing about the address shows in the work either.
    expect(known.headers.get('x-local-dynamodb-commands')).toBe(
      unknown.headers.get('x-local-dynamodb-commands'),
    );
    expect(await loginTokensFor(client.email)).toHaveLength(1);
  });

  it('B7 a link is checked without being consumed, logs in once, and mints a new session', async () => {
    const agency = await newAgency('Northwind Talent');
    const client = await signedInClient(agency);
    await requestLinks(client.email, uniqueIp());
    const [token] = await loginTokensFor(client.email);
    const check = await api('GET', `/portal/login-links/${token}`);
    expect(check.json).toEqual({
      email: client.email,
      organization: { name: 'Acme Corp' },
      agency: { name: 'Northwind Talent' },
      expiresAt: expect.any(String),
    });
    expect(Date.parse(check.json.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect((await api('GET', `/portal/login-links/${token}`)).status).toBe(200);
    const attempts = await Promise.all(
      Array.from({ length: 4 }, () => portalApi('POST', '/portal/sessions', { body: { token } })),
    );
    expect(attempts.map((r) => r.status).sort()).toEqual([201, 404, 404, 404]);
    const winner = attempts.find((r) => r.status === 201) as ApiResponse;
    expect(winner.json).toMatchObject({ user: { email: client.email }, redirectTo: '/app' });
    const cookie = sessionCookieFrom(winner);
    expect(cookie).not.toBe(client.cookie);
    expect((await portalApi('GET', '/portal/me', { cookie })).status).toBe(200);
    const audit = await api('GET', `/crm/contacts/${client.contactId}/audit`, { token: agency.token });
    expect(audit.json.items.map((e: { type: string }) => e.type)).toEqual(['invited', 'joined', 'logged_in']);
  });

  it('B7 one e-mail carries one link per agency the person is a client of', async () => {
    const email = `shared.${newAccountId()}@client.test`;
    const first = await signedInClient(await newAgency('First Agency'), { email });
    await signedInClient(await newAgency('Second Agency'), { email });
    await requestLinks(email, uniqueIp());
    const mail = await waitForMail(
      (m) => m.destination.to.includes(email) && m.body.text.includes('/login/continue'),
    );
    expect(mail.body.text).toContain('First Agency');
    expect(mail.body.text).toContain('Second Agency');
    expect([...mail.body.text.matchAll(/\/login\/continue\?token=/g)]).toHaveLength(2);
    expect(linkIn(mail, '/login/continue')?.origin).toMatch(/^http:\/\/localhost:\d+$/);
    expect(first.email).toBe(email);
  });

  it('B7 an expired link is refused and logs nobody in', async () => {
    const client = await signedInClient(await newAgency());
    await requestLinks(client.email, uniqueIp());
    const [token] = await loginTokensFor(client.email);
    await testDb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.loginLink(hashToken(token as string)),
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );
    expect((await api('GET', `/portal/login-links/${token}`)).json.error.code).toBe('login_link_expired');
    expect((await portalApi('POST', '/portal/sessions', { body: { token } })).status).toBe(422);
  });

  it('B19 a deactivated user gets no link, and an unused link stops working', async () => {
    const agency = await newAgency();
    const client = await signedInClient(agency);
    await requestLinks(client.email, uniqueIp());
    const [token] = await loginTokensFor(client.email);
    await api('DELETE', `/crm/contacts/${client.contactId}/portal-access`, { token: agency.token });
    expect((await portalApi('POST', '/portal/sessions', { body: { token } })).status).toBe(404);
    const before = (await mailsTo(client.email)).length;
    expect((await requestLinks(client.email, uniqueIp())).status).toBe(202);
    await waitForBusIdle();
    expect((await mailsTo(client.email)).length).toBe(before);
  });

  it('B7 over the limit: the sixth request for one address in 15 minutes is 429 with Retry-After', async () => {
    const email = `limited.${newAccountId()}@client.test`;
    for (let i = 0; i < 5; i++) expect((await requestLinks(email, uniqueIp())).status).toBe(202);
    const sixth = await requestLinks(email, uniqueIp());
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(sixth.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    expect(sixth.json.error.code).toBe('rate_limited');
    // B24: no login request either, so no code can come of it.
    expect(sixth.json.loginRequestId).toBeUndefined();
  });

  it('B7 over the limit: the 31st request from one client address in 15 minutes is 429', async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 30; i++)
      expect((await requestLinks(`a${i}.${newAccountId()}@x.test`, ip)).status).toBe(202);
    expect((await requestLinks(`last.${newAccountId()}@x.test`, ip)).status).toBe(429);
    expect((await requestLinks(`other.${newAccountId()}@x.test`, uniqueIp())).status).toBe(202);
  });

  it('B7 one address held by two contacts of one agency (two organizations) gets a link for each', async () => {
    const agency = await newAgency('One Agency');
    const otherOrg = (
      await api('POST', '/crm/organizations', { token: agency.token, body: { name: 'Second Org' } })
    ).json.id;
    const email = `two.${newAccountId()}@client.test`;
    await signedInClient(agency, { email });
    await signedInClient(agency, { email, orgId: otherOrg });
    await requestLinks(email, uniqueIp());
    const mail = await waitForMail(
      (m) => m.destination.to.includes(email) && m.body.text.includes('/login/continue'),
    );
    expect([...mail.body.text.matchAll(/\/login\/continue\?token=/g)]).toHaveLength(2);
    expect(mail.body.text).toContain('Second Org');
  });

  it('B1 with the add-on off, a login link logs nobody in (401)', async () => {
    const agency = await newAgency();
    const client = await signedInClient(agency);
    await requestLinks(client.email, uniqueIp());
    const [token] = await loginTokensFor(client.email);
    await api('PATCH', '/crm/account', { token: agency.token, body: { portalEnabled: false } });
    expect((await api('GET', `/portal/login-links/${token}`)).status).toBe(401);
    expect((await portalApi('POST', '/portal/sessions', { body: { token } })).status).toBe(401);
  });
});
