import { createHash, randomBytes } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../shared/data/keys.ts';
import { hashToken } from '../../../shared/util/tokens.ts';
import {
  api,
  dynamodbCommands,
  mailsTo,
  newAccountId,
  tableName,
  testDb,
  type ApiResponse,
} from '../../support/api.ts';
import {
  type LoginInMail,
  loginHandlerCommands,
  loginMailsTo,
  loginsIn,
  publishLoginEvent,
  redeliverLoginEvent,
  requestLogin,
  storedLogin,
  storedLoginRequest,
  tryCode,
  uniqueIp,
  useLink,
  waitForLoginMail,
} from '../../support/login.ts';
import { newAgency, portalApi, sessionCookieFrom, signedInClient } from '../../support/portal.ts';

/** The send-login-links handler's lookup: send-once lease, e-mail index, contacts + accounts, organizations. */
const lookup = ['PutItem', 'Query', 'BatchGetItem', 'BatchGetItem'];

/** A code that is not `code` (any other of the 10⁶). */
const otherThan = (code: string, n = 1) => String((Number(code) + n) % 1_000_000).padStart(6, '0');
const spaced = (code: string) => ` ${code.slice(0, 3)} ${code.slice(3)} `;

/** B24: the one refusal of a code, whatever the reason; taken from a request nobody made. */
let refusal: { status: number; text: string };
const expectRefused = (res: ApiResponse) => expect({ status: res.status, text: res.text }).toEqual(refusal);

const agencyOf = async (res: ApiResponse) =>
  (await portalApi('GET', '/portal/me', { cookie: sessionCookieFrom(res) })).json.agency.name as string;

beforeAll(async () => {
  const res = await tryCode(randomBytes(32).toString('base64url'), '123456');
  refusal = { status: res.status, text: res.text };
  expect(res.status).toBe(401);
  expect(res.json.error.code).toBe('login_code_invalid');
});

describe('B24 logging in with a one-time code beside the link', () => {
  it('B24 the e-mailed code logs in, pasted with spaces; the subject names the login code', async () => {
    const agency = await newAgency('Northwind Talent');
    const client = await signedInClient(agency);
    const { loginRequestId, mail, logins } = await requestLogin(client.email);
    expect(logins).toHaveLength(1);
    const [login] = logins;
    expect(login?.code).toMatch(/^\d{6}$/);
    expect(mail.subject).toBe(`Your login code for Northwind Talent: ${login?.code}`);
    expect(mail.body.html).toContain(login?.code);
    const res = await tryCode(loginRequestId, spaced(login?.code as string));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ user: { email: client.email }, redirectTo: '/app' });
    expect(await agencyOf(res)).toBe('Northwind Talent');
    const audit = await api('GET', `/crm/contacts/${client.contactId}/audit`, { token: agency.token });
    expect(audit.json.items.map((e: { type: string }) => e.type)).toEqual(['invited', 'joined', 'logged_in']);
  });

  it('B24 20 parallel attempts with the right code: one session, and exactly 5 attempts counted', async () => {
    const client = await signedInClient(await newAgency());
    const { loginRequestId, logins } = await requestLogin(client.email);
    const code = logins[0]?.code as string;
    const attempts = await Promise.all(Array.from({ length: 20 }, () => tryCode(loginRequestId, code)));
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of attempts.filter((a) => a.status !== 201)) expectRefused(r);
    expect((await storedLoginRequest(loginRequestId))?.attempts).toBe(5);
  });

  it('B24 20 parallel wrong codes: exactly 5 counted, then the right code is dead and the link still works', async () => {
    const client = await signedInClient(await newAgency());
    const { loginRequestId, logins } = await requestLogin(client.email);
    const [login] = logins;
    const code = login?.code as string;
    const wrong = await Promise.all(
      Array.from({ length: 20 }, (_, i) => tryCode(loginRequestId, otherThan(code, i + 1))),
    );
    for (const r of wrong) expectRefused(r);
    expect((await storedLoginRequest(loginRequestId))?.attempts).toBe(5);
    expectRefused(await tryCode(loginRequestId, code));
    expect((await storedLoginRequest(loginRequestId))?.attempts).toBe(5);
    expect((await useLink(login?.token as string)).status).toBe(201);
  });

  it('B24 at most 5 wrong codes per request, one after the other; the sixth attempt fails even when right', async () => {
    const client = await signedInClient(await newAgency());
    const { loginRequestId, logins } = await requestLogin(client.email);
    const code = logins[0]?.code as string;
    for (let i = 1; i <= 4; i++) expectRefused(await tryCode(loginRequestId, otherThan(code, i)));
    expect((await storedLoginRequest(loginRequestId))?.attempts).toBe(4);
    expectRefused(await tryCode(loginRequestId, otherThan(code, 5)));
    expectRefused(await tryCode(loginRequestId, code));
    expect((await storedLoginRequest(loginRequestId))?.attempts).toBe(5);
  });

  it('B24 link then code: the code of a used link is refused', async () => {
    const client = await signedInClient(await newAgency());
    const { loginRequestId, logins } = await requestLogin(client.email);
    const [login] = logins;
    expect((await useLink(login?.token as string)).status).toBe(201);
    expectRefused(await tryCode(loginRequestId, login?.code as string));
  });

  it('B24 code then link: the link of a used code is refused, and checking it says so', async () => {
    const client = await signedInClient(await newAgency());
    const { loginRequestId, logins } = await requestLogin(client.email);
    const [login] = logins;
    expect((await tryCode(loginRequestId, login?.code as string)).status).toBe(201);
    expect((await api('GET', `/portal/login-links/${login?.token}`)).status).toBe(404);
    expect((await useLink(login?.token as string)).status).toBe(404);
  });

  it('B24 link and code raced in parallel: one login, never two', async () => {
    const client = await signedInClient(await newAgency());
    const { loginRequestId, logins } = await requestLogin(client.email);
    const [login] = logins;
    const both = await Promise.all([
      ...Array.from({ length: 3 }, () => useLink(login?.token as string)),
      ...Array.from({ length: 3 }, () => tryCode(loginRequestId, login?.code as string)),
    ]);
    expect(both.filter((r) => r.status === 201)).toHaveLength(1);
  });

  it('B24 an expired code answers like a wrong one', async () => {
    const client = await signedInClient(await newAgency());
    const { loginRequestId, logins } = await requestLogin(client.email);
    await testDb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.loginRequest(hashToken(loginRequestId)),
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );
    expectRefused(await tryCode(loginRequestId, logins[0]?.code as string));
  });

  it('B24 a newer login request makes the older links and codes unusable; the newest works', async () => {
    const client = await signedInClient(await newAgency());
    const first = await requestLogin(client.email);
    const second = await requestLogin(client.email);
    const [old] = first.logins;
    expectRefused(await tryCode(first.loginRequestId, old?.code as string));
    expect((await api('GET', `/portal/login-links/${old?.token}`)).status).toBe(404);
    expect((await useLink(old?.token as string)).status).toBe(404);
    expect((await tryCode(second.loginRequestId, second.logins[0]?.code as string)).status).toBe(201);
  });

  it('B24 an older request handled after a newer one sends nothing and leaves the newer one working', async () => {
    const client = await signedInClient(await newAgency());
    const newer = await requestLogin(client.email);
    const before = (await mailsTo(client.email)).length;
    // The bus does not promise order: the same event as the route publishes, stamped a minute earlier.
    const lateHash = hashToken(randomBytes(32).toString('base64url'));
    await publishLoginEvent({
      email: client.email,
      requestedAt: new Date(Date.now() - 60_000).toISOString(),
      loginRequestIdHash: lateHash,
    });
    // Handled (not failed into a dead-letter list), and no e-mail came of it.
    const events = (await api('GET', '/_local/bus/events')).json.events as {
      event: { detail: { email?: string; loginRequestIdHash?: string } };
      deliveries: { status: string }[];
    }[];
    const handled = events.filter(
      (r) => r.event.detail.email === client.email && r.event.detail.loginRequestIdHash === lateHash,
    );
    expect(handled.flatMap((r) => r.deliveries.map((d) => d.status))).toEqual(['delivered']);
    expect((await mailsTo(client.email)).length).toBe(before);
    expect((await tryCode(newer.loginRequestId, newer.logins[0]?.code as string)).status).toBe(201);
  });

  it("B24 a redelivered login event leaves one login per agency: the first e-mail's link and code are dead, the second's work once", async () => {
    const email = `twice.${newAccountId()}@client.test`;
    await signedInClient(await newAgency('First Agency'), { email });
    await signedInClient(await newAgency('Second Agency'), { email });
    const first = await requestLogin(email);
    expect(first.logins).toHaveLength(2);
    // The handler runs again for the same request after its e-mail went out (at-least-once delivery).
    await redeliverLoginEvent(email, first.loginRequestId);
    const second = loginsIn(await waitForLoginMail(email, 2));
    expect(second).toHaveLength(2);
    const of = (logins: LoginInMail[], agency: string) =>
      logins.find((l) => l.agency === agency) as LoginInMail;
    // The first e-mail's logins are gone from the table: its links are dead, and so are its codes.
    for (const old of first.logins) {
      expect(await storedLogin(old.token)).toBeUndefined();
      expect((await useLink(old.token)).status).toBe(404);
    }
    const oldCode = first.logins.find((l) => !second.some((n) => n.code === l.code)) as LoginInMail;
    expectRefused(await tryCode(first.loginRequestId, oldCode.code));
    // The second e-mail's: one login per agency, by either key, and each once.
    expect(await agencyOf(await tryCode(first.loginRequestId, of(second, 'First Agency').code))).toBe(
      'First Agency',
    );
    expect((await useLink(of(second, 'First Agency').token)).status).toBe(404);
    expect(await agencyOf(await useLink(of(second, 'Second Agency').token))).toBe('Second Agency');
    expectRefused(await tryCode(first.loginRequestId, of(second, 'Second Agency').code));
    expect(await loginMailsTo(email)).toHaveLength(2);
    // The re-store costs one TransactWriteItems more: the first finds the request stored and returns it.
    expect(await loginHandlerCommands(first.loginRequestId)).toEqual([
      [...lookup, 'TransactWriteItems', 'UpdateItem'],
      [...lookup, 'TransactWriteItems', 'TransactWriteItems', 'UpdateItem'],
    ]);
  });

  it('B24 a login event redelivered after its link was used, or after a code was tried, writes and sends nothing', async () => {
    for (const before of ['link used', 'code tried'] as const) {
      const client = await signedInClient(await newAgency());
      const { loginRequestId, logins } = await requestLogin(client.email);
      const login = logins[0] as LoginInMail;
      if (before === 'link used') expect((await useLink(login.token)).status).toBe(201);
      else expectRefused(await tryCode(loginRequestId, otherThan(login.code)));
      const stored = await storedLoginRequest(loginRequestId);
      await redeliverLoginEvent(client.email, loginRequestId);
      expect(await loginMailsTo(client.email), before).toHaveLength(1);
      expect(await storedLoginRequest(loginRequestId), before).toEqual(stored);
      // A tried code shows in the request the first transaction returns; a used link only when the
      // re-store's delete of it finds nothing.
      expect((await loginHandlerCommands(loginRequestId))[1], before).toEqual([
        ...lookup,
        ...(before === 'link used' ? ['TransactWriteItems'] : []),
        'TransactWriteItems',
        'UpdateItem',
      ]);
      // Still the one login of the first e-mail: used by its link, or still there for its code.
      if (before === 'link used') expectRefused(await tryCode(loginRequestId, login.code));
      else expect((await tryCode(loginRequestId, login.code)).status).toBe(201);
    }
  });

  it('B24 the stored login request and its login expire 15 minutes after they were made (TTL a day later)', async () => {
    const client = await signedInClient(await newAgency());
    const asked = Date.now();
    const { loginRequestId, logins } = await requestLogin(client.email);
    const request = await storedLoginRequest(loginRequestId);
    const login = await storedLogin(logins[0]?.token as string);
    expect(login?.createdAt).toBe(request?.createdAt);
    for (const item of [request, login]) {
      const createdAt = Date.parse(item?.createdAt as string);
      expect(createdAt).toBeGreaterThanOrEqual(asked - 1_000);
      expect(createdAt).toBeLessThanOrEqual(Date.now());
      expect(Date.parse(item?.expiresAt as string) - createdAt).toBe(15 * 60_000);
      expect(item?.ttl).toBe(Math.floor(Date.parse(item?.expiresAt as string) / 1000) + 86_400);
    }
  });

  it('B24 a client of several agencies gets one code each, and the code alone picks the agency', async () => {
    const email = `multi.${newAccountId()}@client.test`;
    await signedInClient(await newAgency('First Agency'), { email });
    await signedInClient(await newAgency('Second Agency'), { email });
    const { loginRequestId, mail, logins } = await requestLogin(email);
    expect(mail.subject).toBe('Your Client Portal login codes and links');
    expect(logins.map((l) => l.agency).sort()).toEqual(['First Agency', 'Second Agency']);
    expect(new Set(logins.map((l) => l.code)).size).toBe(2);
    const second = logins.find((l) => l.agency === 'Second Agency');
    const first = logins.find((l) => l.agency === 'First Agency');
    const intoSecond = await tryCode(loginRequestId, second?.code as string);
    expect(await agencyOf(intoSecond)).toBe('Second Agency');
    // The other agency's login is still there, by code (or by its link).
    expect(await agencyOf(await tryCode(loginRequestId, first?.code as string))).toBe('First Agency');
  });

  it('B24 codes are stored only as keyed hashes: no unkeyed SHA-256 of the code (the only one of 10⁶ that could match) is stored', async () => {
    const client = await signedInClient(await newAgency());
    const { loginRequestId, logins } = await requestLogin(client.email);
    const code = logins[0]?.code as string;
    const stored = await storedLoginRequest(loginRequestId);
    expect(stored?.codes).toHaveLength(1);
    expect(
      Object.values(stored ?? {}).flatMap((v) => (Array.isArray(v) ? v.flatMap(Object.values) : [v])),
    ).not.toContain(code);
    const hashes = new Set(stored?.codes.map((c) => c.codeHash));
    const requestIdHash = hashToken(loginRequestId);
    // Trying all 10⁶ codes would find a match only at the real code (SHA-256 has no known
    // collisions), so checking the real code, bare and with the request's public parts, is the same test.
    let found = 0;
    for (const input of [
      code,
      `${requestIdHash}${code}`,
      `${requestIdHash}:${code}`,
      `${loginRequestId}${code}`,
    ])
      for (const encoding of ['hex', 'base64', 'base64url'] as const)
        if (hashes.has(createHash('sha256').update(input).digest(encoding))) found++;
    expect(found).toBe(0);
  });

  it('B24 unknown address: a code against its request answers and works like a wrong code on a known one', async () => {
    const client = await signedInClient(await newAgency());
    const known = await requestLogin(client.email);
    const unknown = await portalApi('POST', '/portal/login-links', {
      body: { email: `nobody.${newAccountId()}@nowhere.test` },
      sourceIp: uniqueIp(),
    });
    const wrongCode = otherThan(known.logins[0]?.code as string);
    const onKnown = await tryCode(known.loginRequestId, wrongCode);
    const onUnknown = await tryCode(unknown.json.loginRequestId, wrongCode);
    expectRefused(onKnown);
    expectRefused(onUnknown);
    expect(dynamodbCommands(onKnown)).toEqual(['UpdateItem']);
    expect(dynamodbCommands(onUnknown)).toEqual(dynamodbCommands(onKnown));
    // Every header too, but for the values that are per request anyway (docs/login-codes.md: only
    // the latency may differ, and that is accepted).
    const headers = (res: ApiResponse) =>
      [...res.headers.entries()].filter(([name]) => name !== 'date' && name !== 'apigw-requestid');
    expect(headers(onUnknown)).toEqual(headers(onKnown));
  });

  it('B19 B24 ended access kills the code too', async () => {
    const agency = await newAgency();
    const client = await signedInClient(agency);
    const { loginRequestId, logins } = await requestLogin(client.email);
    await api('DELETE', `/crm/contacts/${client.contactId}/portal-access`, { token: agency.token });
    expectRefused(await tryCode(loginRequestId, logins[0]?.code as string));
  });

  it('B1 B24 with the add-on off, the right code gets the same refusal as a wrong one', async () => {
    const agency = await newAgency();
    const client = await signedInClient(agency);
    const { loginRequestId, logins } = await requestLogin(client.email);
    await api('PATCH', '/crm/account', { token: agency.token, body: { portalEnabled: false } });
    expectRefused(await tryCode(loginRequestId, logins[0]?.code as string));
  });

  it('B24 a malformed code or login request id is 400 and counts no attempt', async () => {
    const client = await signedInClient(await newAgency());
    const { loginRequestId, logins } = await requestLogin(client.email);
    const [login] = logins;
    for (const body of [
      { loginRequestId, code: '12345' },
      { loginRequestId, code: '12a456' },
      { loginRequestId, code: 123456 },
      { loginRequestId: 'short', code: login?.code },
      { loginRequestId, code: login?.code, token: login?.token },
      { loginRequestId },
    ]) {
      const res = await portalApi('POST', '/portal/sessions', { body });
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ code: 'validation_failed', details: expect.any(Object) });
    }
    expect((await storedLoginRequest(loginRequestId))?.attempts).toBe(0);
  });
});
