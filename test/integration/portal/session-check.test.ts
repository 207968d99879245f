import { describe, expect, it } from 'vitest';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../../shared/data/keys.ts';
import { sessionRefusals } from '../../../shared/domain/session-refusal.ts';
import { hashToken } from '../../../shared/util/tokens.ts';
import { api, tableName, testDb, type ApiResponse } from '../../support/api.ts';
import { waitFor } from '../../support/pipeline.ts';
import { newAgency, portalApi, signedInClient, type Agency, type SignedIn } from '../../support/portal.ts';

const me = (c: SignedIn) => portalApi('GET', '/portal/me', { cookie: c.cookie });
const stillIn = async (c: SignedIn) => (await me(c)).status;
const tokenOf = (c: SignedIn) => c.cookie.split('=')[1] as string;

/** A 401 whose code (and the message a person reads) says why. */
function expectRefused(res: ApiResponse, code: keyof typeof sessionRefusals) {
  expect(res.status).toBe(401);
  expect(res.json).toEqual({ error: { code, message: sessionRefusals[code] } });
}

async function twoOrgs(): Promise<{ agency: Agency; otherOrg: string; client: SignedIn }> {
  const agency = await newAgency();
  const otherOrg = (await api('POST', '/crm/organizations', { token: agency.token, body: { name: 'Other' } }))
    .json.id;
  return { agency, otherOrg, client: await signedInClient(agency) };
}

const setSessionField = (c: SignedIn, field: string, value: string) =>
  testDb().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.session(hashToken(tokenOf(c))),
      UpdateExpression: 'SET #f = :v',
      ExpressionAttributeNames: { '#f': field },
      ExpressionAttributeValues: { ':v': value },
    }),
  );
const storedSession = async (c: SignedIn) =>
  (await testDb().send(new GetCommand({ TableName: tableName(), Key: keys.session(hashToken(tokenOf(c))) })))
    .Item;
const past = () => new Date(Date.now() - 1000).toISOString();

describe('B19 access ends on the very next request, through the session check alone', () => {
  it('B16 deleting a contact ends its session at once: 401 access_removed', async () => {
    const { agency, client } = await twoOrgs();
    expect(await stillIn(client)).toBe(200);
    await api('DELETE', `/crm/contacts/${client.contactId}`, { token: agency.token });
    expectRefused(await me(client), 'access_removed');
  });

  it('B17 moving a contact ends its session (access_removed), and moving it back does not revive it (B20)', async () => {
    const { agency, otherOrg, client } = await twoOrgs();
    await api('PATCH', `/crm/contacts/${client.contactId}`, {
      token: agency.token,
      body: { organizationId: otherOrg },
    });
    expectRefused(await me(client), 'access_removed');
    const contact = await api('GET', `/crm/contacts/${client.contactId}`, { token: agency.token });
    expect(contact.json.portal).toMatchObject({
      status: 'deactivated',
      deactivatedCause: 'contact_moved',
      eligible: true,
    });
    await api('PATCH', `/crm/contacts/${client.contactId}`, {
      token: agency.token,
      body: { organizationId: agency.orgId },
    });
    expectRefused(await me(client), 'access_removed');
  });

  it('B17 unassigning a contact ends its session: access_removed', async () => {
    const { agency, client } = await twoOrgs();
    await api('PATCH', `/crm/contacts/${client.contactId}`, {
      token: agency.token,
      body: { organizationId: null },
    });
    expectRefused(await me(client), 'access_removed');
  });

  it('B17 changing the e-mail ends the session (access_removed), also when changed back', async () => {
    const { agency, client } = await twoOrgs();
    await api('PATCH', `/crm/contacts/${client.contactId}`, {
      token: agency.token,
      body: { email: `x.${client.email}` },
    });
    await api('PATCH', `/crm/contacts/${client.contactId}`, {
      token: agency.token,
      body: { email: client.email },
    });
    expectRefused(await me(client), 'access_removed');
  });

  it('B15 deleting the organization ends the session of its contacts: access_removed', async () => {
    const { agency, client } = await twoOrgs();
    await api('DELETE', `/crm/organizations/${agency.orgId}`, { token: agency.token });
    expectRefused(await me(client), 'access_removed');
  });

  it('B1 switching the add-on off ends every portal session of the account: portal_unavailable', async () => {
    const { agency, client } = await twoOrgs();
    await api('PATCH', '/crm/account', { token: agency.token, body: { portalEnabled: false } });
    expectRefused(await me(client), 'portal_unavailable');
  });

  it('B22 a recruiter revokes access by hand; it ends at once (access_removed) and may be invited again', async () => {
    const { agency, client } = await twoOrgs();
    const res = await api('DELETE', `/crm/contacts/${client.contactId}/portal-access`, {
      token: agency.token,
    });
    expect(res.status).toBe(204);
    expectRefused(await me(client), 'access_removed');
    const contact = await api('GET', `/crm/contacts/${client.contactId}`, { token: agency.token });
    expect(contact.json.portal).toMatchObject({
      status: 'deactivated',
      deactivatedCause: 'revoked_by_recruiter',
      eligible: true,
    });
    const again = await api('DELETE', `/crm/contacts/${client.contactId}/portal-access`, {
      token: agency.token,
    });
    expect(again).toMatchObject({ status: 422, json: { error: { code: 'no_active_access' } } });
    const audit = await api('GET', `/crm/contacts/${client.contactId}/audit`, { token: agency.token });
    expect(audit.json.items.at(-1)).toMatchObject({
      type: 'deactivated',
      cause: 'revoked_by_recruiter',
      actor: { type: 'recruiter' },
    });
    expect(
      (await api('POST', `/crm/contacts/${client.contactId}/portal-invitation`, { token: agency.token }))
        .status,
    ).toBe(201);
  });

  it('B19 once the event handlers have revoked the session, it still answers access_removed, in one request', async () => {
    const { agency, client } = await twoOrgs();
    await api('DELETE', `/crm/contacts/${client.contactId}`, { token: agency.token });
    const ended = await waitFor(async () => (await storedSession(client))?.endedBecause, {
      what: 'the session ended by the event handler',
    });
    expect(ended).toBe('access_removed');
    expect((await storedSession(client))?.GSI1PK).toBeUndefined();
    const res = await me(client);
    expectRefused(res, 'access_removed');
    expect(res.headers.get('x-local-dynamodb-commands')).toBe('GetItem');
  });

  it('B19 logging out ends the session server-side and clears the cookie; the old cookie answers session_expired', async () => {
    const { client } = await twoOrgs();
    const out = await portalApi('DELETE', '/portal/sessions/current', { cookie: client.cookie });
    expect(out.status).toBe(204);
    expect(out.cookies[0]).toMatch(/^portal_session=; .*Max-Age=0/);
    expectRefused(await me(client), 'session_expired');
  });

  it.each(['idleExpiresAt', 'absoluteExpiresAt'])(
    'B19 a session past its %s is refused in code (TTL deletion lags): session_expired',
    async (field) => {
      const { client } = await twoOrgs();
      await setSessionField(client, field, past());
      const res = await me(client);
      expectRefused(res, 'session_expired');
      expect(res.headers.get('x-local-dynamodb-commands')).toBe('GetItem,BatchGetItem');
    },
  );

  it('B16 an expired session whose access was removed meanwhile says access_removed: logging in would not help', async () => {
    const { agency, client } = await twoOrgs();
    await setSessionField(client, 'idleExpiresAt', past());
    await api('DELETE', `/crm/contacts/${client.contactId}`, { token: agency.token });
    expectRefused(await me(client), 'access_removed');
  });

  it('no cookie, a garbage cookie and a token that was never issued all answer the same not_logged_in', async () => {
    const none = await portalApi('GET', '/portal/me');
    expectRefused(none, 'not_logged_in');
    for (const cookie of ['portal_session=nonsense', `portal_session=${'A'.repeat(43)}`, 'other=1']) {
      const res = await portalApi('GET', '/portal/me', { cookie });
      expect([res.status, res.text], cookie).toEqual([none.status, none.text]);
    }
  });

  it('the session check costs two DynamoDB requests', async () => {
    const { client } = await twoOrgs();
    const res = await me(client);
    expect(res.headers.get('x-local-dynamodb-requests')).toBe('2');
    expect(res.headers.get('x-local-dynamodb-commands')).toBe('GetItem,BatchGetItem');
  });

  it('B16 a refused session costs no more than the two requests of the check', async () => {
    const { agency, client } = await twoOrgs();
    await api('DELETE', `/crm/contacts/${client.contactId}`, { token: agency.token });
    const res = await me(client);
    expect(res.status).toBe(401);
    expect(Number(res.headers.get('x-local-dynamodb-requests'))).toBeLessThanOrEqual(2);
  });
});
