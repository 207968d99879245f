import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertSupportedPatterns, passesFilters } from '../../local/stream-filter-match.ts';
import { startStreamPoller } from '../../local/stream-poller.ts';
import { toLambdaRecord } from '../../local/stream-record.ts';
import { deliverInOrder, type FailedRecord, type InvokeBatch } from '../../local/stream-retry.ts';
import { detailTypes } from '../../shared/events/catalog.ts';
import { streamFilterPatterns } from '../../shared/events/stream-filter.ts';
import type { BusEventRecord } from '../../local/event-bus.ts';
import { api, newAccountId, recruiterToken, stackInfo, tableName, testDb } from '../support/api.ts';
import { waitFor, waitForPipelineIdle } from '../support/pipeline.ts';

const unique = () => randomBytes(6).toString('hex');
const put = (item: Record<string, unknown>) =>
  testDb().send(new PutCommand({ TableName: tableName(), Item: item }));
const stats = async () => (await api('GET', '/_local/stream/stats')).json;
const label = (r: DynamoDBRecord) => String(r.dynamodb?.Keys?.PK?.S);

describe('local stream poller: the real stream reaches the real publisher', () => {
  it('health lists the stream poller as ok', async () => {
    const res = await api('GET', '/_local/health');
    expect(res.json.components).toMatchObject({ streamPoller: 'ok' });
  });

  it('a deleted organization becomes OrganizationDeleted on the bus, well under a second', async () => {
    const token = await recruiterToken({ accountId: newAccountId() });
    const org = await api('POST', '/crm/organizations', { token, body: { name: 'Stream Co' } });
    expect(org.status).toBe(201);
    await waitForPipelineIdle(); // the INSERT's invocation done: this measures the DELETE alone
    const sent = Date.now();
    expect((await api('DELETE', `/crm/organizations/${org.json.id}`, { token })).status).toBe(204);
    const answered = Date.now();
    const hit = await waitFor(
      async () =>
        ((await api('GET', '/_local/bus/events')).json.events as BusEventRecord[]).find(
          (r) =>
            r.event['detail-type'] === detailTypes.organizationDeleted &&
            r.event.detail.organizationId === org.json.id,
        ),
      { timeoutMs: 5_000, intervalMs: 10, what: 'OrganizationDeleted on the bus' },
    );
    const accepted = Date.parse(hit.acceptedAt);
    console.log(
      `stream propagation: event accepted ${accepted - answered} ms after the DELETE was answered ` +
        `(${accepted - sent} ms after it was sent)`,
    );
    expect(accepted - sent).toBeLessThan(2_000);
    expect(hit.event.detail).toMatchObject({ organizationId: org.json.id });
  });

  it('records the filter patterns drop (sessions) never reach the publisher', async () => {
    const before = (await stats()).records;
    const id = unique();
    const session = `SESSION#stream-test-${id}`;
    const control = `A#${newAccountId()}#O#${id}`; // an organization INSERT: passes, makes no event
    await put({ PK: session, SK: '#SESSION', type: 'session', ttl: Math.floor(Date.now() / 1000) + 60 });
    await put({ PK: control, SK: '#ORG', type: 'organization', id, name: 'Control' });
    // In shard order: once the later control record went through, the session was decided too.
    const seen = await waitFor(async () => {
      const s = await stats();
      return s.recent.forwarded.some((l: string) => l.includes(`PK=${control} `)) ? s : undefined;
    });
    expect(seen.recent.filteredOut.some((l: string) => l.includes(`PK=${session} `))).toBe(true);
    expect(seen.recent.forwarded.some((l: string) => l.includes(`PK=${session} `))).toBe(false);
    expect(seen.records.filteredOut).toBeGreaterThan(before.filteredOut);
    await waitForPipelineIdle();
  });

  it('pipeline/idle needs since, and is not idle before a round has run past it', async () => {
    expect((await api('GET', '/_local/pipeline/idle')).status).toBe(400);
    const future = String(Date.now() + 60_000);
    const res = await api('GET', `/_local/pipeline/idle?since=${future}`, {
      headers: { 'x-local-since': future },
    });
    expect(res.json).toMatchObject({ idle: false, stream: false });
    expect((await api('GET', '/_local/stream/failures')).json).toEqual({ failures: [] });
  });
});

describe('local stream poller: record shape and filter', () => {
  const arn = 'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/x';
  const sdkRecord = (eventName: 'INSERT' | 'REMOVE', type: string, extra = {}) => ({
    eventID: 'e1',
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'ddblocal',
    dynamodb: {
      ApproximateCreationDateTime: new Date('2026-01-02T03:04:05.000Z'),
      Keys: { PK: { S: 'A#a#O#1' }, SK: { S: '#ORG' } },
      [eventName === 'REMOVE' ? 'OldImage' : 'NewImage']: {
        PK: { S: 'A#a#O#1' },
        type: { S: type },
        blob: { M: { b: { B: new Uint8Array([1, 2, 3]) } } },
      },
      SequenceNumber: '0001',
      SizeBytes: 42,
      StreamViewType: 'NEW_AND_OLD_IMAGES' as const,
    },
    ...extra,
  });

  it('converts a GetRecords record to what Lambda delivers', () => {
    const ttl = { userIdentity: { PrincipalId: 'dynamodb.amazonaws.com', Type: 'Service' } };
    const record = toLambdaRecord(sdkRecord('REMOVE', 'organization', ttl), arn);
    expect(record).toEqual({
      eventID: 'e1',
      eventName: 'REMOVE',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: stackInfo().region,
      eventSourceARN: arn,
      dynamodb: {
        ApproximateCreationDateTime: 1767323045,
        Keys: { PK: { S: 'A#a#O#1' }, SK: { S: '#ORG' } },
        OldImage: { PK: { S: 'A#a#O#1' }, type: { S: 'organization' }, blob: { M: { b: { B: 'AQID' } } } },
        SequenceNumber: '0001',
        SizeBytes: 42,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
    });
    expect(toLambdaRecord(sdkRecord('INSERT', 'organization'), arn)).not.toHaveProperty('userIdentity');
  });

  it('applies the stream filter patterns as Lambda does', () => {
    const passes = (r: ReturnType<typeof sdkRecord>) =>
      passesFilters(streamFilterPatterns, toLambdaRecord(r, arn));
    const ttl = { userIdentity: { PrincipalId: 'dynamodb.amazonaws.com', Type: 'Service' } };
    expect(passes(sdkRecord('INSERT', 'organization'))).toBe(true);
    expect(passes(sdkRecord('REMOVE', 'organization'))).toBe(true);
    expect(passes(sdkRecord('REMOVE', 'organization', ttl))).toBe(false); // TTL expiry
    expect(passes(sdkRecord('INSERT', 'session'))).toBe(false);
    expect(passes(sdkRecord('REMOVE', 'rateCounter'))).toBe(false);
    expect(() => assertSupportedPatterns([{ a: [{ prefix: 'x' }] }])).toThrow(/not supported locally/);
  });
});

describe('local stream poller: retries, bisection and the on-failure list (fake function)', () => {
  const records = (n: number) =>
    Array.from(
      { length: n },
      (_, i): DynamoDBRecord => ({
        dynamodb: { SequenceNumber: String(i + 1).padStart(4, '0'), Keys: { PK: { S: `r${i + 1}` } } },
      }),
    );
  const run = async (input: DynamoDBRecord[], fn: (batch: DynamoDBRecord[]) => unknown) => {
    const calls: string[][] = [];
    const failed: FailedRecord[] = [];
    const invoke: InvokeBatch = async (batch) => (calls.push(batch.map(label)), fn(batch) as never);
    const outcome = await deliverInOrder(input, invoke, {
      retryDelaysMs: [0],
      onFailure: (f) => failed.push(f),
    });
    return { calls, failed: failed.map((f) => [label(f.record), f.attempts]), outcome };
  };
  afterEach(() => void vi.restoreAllMocks());

  it('batches of up to 100, in order', async () => {
    const { calls } = await run(records(250), () => undefined);
    expect(calls.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(calls.flat()).toEqual(records(250).map(label));
  });

  it('retries from the lowest reported failure; the records before it are done', async () => {
    let first = true;
    const { calls, failed } = await run(records(5), (batch) => {
      if (!first) return { batchItemFailures: [] };
      first = false;
      return {
        batchItemFailures: [
          { itemIdentifier: '0004' },
          { itemIdentifier: batch[2]?.dynamodb?.SequenceNumber },
        ],
      };
    });
    expect(calls).toEqual([
      ['r1', 'r2', 'r3', 'r4', 'r5'],
      ['r3', 'r4', 'r5'],
    ]);
    expect(failed).toEqual([]);
  });

  it('a throwing batch is bisected; the poison record fails 1 + 5 times, then delivery goes on after it', async () => {
    const { calls, failed, outcome } = await run(records(10), (batch) => {
      if (batch.some((r) => label(r) === 'r7')) throw new Error('poison');
    });
    const ok = calls.filter((c) => !c.includes('r7')).flat();
    expect(ok).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r8', 'r9', 'r10']); // each once, in order
    expect(calls.filter((c) => c.length === 1 && c[0] === 'r7')).toHaveLength(6);
    expect(failed).toEqual([['r7', 6]]);
    expect(outcome).toMatchObject({ failed: 1, undelivered: 0 });
  });

  it('a record reported as failing every time goes to on-failure; an unknown identifier fails the whole batch', async () => {
    const poisoned = await run(records(4), (batch) =>
      batch.some((r) => label(r) === 'r2') ? { batchItemFailures: [{ itemIdentifier: '0002' }] } : undefined,
    );
    expect(poisoned.failed).toEqual([['r2', 6]]);
    expect(poisoned.calls.at(-1)).toEqual(['r3', 'r4']);
    let n = 0;
    const unknown = await run(records(3), () =>
      n++ === 0 ? { batchItemFailures: [{ itemIdentifier: 'x' }] } : {},
    );
    expect(unknown.calls).toEqual([
      ['r1', 'r2', 'r3'],
      ['r1', 'r2', 'r3'],
    ]);
  });

  it('a second poller on the real stream sends a poison record to its on-failure list and carries on', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const info = stackInfo();
    const poison = `A#${newAccountId()}#O#poison`;
    const after = poison.replace('poison', 'after');
    const seen: string[] = [];
    const poller = await startStreamPoller({
      endpoint: info.dynamodbEndpoint,
      admin: new DynamoDBClient({
        endpoint: info.dynamodbEndpoint,
        region: info.region,
        credentials: info.credentials,
      }),
      tableName: info.tableName,
      loadHandler: async () => async (event) => {
        const batch = (event as { Records: DynamoDBRecord[] }).Records;
        if (batch.some((r) => label(r) === poison)) throw new Error('cannot publish this one');
        seen.push(...batch.map(label));
      },
      handlerId: 'test/fake-publisher',
      patterns: streamFilterPatterns,
      startAt: 'LATEST',
      downstreamIdle: () => true,
      retry: { retryDelaysMs: [5] },
    });
    try {
      await put({ PK: poison, SK: '#ORG', type: 'organization', id: 'poison' });
      await put({ PK: after, SK: '#ORG', type: 'organization', id: 'after' });
      await waitFor(async () => seen.includes(after), { what: 'the record after the poison one' });
      expect(poller.failures()).toEqual([
        expect.objectContaining({
          attempts: 6,
          lastError: 'cannot publish this one',
          record: expect.anything(),
        }),
      ]);
      expect(label(poller.failures()[0]?.record as DynamoDBRecord)).toBe(poison);
      expect(poller.stats().records.failed).toBe(1);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining(`ON-FAILURE INSERT PK=${poison}`));
    } finally {
      await poller.stop();
    }
  });
});
