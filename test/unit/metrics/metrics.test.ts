import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sendEmail } from '../../../shared/email/send-email.ts';
import { eventHandler } from '../../../shared/events/event-handler.ts';
import { publishStreamRecords } from '../../../shared/events/stream-publisher.ts';
import { flushMetrics } from '../../../shared/metrics/flush.ts';
import {
  addMetric,
  addSplitMetric,
  type EmittedMetrics,
  onMetricsPublished,
} from '../../../shared/metrics/metrics.ts';
import { totalOf } from '../../support/metrics.ts';
import { contactItem, streamRecord } from '../events/fixtures.ts';

let emitted: EmittedMetrics[];
let stop: () => void;
beforeEach(() => {
  emitted = [];
  stop = onMetricsPublished((doc) => emitted.push(doc));
});
afterEach(() => {
  stop();
  flushMetrics();
});

const context = {
  functionName: 'unit',
  awsRequestId: 'r-1',
  getRemainingTimeInMillis: () => 5_000,
} as Context;
const event = (detail: object) => ({
  id: 'ev-1',
  'detail-type': 'Unit',
  detail,
  source: 'client-portal',
  account: '1',
  time: '',
  region: 'us-east-1',
  resources: [],
  version: '0',
});

describe('business metrics (CloudWatch embedded metric format)', () => {
  it('one flush writes one document in namespace ClientPortal with the service and stage dimensions', () => {
    addMetric('InvitationsSent');
    addMetric('InvitationsSent');
    addMetric('CascadeDuration', 120);
    flushMetrics();
    expect(emitted).toHaveLength(1);
    const [doc] = emitted as (EmittedMetrics & Record<string, unknown>)[];
    expect(doc!._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'ClientPortal',
        Dimensions: [['service', 'stage']],
        Metrics: expect.arrayContaining([
          { Name: 'InvitationsSent', Unit: 'Count' },
          { Name: 'CascadeDuration', Unit: 'Milliseconds' },
        ]),
      },
    ]);
    expect(doc).toMatchObject({ service: 'client-portal', stage: 'local', CascadeDuration: 120 });
    expect(totalOf(emitted, 'InvitationsSent')).toBe(2);
  });

  it('deactivations carry their cause as a dimension, in a document of their own', () => {
    addSplitMetric('Deactivations', 'contact_moved');
    addSplitMetric('Deactivations', 'contact_deleted');
    addMetric('Logins');
    flushMetrics();
    expect(emitted).toHaveLength(3);
    const moved = emitted.find((d) => (d as unknown as { cause?: string }).cause === 'contact_moved');
    expect(moved?._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([['service', 'stage', 'cause']]);
    expect(totalOf(emitted, 'Deactivations', { cause: 'contact_moved' })).toBe(1);
    expect(totalOf(emitted, 'Deactivations')).toBe(2);
  });

  it('an invocation that counted nothing writes nothing, not even an empty document', () => {
    const log = vi.spyOn(console, 'log');
    const warn = vi.spyOn(console, 'warn');
    flushMetrics();
    expect(emitted).toEqual([]);
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  it('an event handler flushes what it counted even when it fails (the retry starts from zero)', async () => {
    const handler = eventHandler(async () => {
      addMetric('CascadeContactsDeleted', 3);
      throw new Error('boom');
    });
    await expect(handler(event({}), context)).rejects.toThrow('boom');
    expect(totalOf(emitted, 'CascadeContactsDeleted')).toBe(3);
    flushMetrics();
    expect(emitted).toHaveLength(1);
  });
});

describe('where the counts happen', () => {
  const ses = mockClient(SESv2Client);
  const eventBridge = mockClient(EventBridgeClient);
  afterEach(() => {
    ses.reset();
    eventBridge.reset();
  });
  const message = { to: 'ada@client.test', subject: 's', html: '<p>h</p>', text: 't' };

  it('an e-mail SES accepts is EmailsSent, one it refuses is EmailsFailed', async () => {
    ses.on(SendEmailCommand).resolvesOnce({ MessageId: 'm' }).rejectsOnce(new Error('MessageRejected'));
    await sendEmail(message);
    await expect(sendEmail(message)).rejects.toThrow('MessageRejected');
    flushMetrics();
    expect(totalOf(emitted, 'EmailsSent')).toBe(1);
    expect(totalOf(emitted, 'EmailsFailed')).toBe(1);
  });

  it('the stream publisher counts accepted events, and failed ones once after its retries, not per attempt', async () => {
    const records = [
      streamRecord('REMOVE', { old: contactItem({ PK: 'A#acc-1#C#c1', id: 'c1' }) }),
      streamRecord('REMOVE', { old: contactItem({ PK: 'A#acc-1#C#c2', id: 'c2' }) }),
    ];
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ EventId: 'a' }, { ErrorCode: 'InternalFailure' }] })
      .resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure' }] });
    const result = await publishStreamRecords(records, async () => {});
    flushMetrics();
    expect(result.batchItemFailures).toHaveLength(1);
    expect(eventBridge.commandCalls(PutEventsCommand).length).toBeGreaterThan(2);
    expect(totalOf(emitted, 'EventsPublished')).toBe(1);
    expect(totalOf(emitted, 'EventsFailed')).toBe(1);
  });
});
