import {
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { redrive } from '../../../scripts/redrive/redrive.ts';
import { sqsSource } from '../../../scripts/redrive/sources.ts';
import { redriveTargets } from '../../../scripts/redrive/targets.ts';

const sqs = mockClient(SQSClient);
const events = mockClient(EventBridgeClient);
const streams = mockClient(DynamoDBStreamsClient);
const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/client-portal-dev-notify-agency-dlq';
const streamArn = 'arn:aws:dynamodb:eu-west-1:123456789012:table/t/stream/2026-01-01T00:00:00.000';

const event = (n: number) => ({
  version: '0',
  id: `event-${n}`,
  source: 'client-portal',
  'detail-type': 'RequisitionSubmitted',
  account: '123456789012',
  region: 'eu-west-1',
  time: '2026-01-01T00:00:00Z',
  resources: [],
  detail: { accountId: 'a1', requisitionId: `r${n}` },
});
/** What the rule target's dead-letter queue holds: the event itself. */
const ruleLetter = (n: number): Message => ({
  MessageId: `m${n}`,
  ReceiptHandle: `h${n}`,
  Body: JSON.stringify(event(n)),
});
/** What the function's async on-failure destination holds: an invocation record around the event. */
const asyncLetter = (n: number): Message => ({
  MessageId: `m${n}`,
  ReceiptHandle: `h${n}`,
  Body: JSON.stringify({
    version: '1.0',
    requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 3 },
    requestPayload: event(n),
    responsePayload: { errorMessage: 'down' },
  }),
});
/** What the stream mapping's on-failure destination holds: the range, not the records. */
const streamLetter = (n: number): Message => ({
  MessageId: `m${n}`,
  ReceiptHandle: `h${n}`,
  Body: JSON.stringify({
    requestContext: { condition: 'RetryAttemptsExhausted' },
    DDBStreamBatchInfo: {
      shardId: 'shard-1',
      startSequenceNumber: '100',
      endSequenceNumber: '200',
      streamArn,
      batchSize: 2,
    },
  }),
});

const publish = vi.fn<(records: DynamoDBRecord[]) => Promise<DynamoDBBatchResponse>>();
const run = () => {
  const targets = redriveTargets({
    busName: 'client-portal-dev',
    eventBridge: new EventBridgeClient({}),
    streams: new DynamoDBStreamsClient({}),
  });
  return redrive(sqsSource(new SQSClient({}), queueUrl), { ...targets, publish });
};
const receives = (...pages: Message[][]) => {
  const stub = sqs.on(ReceiveMessageCommand);
  for (const page of pages) stub.resolvesOnce({ Messages: page });
  stub.resolves({ Messages: [] });
};
const deleted = () => sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input.ReceiptHandle);

beforeEach(() => {
  sqs.reset();
  events.reset();
  streams.reset();
  publish.mockReset();
  sqs.on(DeleteMessageCommand).resolves({});
});

describe('redrive from an SQS dead-letter queue', () => {
  it('puts rule dead letters and async failure records back on the bus as the original event, then deletes them', async () => {
    receives([ruleLetter(1), asyncLetter(2)]);
    events
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'x' }, { EventId: 'y' }] });
    expect(await run()).toEqual({ received: 2, redriven: 2, failed: 0, unknown: 0 });
    expect(events).toHaveReceivedCommandWith(PutEventsCommand, {
      Entries: [1, 2].map((n) => ({
        EventBusName: 'client-portal-dev',
        Source: 'client-portal',
        DetailType: 'RequisitionSubmitted',
        Detail: JSON.stringify({ accountId: 'a1', requisitionId: `r${n}` }),
      })),
    });
    expect(sqs).toHaveReceivedCommandWith(ReceiveMessageCommand, {
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
    });
    expect(deleted()).toEqual(['h1', 'h2']);
  });

  it('keeps the message of an entry that a partly failed PutEvents refused, and deletes the others', async () => {
    receives([ruleLetter(1), ruleLetter(2), ruleLetter(3)]);
    events.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [
        { EventId: 'x' },
        { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' },
        { EventId: 'z' },
      ],
    });
    expect(await run()).toEqual({ received: 3, redriven: 2, failed: 1, unknown: 0 });
    expect(deleted()).toEqual(['h1', 'h3']);
  });

  it('keeps every message when PutEvents fails outright', async () => {
    receives([ruleLetter(1), ruleLetter(2)]);
    events.on(PutEventsCommand).rejects(new Error('throttled'));
    expect(await run()).toEqual({ received: 2, redriven: 0, failed: 2, unknown: 0 });
    expect(deleted()).toEqual([]);
  });

  it('keeps a message it cannot read, and does not take a message that comes back twice in one run', async () => {
    const junk: Message = { MessageId: 'j', ReceiptHandle: 'hj', Body: 'not json' };
    receives([junk, ruleLetter(1)], [junk]);
    events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'x' }] });
    expect(await run()).toEqual({ received: 2, redriven: 1, failed: 0, unknown: 1 });
    expect(deleted()).toEqual(['h1']);
    expect(events).toHaveReceivedCommandTimes(PutEventsCommand, 1);
  });

  it('reads a failed stream batch back AT_SEQUENCE_NUMBER, passes it through the publisher, then deletes it', async () => {
    receives([streamLetter(1)]);
    streams.on(GetShardIteratorCommand).resolves({ ShardIterator: 'it-1' });
    const record = (seq: string) => ({
      eventName: 'REMOVE' as const,
      dynamodb: { SequenceNumber: seq, Keys: { PK: { S: `K${seq}` } } },
    });
    streams
      .on(GetRecordsCommand)
      .resolvesOnce({ Records: [record('100'), record('150')], NextShardIterator: 'it-2' })
      .resolvesOnce({ Records: [record('200'), record('201')], NextShardIterator: 'it-3' });
    publish.mockResolvedValue({ batchItemFailures: [] });
    expect(await run()).toEqual({ received: 1, redriven: 1, failed: 0, unknown: 0 });
    expect(streams).toHaveReceivedCommandWith(GetShardIteratorCommand, {
      StreamArn: streamArn,
      ShardId: 'shard-1',
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      SequenceNumber: '100',
    });
    // The range, and nothing after it.
    expect(publish.mock.calls[0]?.[0].map((r) => r.dynamodb?.SequenceNumber)).toEqual(['100', '150', '200']);
    expect(publish.mock.calls[0]?.[0][0]).toMatchObject({ eventSourceARN: streamArn, eventName: 'REMOVE' });
    expect(deleted()).toEqual(['h1']);
  });

  it('keeps a stream batch the publisher failed on, or whose records have left the stream', async () => {
    receives([streamLetter(1)], [streamLetter(2)]);
    streams.on(GetShardIteratorCommand).resolves({ ShardIterator: 'it-1' });
    streams
      .on(GetRecordsCommand)
      .resolvesOnce({ Records: [{ dynamodb: { SequenceNumber: '100' } }], NextShardIterator: 'it-2' })
      .resolvesOnce({ Records: [{ dynamodb: { SequenceNumber: '300' } }] })
      .resolves({ Records: [], NextShardIterator: 'it-9' });
    publish.mockResolvedValue({ batchItemFailures: [{ itemIdentifier: '100' }] });
    expect(await run()).toEqual({ received: 2, redriven: 0, failed: 2, unknown: 0 });
    expect(publish).toHaveBeenCalledTimes(1);
    expect(deleted()).toEqual([]);
  });
});
