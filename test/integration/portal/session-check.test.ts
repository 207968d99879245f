import { describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../../shared/data/keys.ts';
import { hashToken } from '../../../shared/util/tokens.ts';
import { api, tableName, testDb } from '../../support/api.ts';
import { newAgency, portalApi, signedInClient, type Agency, type SignedIn } from '../../support/portal.ts';

const stillIn = async (c: SignedIn) => (await portalApi('GET', '/portal/me', { cookie: c.cookie })).status;

async function twoOrgs(): Promise<{ agency: Agency; otherOrg: string; client: SignedIn }> {
  const agency = await newAgency();
  const otherOrg = (await api('POST', '/crm/organizations', { token: agency.token, body: { name: 'Other' } }))
    .json.id;
  return { agency, otherOrg, client: await signedInClient(agency) };
}

describe('B19 access ends on the very next request, through the session check alone', () => {
  it('B16 deleting a contact ends its session at once', async () => {
    const { agency, client } = await twoOrgs();
    expect(await stillIn(client)).toBe(200);
    await api('DELETE', `/crm/contacts/${client.contactId}`, { token: agency.token });
    const res = await portalApi('GET', '/portal/me', { cookie: client.cookie });
    expect(res).toMatchObject({ status: 401, json: { error: { code: 'unauthorized' } } });
  });

  it('B17 moving a contact ends its session, and moving it back does not revive it (B20)', async () => {
    const { agency, otherOrg, client } = await twoOrgs();
    await api('PATCH', `/crm/contacts/${client.contactId}`, {
      token: agency.token,
      body: { organizationId: otherOrg },
    });
    expect(await stillIn(client)).toBe(401);
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
    expect(await stillIn(client)).toBe(401);
  });

  it('B17 unassigning a contact ends its session', async () => {
    const { agency, client } = await twoOrgs();
    await api('PATCH', `/crm/contacts/${client.contactId}`, {
      token: agency.token,
      body: { organizationId: null },
    });
    expect(await stillIn(client)).toBe(401);
  });

  it('B17 changing the e-mail ends the session, also when changed back', async () => {
    const { agency, client } = await twoOrgs();
    await api('PATCH', `/crm/contacts/${client.contactId}`, {
      token: agency.token,
      body: { email: `x.${client.email}` },
    });
    await api('PATCH', `/crm/contacts/${client.contactId}`, {
      token: agency.token,
      body: { email: client.email },
    });
    expect(await stillIn(client)).toBe(401);
  });

  it('B15 deleting the organization ends the session of its contacts', async () => {
    const { agency, client } = await twoOrgs();
    await api('DELETE', `/crm/organizations/${agency.orgId}`, { token: agency.token });
    expect(await stillIn(client)).toBe(401);
  });

  it('B1 switching the add-on off ends every portal session of the account', async () => {
    const { agency, client } = await twoOrgs();
    await api('PATCH', '/crm/account', { token: agency.token, body: { portalEnabled: false } });
    expect(await stillIn(client)).toBe(401);
  });

  it('B22 a recruiter revokes access by hand; it ends at once and may be invited again', async () => {
    const { agency, client } = await twoOrgs();
    const res = await api('DELETE', `/crm/contacts/${client.contactId}/portal-access`, {
      token: agency.token,
    });
    expect(res.status).toBe(204);
    expect(await stillIn(client)).toBe(401);
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

  it('logging out ends the session server-side and clears the cookie', async () => {
    const { client } = await twoOrgs();
    const out = await portalApi('DELETE', '/portal/sessions/current', { cookie: client.cookie });
    expect(out.status).toBe(204);
    expect(out.cookies[0]).toMatch(/^portal_session=; .*Max-Age=0/);
    expect(await stillIn(client)).toBe(401);
  });

  it('no cookie, a garbage cookie or a forged token is 401', async () => {
    expect((await portalApi('GET', '/portal/me')).status).toBe(401);
    expect((await portalApi('GET', '/portal/me', { cookie: 'portal_session=nonsense' })).status).toBe(401);
    expect(
      (await portalApi('GET', '/portal/me', { cookie: `portal_session=${'A'.repeat(43)}` })).status,
    ).toBe(401);
  });

  it('the session check costs two DynamoDB requests', async () => {
    const { client } = await twoOrgs();
    const res = await portalApi('GET', '/portal/me', { cookie: client.cookie });
    expect(res.headers.get('x-local-dynamodb-requests')).toBe('2');
    expect(res.headers.get('x-local-dynamodb-commands')).toBe('GetItem,BatchGetItem');
  });

  it.each(['idleExpiresAt', 'absoluteExpiresAt'])(
    'a session past its %s is refused in code (TTL deletion lags)',
    async (field) => {
      const { client } = await twoOrgs();
      const token = client.cookie.split('=')[1] as string;
      await testDb().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.session(hashToken(token)),
          UpdateExpression: 'SET #f = :past',
          ExpressionAttributeNames: { '#f': field },
          ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
        }),
      );
      expect(await stillIn(client)).toBe(401);
    },
  );
});
