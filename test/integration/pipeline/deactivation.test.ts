import { describe, expect, it } from 'vitest';
import { keys } from '../../../shared/data/keys.ts';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { api, tableName, testDb } from '../../support/api.ts';
import { waitFor, waitForPipelineIdle } from '../../support/pipeline.ts';
import { newAgency, portalApi, signedInClient, type Agency } from '../../support/portal.ts';

type AuditEntry = { type: string; cause?: string; actor: { type: string } };
const audit = async (agency: Agency, contactId: string): Promise<AuditEntry[]> =>
  (await api('GET', `/crm/contacts/${contactId}/audit`, { token: agency.token })).json.items;
const deactivation = (agency: Agency, contactId: string) =>
  waitFor(async () => (await audit(agency, contactId)).find((e) => e.type === 'deactivated'));
/** The contact's stored sessions and login links (GSI1), to see them revoked. */
async function credentialsOf(accountId: string, contactId: string): Promise<number> {
  const count = async (pk: string) =>
    (
      await testDb().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': pk },
        }),
      )
    ).Count ?? 0;
  return (
    (await count(keys.sessionsOfContact(accountId, contactId).GSI1PK)) +
    (await count(keys.loginLinksOfContact(accountId, contactId).GSI1PK))
  );
}

describe('B15–B21 the event pipeline makes deactivation durable', () => {
  it('B16 B19 B21 deleting a contact: 401 at once, then audited as contact_deleted and still readable', async () => {
    const agency = await newAgency();
    const client = await signedInClient(agency);
    await api('DELETE', `/crm/contacts/${client.contactId}`, { token: agency.token });
    expect((await portalApi('GET', '/portal/me', { cookie: client.cookie })).status).toBe(401);
    const entry = await deactivation(agency, client.contactId);
    expect(entry).toMatchObject({ type: 'deactivated', cause: 'contact_deleted', actor: { type: 'system' } });
    expect((await audit(agency, client.contactId)).map((e) => e.type)).toEqual([
      'invited',
      'joined',
      'deactivated',
    ]);
    await waitFor(async () => (await credentialsOf(agency.accountId, client.contactId)) === 0);
  });

  it('B15 deleting an organization deletes its contacts; each one is audited as organization_deleted', async () => {
    const agency = await newAgency();
    const a = await signedInClient(agency);
    const b = await signedInClient(agency);
    const plain = await api('POST', '/crm/contacts', {
      token: agency.token,
      body: { firstName: 'No', lastName: 'Portal', organizationId: agency.orgId },
    });
    await api('DELETE', `/crm/organizations/${agency.orgId}`, { token: agency.token });
    for (const id of [a.contactId, b.contactId, plain.json.id])
      await waitFor(
        async () => (await api('GET', `/crm/contacts/${id}`, { token: agency.token })).status === 404,
      );
    for (const c of [a, b])
      expect(await deactivation(agency, c.contactId)).toMatchObject({ cause: 'organization_deleted' });
    expect(await audit(agency, plain.json.id)).toEqual([]);
    const list = await api('GET', `/crm/organizations/${agency.orgId}/contacts`, { token: agency.token });
    expect(list.status).toBe(404);
  });

  it('B15 a contact moved out before the cascade is not deleted', async () => {
    const agency = await newAgency();
    const other = (await api('POST', '/crm/organizations', { token: agency.token, body: { name: 'Other' } }))
      .json.id;
    const stays = await api('POST', '/crm/contacts', {
      token: agency.token,
      body: { firstName: 'S', lastName: 'Tays', organizationId: agency.orgId },
    });
    const goes = await api('POST', '/crm/contacts', {
      token: agency.token,
      body: { firstName: 'G', lastName: 'Oes', organizationId: agency.orgId },
    });
    await api('PATCH', `/crm/contacts/${stays.json.id}`, {
      token: agency.token,
      body: { organizationId: other },
    });
    const since = Date.now();
    await api('DELETE', `/crm/organizations/${agency.orgId}`, { token: agency.token });
    await waitFor(
      async () => (await api('GET', `/crm/contacts/${goes.json.id}`, { token: agency.token })).status === 404,
    );
    await waitForPipelineIdle({ since });
    expect(
      (await api('GET', `/crm/contacts/${stays.json.id}`, { token: agency.token })).json.organizationId,
    ).toBe(other);
  });

  it.each([
    ['moving', 'contact_moved'],
    ['unassigning', 'contact_unassigned'],
    ['changing the e-mail of', 'contact_email_changed'],
  ] as const)(
    'B17 %s a contact is audited with its cause and its sessions are revoked',
    async (what, cause) => {
      const agency = await newAgency();
      const other = (
        await api('POST', '/crm/organizations', { token: agency.token, body: { name: 'Other' } })
      ).json.id;
      const client = await signedInClient(agency);
      const body =
        what === 'moving'
          ? { organizationId: other }
          : what === 'unassigning'
            ? { organizationId: null }
            : { email: `new.${client.email}` };
      expect(await credentialsOf(agency.accountId, client.contactId)).toBe(1);
      await api('PATCH', `/crm/contacts/${client.contactId}`, { token: agency.token, body });
      expect(await deactivation(agency, client.contactId)).toMatchObject({ cause });
      await waitFor(async () => (await credentialsOf(agency.accountId, client.contactId)) === 0);
      const contact = await api('GET', `/crm/contacts/${client.contactId}`, { token: agency.token });
      expect(contact.json.portal).toMatchObject({ status: 'deactivated', deactivatedCause: cause });
    },
  );

  it('B20 moving A→B→A and re-inviting while the first event is in flight: the new access survives', async () => {
    const agency = await newAgency();
    const other = (await api('POST', '/crm/organizations', { token: agency.token, body: { name: 'B' } })).json
      .id;
    const first = await signedInClient(agency);
    await api('PATCH', `/crm/contacts/${first.contactId}`, {
      token: agency.token,
      body: { organizationId: other },
    });
    await api('PATCH', `/crm/contacts/${first.contactId}`, {
      token: agency.token,
      body: { organizationId: agency.orgId },
    });
    const again = await api('POST', `/crm/contacts/${first.contactId}/portal-invitation`, {
      token: agency.token,
    });
    expect(again.status).toBe(201);
    const { waitForMail, linkIn } = await import('../../support/api.ts');
    const mail = await waitForMail(
      (m) => m.destination.to.includes(first.email) && m.body.text.includes('/signup?token='),
      { count: 2 },
    );
    const token = linkIn(mail, '/signup')?.searchParams.get('token');
    const signup = await portalApi('POST', '/portal/signup', {
      body: { token, firstName: 'Cleo', lastName: 'Again' },
    });
    expect(signup.status).toBe(201);
    const cookie = (signup.cookies[0] ?? '').split(';')[0] as string;
    const since = Date.now();
    await waitFor(
      async () => (await audit(agency, first.contactId)).filter((e) => e.type === 'deactivated').length >= 1,
    );
    await waitForPipelineIdle({ since });
    expect((await portalApi('GET', '/portal/me', { cookie })).status).toBe(200);
    expect((await portalApi('GET', '/portal/me', { cookie: first.cookie })).status).toBe(401);
    const contact = await api('GET', `/crm/contacts/${first.contactId}`, { token: agency.token });
    expect(contact.json.portal.status).toBe('active');
  });

  it('B22 a manual revoke also revokes sessions durably, audited once', async () => {
    const agency = await newAgency();
    const client = await signedInClient(agency);
    const since = Date.now();
    await api('DELETE', `/crm/contacts/${client.contactId}/portal-access`, { token: agency.token });
    await waitForPipelineIdle({ since });
    expect(await credentialsOf(agency.accountId, client.contactId)).toBe(0);
    const entries = (await audit(agency, client.contactId)).filter((e) => e.type === 'deactivated');
    expect(entries).toEqual([
      expect.objectContaining({
        cause: 'revoked_by_recruiter',
        actor: expect.objectContaining({ type: 'recruiter' }),
      }),
    ]);
  });
});
