import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../../../shared/data/keys.ts';
import { api, queryPartition, tableName, testDb } from '../../support/api.ts';
import { busStats, overrideTimeouts, type BusStats } from '../../support/bus.ts';
import { getItems, putItems } from '../../support/db.ts';
import { waitFor, waitForPipelineIdle } from '../../support/pipeline.ts';
import { newAgency, portalApi, signedInClient, type Agency } from '../../support/portal.ts';

type Item = Record<string, unknown>;

/**
 * Long work under the local stack's enforced timeouts (docs/long-work.md). The handlers run here
 * with a 6 s timeout instead of their rule's, so the hand-off happens within seconds: each run
 * keeps a third of it in reserve, works through its batches and hands the rest over.
 */
const shortTimeoutMs = 6_000;
const slow = { timeout: 300_000 };

/** What changed in the bus's counters for one rule (and one detail type's hand-offs) meanwhile. */
function delta(before: BusStats, after: BusStats, rule: string, detailType: string) {
  const a = after.rules[rule];
  const b = before.rules[rule];
  if (!a || !b) throw new Error(`no stats for rule ${rule}`);
  return {
    handOffs: (after.handOffs[detailType] ?? 0) - (before.handOffs[detailType] ?? 0),
    delivered: a.delivered - b.delivered,
    timedOut: a.timedOut - b.timedOut,
    failedAttempts: a.failedAttempts - b.failedAttempts,
    deadLetters: a.deadLetters - b.deadLetters,
  };
}

/** Nothing about this account in the dead-letter list. */
async function deadLettersOf(accountId: string): Promise<unknown[]> {
  const res = await api('GET', '/_local/bus/dead-letters');
  return (res.json.deadLetters as { event: { detail: Item } }[]).filter(
    (d) => d.event.detail.accountId === accountId,
  );
}

/** How many contacts the organization's index (GSI1) lists, every page counted. */
async function contactsInIndex(accountId: string, orgId: string): Promise<number> {
  let count = 0;
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await testDb().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.contactsOfOrganization(accountId, orgId).GSI1PK },
        Select: 'COUNT',
        ExclusiveStartKey,
      }),
    );
    count += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

/** One contact made through the API, as the template for seeded ones (the same item shape). */
async function contactTemplate(agency: Agency): Promise<Item> {
  const made = await api('POST', '/crm/contacts', {
    token: agency.token,
    body: { firstName: 'Template', lastName: 'Contact', organizationId: agency.orgId },
  });
  expect(made.status).toBe(201);
  const [item] = await getItems([keys.contact(agency.accountId, made.json.id)]);
  if (!item) throw new Error('template contact not stored');
  return item;
}

const seededContact = (agency: Agency, template: Item, id: string, extra: Item = {}): Item => ({
  ...template,
  ...keys.contact(agency.accountId, id),
  GSI1SK: id,
  id,
  firstName: `Seeded ${id}`,
  email: `${id}@${agency.accountId}.test`,
  ...extra,
});

afterEach(async () => {
  await api('DELETE', '/_local/bus/timeouts');
});

describe('long work hands over before its timeout (docs/long-work.md)', () => {
  it(
    'B18 deleting a job with 5,000 submissions removes its whole pipeline, in hand-offs, none timed out or dead-lettered',
    slow,
    async () => {
      const agency = await newAgency();
      const { token, accountId } = agency;
      const job = await api('POST', '/crm/jobs', {
        token,
        body: { title: 'Many candidates', description: 'A big pipeline', organizationId: agency.orgId },
      });
      const candidate = await api('POST', '/crm/candidates', {
        token,
        body: { firstName: 'Tess', lastName: 'Template' },
      });
      const jobId: string = job.json.id;
      const sub = await api('POST', `/crm/jobs/${jobId}/submissions`, {
        token,
        body: { candidateId: candidate.json.id },
      });
      expect(sub.status).toBe(201);
      const subId: string = sub.json.id;
      await api('PATCH', `/crm/jobs/${jobId}/submissions/${subId}`, {
        token,
        body: { remark: 'Strong profile' },
      });
      const partition = keys.job(accountId, jobId).PK;
      const template = await queryPartition(partition);
      const subItem = template.find((i) => i.SK === `SUB#${subId}`);
      const history = template.find((i) => String(i.SK).startsWith(`SUB#${subId}#H#`));
      const guard = template.find((i) => String(i.SK).startsWith('~CAND#'));
      if (!subItem || !history || !guard) throw new Error('the template submission is incomplete');

      // 5,000 submissions (one of them real), each with its guard; every tenth with a remark.
      const items: Item[] = [];
      for (let n = 1; n < 5_000; n++) {
        const id = `bulk${String(n).padStart(5, '0')}`;
        const candidateId = `bulkcand${n}`;
        items.push(
          {
            ...subItem,
            ...keys.submission(accountId, jobId, id),
            ...keys.submissionsOfCandidate(accountId, candidateId),
            GSI1SK: `${jobId}#${id}`,
            id,
            candidateId,
          },
          { ...guard, ...keys.submissionGuard(accountId, jobId, candidateId), submissionId: id },
        );
        if (n % 10 === 0)
          items.push({
            ...history,
            SK: String(history.SK).replace(`SUB#${subId}#`, `SUB#${id}#`),
            submissionId: id,
          });
      }
      await putItems(items);
      const seeded = (await queryPartition(partition)).length;
      expect(seeded).toBe(template.length + items.length);

      await overrideTimeouts({ 'events/remove-job-pipeline': shortTimeoutMs });
      const before = await busStats();
      const deleted = await api('DELETE', `/crm/jobs/${jobId}`, { token });
      expect(deleted.status).toBe(204);
      // Polling the idle flag, not the 10,000-item partition: the probe must not load DynamoDB Local.
      await waitForPipelineIdle({ timeoutMs: 240_000, intervalMs: 500 });
      expect(await queryPartition(partition)).toEqual([]);
      const counted = delta(before, await busStats(), 'remove-job-pipeline', 'JobDeleted');
      console.log(`5,000-submission job: ${seeded} items removed`, counted);
      expect(counted.handOffs).toBeGreaterThanOrEqual(1);
      expect(counted.delivered).toBeGreaterThanOrEqual(counted.handOffs + 1);
      expect(counted).toMatchObject({ timedOut: 0, failedAttempts: 0, deadLetters: 0 });
      expect(await deadLettersOf(accountId)).toEqual([]);
      expect((await api('GET', `/crm/jobs/${jobId}/submissions`, { token })).status).toBe(404);
    },
  );

  it(
    'B15 deleting an organization of 10,000 contacts deletes every one, deactivates its portal users, in hand-offs, none timed out',
    slow,
    async () => {
      const agency = await newAgency();
      const { token, accountId, orgId } = agency;
      const clients = [await signedInClient(agency), await signedInClient(agency)];
      const template = await contactTemplate(agency);
      const ids = Array.from({ length: 10_000 - 3 }, (_, n) => `bulk${String(n).padStart(5, '0')}`);
      await putItems(ids.map((id) => seededContact(agency, template, id)));
      const all = [...ids, String(template.id), ...clients.map((c) => c.contactId)];
      expect(all).toHaveLength(10_000);
      expect(await contactsInIndex(accountId, orgId)).toBe(10_000);

      await overrideTimeouts({ 'events/cascade-organization': shortTimeoutMs });
      const before = await busStats();
      const deleted = await api('DELETE', `/crm/organizations/${orgId}`, { token });
      expect(deleted.status).toBe(204);
      for (const client of clients)
        expect((await portalApi('GET', '/portal/me', { cookie: client.cookie })).status).toBe(401);
      await waitForPipelineIdle({ timeoutMs: 240_000, intervalMs: 500 });
      expect(await contactsInIndex(accountId, orgId)).toBe(0);
      const counted = delta(before, await busStats(), 'cascade-organization', 'OrganizationDeleted');
      console.log('10,000-contact organization:', counted);
      expect(counted.handOffs).toBeGreaterThanOrEqual(1);
      expect(counted).toMatchObject({ timedOut: 0, failedAttempts: 0, deadLetters: 0 });
      expect(await deadLettersOf(accountId)).toEqual([]);

      expect(await getItems(all.map((id) => keys.contact(accountId, id)))).toEqual([]);
      const tombstones = await getItems(all.map((id) => keys.contactTombstone(accountId, id)));
      expect(tombstones).toHaveLength(10_000);
      for (const client of clients) {
        const trail = await api('GET', `/crm/contacts/${client.contactId}/audit`, { token });
        expect(trail.json.items.at(-1)).toMatchObject({ type: 'deactivated', cause: 'organization_deleted' });
      }
    },
  );
});

describe("the cascade's blind spot: contacts written just before the deletion (B15)", () => {
  it('B15 a contact the organization index shows only late is deleted by the delayed second pass', async () => {
    const agency = await newAgency();
    const { token, accountId, orgId } = agency;
    const template = await contactTemplate(agency);
    // In the table but not yet in the index, as a contact written a moment before the deletion
    // can be in DynamoDB: the first pass cannot see it.
    const late = 'lateindexed';
    const { GSI1PK, GSI1SK: _sk, ...unindexed } = seededContact(agency, template, late);
    await putItems([unindexed]);
    expect(await contactsInIndex(accountId, orgId)).toBe(1);

    const deleted = await api('DELETE', `/crm/organizations/${orgId}`, { token });
    expect(deleted.status).toBe(204);
    type Record = { event: { detail: Item }; deliveries: { status: string }[] };
    const ofThisOrg = async () =>
      ((await api('GET', '/_local/bus/events')).json.events as Record[]).filter(
        (r) => r.event.detail.organizationId === orgId && r.event.detail.accountId === accountId,
      );
    // The first pass is through (the template contact is gone) and the second one is waiting.
    await waitFor(
      async () =>
        (await ofThisOrg()).some((r) => typeof r.event.detail.recheckAt === 'string') &&
        (await getItems([keys.contact(accountId, String(template.id))])).length === 0,
      { what: 'the first pass done, the second pass scheduled' },
    );
    // Now the index catches up.
    await putItems([{ ...unindexed, GSI1PK, GSI1SK: late }]);
    await waitFor(async () => (await getItems([keys.contact(accountId, late)])).length === 0, {
      what: 'the late contact deleted by the second pass',
    });
    const [tombstone] = await getItems([keys.contactTombstone(accountId, late)]);
    expect(tombstone).toMatchObject({ contactId: late, deletedBy: 'organization_deleted' });
    expect((await ofThisOrg()).filter((r) => typeof r.event.detail.recheckAt === 'string')).toHaveLength(1);
    await waitForPipelineIdle();
    expect(await deadLettersOf(accountId)).toEqual([]);
  });

  it('B15 contacts created while their organization is being deleted: each is refused or deleted, none survives', async () => {
    const agency = await newAgency();
    const { token, accountId, orgId } = agency;
    const template = await contactTemplate(agency);
    await putItems(Array.from({ length: 200 }, (_, n) => seededContact(agency, template, `early${n}`)));
    const create = (n: number) =>
      api('POST', '/crm/contacts', {
        token,
        body: { firstName: `Racer ${n}`, lastName: 'Contact', organizationId: orgId },
      });
    // Creations before, during and after the deletion request, all in flight together.
    const early = Array.from({ length: 10 }, (_, n) => create(n));
    const deletion = api('DELETE', `/crm/organizations/${orgId}`, { token });
    const late = Array.from({ length: 10 }, (_, n) => create(100 + n));
    const [answers, deleted] = await Promise.all([Promise.all([...early, ...late]), deletion]);
    expect(deleted.status).toBe(204);
    const created = answers.filter((a) => a.status === 201).map((a) => String(a.json.id));
    for (const refused of answers.filter((a) => a.status !== 201))
      expect([404, 422]).toContain(refused.status);
    // After the deletion answered, creating a contact there is refused: the organization is gone.
    expect([404, 422]).toContain((await create(999)).status);

    await waitFor(async () => (await contactsInIndex(accountId, orgId)) === 0, {
      what: 'no contact left in the organization',
    });
    await waitForPipelineIdle();
    expect(await getItems(created.map((id) => keys.contact(accountId, id)))).toEqual([]);
    for (const id of created) expect((await api('GET', `/crm/contacts/${id}`, { token })).status).toBe(404);
    expect(await contactsInIndex(accountId, orgId)).toBe(0);
  });
});
