import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { publishStreamRecords } from '../../../shared/events/stream-publisher.ts';
import { contactItem, organizationItem, streamRecord } from './fixtures.ts';

type PublishStreamRecords = typeof publishStreamRecords;

const eventBridge = mockClient(EventBridgeClient);
const noPause = async () => {};
let publish: PublishStreamRecords;

beforeAll(async () => {
  ({ publishStreamRecords: publish } = await import('../../../shared/events/stream-publisher.ts'));
});
afterEach(() => eventBridge.reset());

const deletions = () => [
  streamRecord('REMOVE', { old: contactItem({ PK: 'A#acc-1#C#c1', id: 'c1' }) }),
  streamRecord('REMOVE', { old: contactItem({ PK: 'A#acc-1#C#c2', id: 'c2' }) }),
  streamRecord('REMOVE', { old: organizationItem }),
];
const sentDetailTypes = () =>
  eventBridge
    .commandCalls(PutEventsCommand)
    .flatMap((c) => (c.args[0].input.Entries ?? []).map((e) => e.DetailType));

describe('stream publisher under faults', () => {
  it('retries only the entries that failed inside a successful PutEvents (FailedEntryCount > 0)', async () => {
    // Prepare
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [{ EventId: 'a' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'x' }, { EventId: 'c' }],
      })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'b' }] });
    // Act
    const result = await publish(deletions(), noPause);
    // Assess
    expect(result.batchItemFailures).toEqual([]);
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.args[0].input.Entries).toHaveLength(1);
    expect(JSON.parse(calls[1]?.args[0].input.Entries?.[0]?.Detail ?? '{}')).toMatchObject({
      contactId: 'c2',
    });
    expect(eventBridge).toHaveReceivedCommandWith(PutEventsCommand, {
      Entries: expect.arrayContaining([expect.objectContaining({ EventBusName: 'unit-bus' })]),
    });
  });

  it('rides out throttling: the call is repeated and nothing is reported failed', async () => {
    eventBridge
      .on(PutEventsCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: '1' }, { EventId: '2' }, { EventId: '3' }] });
    const result = await publish(deletions(), noPause);
    expect(result.batchItemFailures).toEqual([]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(3);
  });

  it('B19 never loses a deactivation: an entry that keeps failing leaves its record and all later ones for retry', async () => {
    eventBridge.on(PutEventsCommand).callsFake((input: { Entries: { Detail: string }[] }) => ({
      FailedEntryCount: input.Entries.filter((e) => e.Detail.includes('"c2"')).length,
      Entries: input.Entries.map((e, i) =>
        e.Detail.includes('"c2"') ? { ErrorCode: 'InternalFailure' } : { EventId: `id${i}` },
      ),
    }));
    const records = deletions();
    const result = await publish(records, noPause);
    expect(result.batchItemFailures).toEqual([
      { itemIdentifier: records[1]?.dynamodb?.SequenceNumber },
      { itemIdentifier: records[2]?.dynamodb?.SequenceNumber },
    ]);
  });

  it('a handler failing once then succeeding: the retried batch publishes everything once more (idempotent downstream)', async () => {
    eventBridge
      .on(PutEventsCommand)
      .rejectsOnce(new Error('socket hang up'))
      .resolves({ FailedEntryCount: 0, Entries: [{}, {}, {}] });
    const records = deletions();
    expect((await publish(records, noPause)).batchItemFailures).toEqual([]);
    expect(sentDetailTypes()).toEqual([
      'ContactDeleted',
      'ContactDeleted',
      'OrganizationDeleted',
      'ContactDeleted',
      'ContactDeleted',
      'OrganizationDeleted',
    ]);
  });

  it('a poison record is reported (with everything after it) so the mapping bisects it into the on-failure queue', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: '1' }] });
    const poison = streamRecord('REMOVE', { old: organizationItem });
    (poison.dynamodb as { OldImage: unknown }).OldImage = { PK: { S: 'A#acc-1#O#o9' }, type: { BOGUS: 'x' } };
    const [first, , last] = deletions();
    const records = [first, poison, last].filter((r) => r !== undefined);
    const result = await publish(records, noPause);
    expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([
      poison.dynamodb?.SequenceNumber,
      last?.dynamodb?.SequenceNumber,
    ]);
    expect(sentDetailTypes()).toEqual(['ContactDeleted']);
  });

  it('chunks PutEvents at 10 entries', async () => {
    eventBridge.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map(() => ({ EventId: 'x' })),
    }));
    const records = Array.from({ length: 23 }, (_, i) =>
      streamRecord('REMOVE', { old: contactItem({ PK: `A#acc-1#C#c${i}`, id: `c${i}` }) }),
    );
    await publish(records, noPause);
    expect(eventBridge.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries?.length)).toEqual([
      10, 10, 3,
    ]);
  });
});
