import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { passesFilters } from '../../../local/stream-filter-match.ts';
import { toLambdaRecord } from '../../../local/stream-record.ts';
import { streamFilterPatterns } from '../../../shared/events/stream-filter.ts';
import { api, mails, snapshotAccount, stackInfo, tableName, testDb } from '../../support/api.ts';
import { waitFor, waitForPipelineIdle } from '../../support/pipeline.ts';
import { newAgency, portalApi, signedInClient } from '../../support/portal.ts';

/** Every stream record of one account so far, read from DynamoDB Local's real stream. */
async function accountRecords(accountId: string): Promise<DynamoDBRecord[]> {
  const info = stackInfo();
  const config = { endpoint: info.dynamodbEndpoint, region: info.region, credentials: info.credentials };
  const table = await new DynamoDBClient(config).send(
    new DescribeTableCommand({ TableName: info.tableName }),
  );
  const streamArn = table.Table?.LatestStreamArn as string;
  const streams = new DynamoDBStreamsClient(config);
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  const out: _Record[] = [];
  for (const shard of StreamDescription?.Shards ?? []) {
    let iterator = (
      await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      )
    ).ShardIterator;
    for (let empty = 0; iterator && empty < 2; ) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      out.push(...(page.Records ?? []));
      empty = page.Records?.length ? 0 : empty + 1;
      iterator = page.NextShardIterator;
    }
  }
  const mine = (r: _Record) =>
    String(r.dynamodb?.Keys?.PK?.S ?? '').startsWith(`A#${accountId}#`) ||
    r.dynamodb?.Keys?.PK?.S === `A#${accountId}`;
  return out
    .filter(mine)
    .map((r) => toLambdaRecord(r, streamArn))
    .filter((r) => passesFilters(streamFilterPatterns, r));
}

/** The real publisher, in this worker, talking to the local bus like the poller's copy does. */
async function publisherHere() {
  const info = stackInfo();
  Object.assign(process.env, {
    TABLE_NAME: info.tableName,
    DYNAMODB_ENDPOINT: info.dynamodbEndpoint,
    AWS_REGION: info.region,
    AWS_ACCESS_KEY_ID: info.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: info.credentials.secretAccessKey,
    EVENT_BUS_NAME: 'client-portal-local',
    EVENTBRIDGE_ENDPOINT: `${info.appUrl.replace('localhost', '127.0.0.1')}/_local/eventbridge`,
  });
  return (await import('../../../shared/events/stream-publisher.ts')).publishStreamRecords;
}

it('B23 the same notification delivered twice at once sends one e-mail (conditional send-once marker)', async () => {
  await publisherHere();
  const { sendOnce } = await import('../../../shared/data/notifications.ts');
  const key = `test#${Date.now()}#${Math.random()}`;
  let sends = 0;
  const send = async () => {
    sends++;
  };
  const outcomes = await Promise.all(Array.from({ length: 5 }, () => sendOnce(key, send)));
  expect(outcomes.filter(Boolean)).toHaveLength(1);
  expect(sends).toBe(1);
  // A failed send leaves no marker, so the retry sends it.
  const failing = `test#${Date.now()}#fail`;
  await expect(sendOnce(failing, async () => Promise.reject(new Error('SES down')))).rejects.toThrow(
    'SES down',
  );
  expect(await sendOnce(failing, send)).toBe(true);
  expect(sends).toBe(2);
  // An attempt that died between taking the lease and sending (a timeout): once the lease has
  // expired, the retry sends; while it holds, a duplicate does not.
  const crashed = `test#${Date.now()}#crashed`;
  const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
  const marker = (leaseUntil: number) =>
    testDb().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          PK: `NOTIFIED#${crashed}`,
          SK: '#NOTIFIED',
          type: 'notificationSent',
          state: 'sending',
          leaseUntil,
        },
      }),
    );
  await marker(Date.now() + 60_000);
  expect(await sendOnce(crashed, send)).toBe(false);
  await marker(Date.now() - 1);
  expect(await sendOnce(crashed, send)).toBe(true);
  expect(sends).toBe(3);
  expect(await sendOnce(crashed, send)).toBe(false);
});

describe('at-least-once: replaying the stream changes nothing', () => {
  it('B20 B21 B23 replaying the same stream records twice leaves the same table state and sends no second e-mail', async () => {
    const agency = await newAgency();
    const other = (await api('POST', '/crm/organizations', { token: agency.token, body: { name: 'B' } })).json
      .id;
    const mover = await signedInClient(agency);
    const deleted = await signedInClient(agency);
    const req = await portalApi('POST', '/portal/requisitions', {
      cookie: mover.cookie,
      body: { title: 'Replay me', description: 'x', employmentType: 'full_time', openings: 1 },
    });
    await api('POST', `/crm/requisitions/${req.json.id}/reject`, {
      token: agency.token,
      body: { remarks: 'Not now' },
    });
    await api('PATCH', `/crm/contacts/${mover.contactId}`, {
      token: agency.token,
      body: { organizationId: other },
    });
    await api('DELETE', `/crm/contacts/${deleted.contactId}`, { token: agency.token });
    // Re-invited after the move: a newer access that a replayed old event must never touch (B20).
    await api('POST', `/crm/contacts/${mover.contactId}/portal-invitation`, { token: agency.token });
    await waitFor(
      async () =>
        (await api('GET', `/crm/contacts/${deleted.contactId}/audit`, { token: agency.token })).json.items
          .length === 3,
    );
    await waitForPipelineIdle();

    const records = await accountRecords(agency.accountId);
    expect(records.length).toBeGreaterThan(5);
    const before = { items: await snapshotAccount(agency.accountId), mails: (await mails()).length };

    const publish = await publisherHere();
    for (let round = 0; round < 2; round++) {
      const since = Date.now();
      expect((await publish(records)).batchItemFailures).toEqual([]);
      await waitForPipelineIdle({ since });
    }

    expect(await snapshotAccount(agency.accountId)).toEqual(before.items);
    expect((await mails()).length).toBe(before.mails);
    const contact = await api('GET', `/crm/contacts/${mover.contactId}`, { token: agency.token });
    expect(contact.json.portal.status).toBe('invited');
  });

  it('B20 B22 a replayed revoke never touches the user re-invited after it, even at the same access version', async () => {
    const agency = await newAgency();
    const first = await signedInClient(agency);
    await api('DELETE', `/crm/contacts/${first.contactId}/portal-access`, { token: agency.token });
    const { waitForMail, linkIn } = await import('../../support/api.ts');
    await api('POST', `/crm/contacts/${first.contactId}/portal-invitation`, { token: agency.token });
    const mail = await waitForMail(
      (m) => m.destination.to.includes(first.email) && m.body.text.includes('/signup?token='),
      { count: 2 },
    );
    const token = linkIn(mail, '/signup')?.searchParams.get('token');
    const signup = await portalApi('POST', '/portal/signup', {
      body: { token, firstName: 'Cleo', lastName: 'Again' },
    });
    const cookie = (signup.cookies[0] ?? '').split(';')[0] as string;
    await waitForPipelineIdle();

    const publish = await publisherHere();
    const since = Date.now();
    expect((await publish(await accountRecords(agency.accountId))).batchItemFailures).toEqual([]);
    await waitForPipelineIdle({ since });
    expect((await portalApi('GET', '/portal/me', { cookie })).status).toBe(200);
    expect(
      (await api('GET', `/crm/contacts/${first.contactId}`, { token: agency.token })).json.portal.status,
    ).toBe('active');
  });

  it('B10 B20 a late "moved away" event never releases a primary contact that moved back and was set again', async () => {
    const agency = await newAgency();
    const other = (await api('POST', '/crm/organizations', { token: agency.token, body: { name: 'B' } })).json
      .id;
    const contact = await api('POST', '/crm/contacts', {
      token: agency.token,
      body: {
        firstName: 'P',
        lastName: 'C',
        email: `pc.${agency.accountId}@x.test`,
        organizationId: agency.orgId,
      },
    });
    const job = await api('POST', '/crm/jobs', {
      token: agency.token,
      body: { title: 'T', description: 'x', organizationId: agency.orgId, primaryContactId: contact.json.id },
    });
    await api('PATCH', `/crm/contacts/${contact.json.id}`, {
      token: agency.token,
      body: { organizationId: other },
    });
    await waitFor(
      async () =>
        (await api('GET', `/crm/jobs/${job.json.id}`, { token: agency.token })).json.primaryContactId ===
        null,
    );
    await api('PATCH', `/crm/contacts/${contact.json.id}`, {
      token: agency.token,
      body: { organizationId: agency.orgId },
    });
    await api('PATCH', `/crm/jobs/${job.json.id}`, {
      token: agency.token,
      body: { primaryContactId: contact.json.id },
    });
    await waitForPipelineIdle();

    const publish = await publisherHere();
    const since = Date.now();
    expect((await publish(await accountRecords(agency.accountId))).batchItemFailures).toEqual([]);
    await waitForPipelineIdle({ since });
    expect(
      (await api('GET', `/crm/jobs/${job.json.id}`, { token: agency.token })).json.primaryContactId,
    ).toBe(contact.json.id);
  });
});
