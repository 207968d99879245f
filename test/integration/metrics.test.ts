import { describe, expect, it } from 'vitest';
import type { EmittedMetrics } from '../../shared/metrics/metrics.ts';
import { api } from '../support/api.ts';
import { totalOf } from '../support/metrics.ts';
import { waitFor } from '../support/pipeline.ts';
import { newAgency, signedInClient } from '../support/portal.ts';

/** What the handlers flushed since `since` (the local stack keeps every EMF document). */
async function metricsSince(since: number): Promise<EmittedMetrics[]> {
  const res = await api('GET', `/_local/metrics?since=${since}`);
  expect(res.status).toBe(200);
  return res.json.documents;
}

// Other test files run against the same stack at the same time: counts are at least ours.
describe('business metrics reach the local stack as CloudWatch would read them', () => {
  it('B4 B5 an invitation and a sign-up are counted, with their e-mails, in namespace ClientPortal', async () => {
    const since = Date.now();
    const agency = await newAgency();
    await signedInClient(agency);
    const documents = await metricsSince(since);
    for (const name of ['InvitationsSent', 'SignUps', 'EmailsSent'])
      expect(
        totalOf(documents, name, { service: 'client-portal', stage: 'local' }),
        name,
      ).toBeGreaterThanOrEqual(1);
    expect(documents[0]?._aws.CloudWatchMetrics[0]?.Namespace).toBe('ClientPortal');
  });

  it('B22 a recruiter’s revoke is a deactivation with its cause', async () => {
    const agency = await newAgency();
    const client = await signedInClient(agency);
    const since = Date.now();
    const revoke = await api('DELETE', `/crm/contacts/${client.contactId}/portal-access`, {
      token: agency.token,
    });
    expect(revoke.status).toBe(204);
    const documents = await metricsSince(since);
    expect(totalOf(documents, 'Deactivations', { cause: 'revoked_by_recruiter' })).toBeGreaterThanOrEqual(1);
  });

  it('B16 deleting a contact with access ends it through the pipeline, counted as contact_deleted', async () => {
    const agency = await newAgency();
    const client = await signedInClient(agency);
    const since = Date.now();
    await api('DELETE', `/crm/contacts/${client.contactId}`, { token: agency.token });
    await waitFor(
      async () => totalOf(await metricsSince(since), 'Deactivations', { cause: 'contact_deleted' }) >= 1,
    );
    expect(totalOf(await metricsSince(since), 'EventsPublished')).toBeGreaterThanOrEqual(1);
  });
});
