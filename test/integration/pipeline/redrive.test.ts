import { randomBytes } from 'node:crypto';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BusEventRecord, DeadLetter } from '../../../local/event-bus.ts';
import { localBusName } from '../../../local/event-bus.ts';
import { redrive } from '../../../scripts/redrive/redrive.ts';
import {
  type Letter,
  type LetterSource,
  localRuleList,
  localSource,
} from '../../../scripts/redrive/sources.ts';
import { readBatchRecords } from '../../../scripts/redrive/stream-reader.ts';
import { redriveTargets } from '../../../scripts/redrive/targets.ts';
import { detailTypes, eventSource } from '../../../shared/events/catalog.ts';
import { keys } from '../../../shared/data/keys.ts';
import { itemTypes } from '../../../shared/data/items.ts';
import {
  api,
  mailsTo,
  newAccountId,
  recruiterToken,
  stackInfo,
  tableName,
  testDb,
} from '../../support/api.ts';
import { waitFor, waitForPipelineIdle } from '../../support/pipeline.ts';

const unique = () => randomBytes(5).toString('hex');
let targets: ReturnType<typeof redriveTargets>;
let streams: DynamoDBStreamsClient;

beforeAll(() => {
  const { appUrl, region, credentials, dynamodbEndpoint } = stackInfo();
  // The publisher's own client (shared/clients/eventbridge.ts) takes the local identity from the env.
  Object.assign(process.env, {
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  });
  const endpoint = `${appUrl}/_local/eventbridge`;
  streams = new DynamoDBStreamsClient({ region, credentials, endpoint: dynamodbEndpoint });
  targets = redriveTargets({
    busName: localBusName,
    eventBridge: new EventBridgeClient({ region, credentials, endpoint }),
    streams,
    eventBridgeEndpoint: endpoint,
  });
});

const notifyAgency = () => localSource(stackInfo().appUrl, 'notify-agency', localRuleList('notify-agency'));
const deadLetters = async (): Promise<DeadLetter[]> =>
  (await api('GET', '/_local/bus/dead-letters')).json.deadLetters;
const busEvents = async (): Promise<BusEventRecord[]> => (await api('GET', '/_local/bus/events')).json.events;
const putAccount = (accountId: string, notificationEmail: unknown) =>
  testDb().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.account(accountId), type: itemTypes.account, portalEnabled: true, notificationEmail },
    }),
  );

describe('npm run redrive against the local stack', () => {
  it("puts a rule's dead letters back on the bus: the effect happens once, the list empties, a second redrive does nothing", async () => {
    const accountId = newAccountId();
    const requisitionId = `req-${unique()}`;
    const inbox = `agency-${unique()}@agency.example.com`;
    // A broken settings item (a number for an address): the local SES refuses the send, so
    // notify-agency fails every attempt and the event ends in its dead-letter list.
    await putAccount(accountId, 42);
    const entry: PutEventsRequestEntry = {
      EventBusName: localBusName,
      Source: eventSource,
      DetailType: detailTypes.requisitionSubmitted,
      Detail: JSON.stringify({
        accountId,
        requisitionId,
        organizationId: `org-${unique()}`,
        title: 'Redrive engineer',
        status: 'submitted',
        submittedBy: { name: 'Client Person', email: `client-${unique()}@client.example.com` },
      }),
    };
    const { region, credentials, appUrl } = stackInfo();
    const bus = new EventBridgeClient({ region, credentials, endpoint: `${appUrl}/_local/eventbridge` });
    expect((await bus.send(new PutEventsCommand({ Entries: [entry] }))).FailedEntryCount).toBe(0);
    const ours = (letters: DeadLetter[]) =>
      letters.filter((l) => l.rule === 'notify-agency' && l.event.detail.requisitionId === requisitionId);
    await waitFor(async () => ours(await deadLetters()).length === 1 || undefined, {
      what: 'the dead letter of notify-agency',
    });

    // The cause is fixed; the redrive delivers what failed.
    await putAccount(accountId, inbox);
    const first = await redrive(notifyAgency(), targets);
    expect(first.redriven).toBeGreaterThanOrEqual(1);
    expect(first.failed).toBe(0);
    const mail = await waitFor(async () => (await mailsTo(inbox))[0], { what: 'the agency notification' });
    expect(mail.subject).toContain('Redrive engineer');
    expect(ours(await deadLetters())).toEqual([]);
    expect((await deadLetters()).filter((l) => l.rule === 'notify-agency')).toEqual([]);

    // A second run finds nothing; the same event put back once more (a redrive whose delete was
    // lost) sends nothing either: the handler dedupes on the requisition.
    expect(await redrive(notifyAgency(), targets)).toEqual({
      received: 0,
      redriven: 0,
      failed: 0,
      unknown: 0,
    });
    await bus.send(new PutEventsCommand({ Entries: [entry] }));
    await waitForPipelineIdle();
    expect(await mailsTo(inbox)).toHaveLength(1);
    expect(ours(await deadLetters())).toEqual([]);
  });

  it('sends an on-failure stream batch back through the publisher, read back from the stream by its sequence numbers', async () => {
    const token = await recruiterToken({ accountId: newAccountId() });
    const org = await api('POST', '/crm/organizations', { token, body: { name: `Redrive ${unique()}` } });
    expect(org.status).toBe(201);
    expect((await api('DELETE', `/crm/organizations/${org.json.id}`, { token })).status).toBe(204);
    await waitForPipelineIdle();
    // The publisher's events only: not the cascade's own second pass (`recheckAt`) or hand-offs.
    const deletions = async () =>
      (await busEvents()).filter(
        (r) =>
          r.event['detail-type'] === detailTypes.organizationDeleted &&
          r.event.detail.organizationId === org.json.id &&
          r.event.detail.recheckAt === undefined &&
          r.event.detail.resumeAfter === undefined,
      );
    expect(await deletions()).toHaveLength(1);

    // What the mapping's on-failure destination would hold for the REMOVE: its shard and range only.
    const stats = (await api('GET', '/_local/stream/stats')).json;
    const label = (stats.recent.forwarded as string[]).find(
      (l) => l.startsWith('REMOVE ') && l.includes(`#O#${org.json.id} `),
    );
    const sequence = /\(#(\d+)\)$/.exec(label ?? '')?.[1];
    expect(sequence).toBeDefined();
    const batches = (stats.shards as { shardId: string }[]).map((s) => ({
      shardId: s.shardId,
      startSequenceNumber: sequence!,
      endSequenceNumber: sequence!,
      streamArn: stats.streamArn as string,
    }));
    let found: (typeof batches)[number] | undefined;
    for (const batch of batches) {
      const records = await readBatchRecords(streams, batch).catch(() => []);
      if (records.some((r) => r.dynamodb?.SequenceNumber === sequence)) found = batch;
    }
    expect(found).toBeDefined();
    const removed: string[] = [];
    const letter: Letter = {
      id: 'on-failure-1',
      handle: 'on-failure-1',
      body: JSON.stringify({ DDBStreamBatchInfo: found }),
    };
    let given = false;
    const source: LetterSource = {
      name: 'publisher on-failure (test)',
      receive: async () => (given ? [] : ((given = true), [letter])),
      delete: async (l) => void removed.push(l.id),
    };

    expect(await redrive(source, targets)).toEqual({ received: 1, redriven: 1, failed: 0, unknown: 0 });
    expect(removed).toEqual(['on-failure-1']);
    await waitFor(async () => (await deletions()).length === 2 || undefined, {
      what: 'OrganizationDeleted published again',
    });
    await waitForPipelineIdle();
    // The cascade ran again and found nothing left to do.
    expect((await api('GET', `/crm/organizations/${org.json.id}`, { token })).status).toBe(404);
  });
});
