import { randomBytes, randomInt } from 'node:crypto';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detailTypes, eventSource } from '../../shared/events/catalog.ts';
import { eventRules, type EventRule } from '../../shared/events/rules.ts';
import { createEventBus, localBusName, type BusEventRecord } from '../../local/event-bus.ts';
import type { LambdaHandler } from '../../local/handler-loader.ts';
import { api, linkIn, mailsTo, stackInfo, waitForMail } from '../support/api.ts';
import { waitForBusIdle } from '../support/bus.ts';
import { newAgency, portalApi, signedInClient } from '../support/portal.ts';

/** Bounded poll: answers the first defined value of probe, or fails naming what never came. */
async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const busEvents = async (): Promise<BusEventRecord[]> => (await api('GET', '/_local/bus/events')).json.events;
const settled = (r: BusEventRecord) => r.deliveries.every((d) => d.status !== 'pending');
const sdk = () =>
  new EventBridgeClient({
    endpoint: `${stackInfo().appUrl}/_local/eventbridge`,
    region: stackInfo().region,
    credentials: stackInfo().credentials,
    maxAttempts: 1,
  });
const ping = (n: string, extra: Partial<PutEventsRequestEntry> = {}): PutEventsRequestEntry => ({
  EventBusName: localBusName,
  Source: 'client-portal.test',
  DetailType: 'BusTestPing',
  Detail: JSON.stringify({ n }),
  ...extra,
});
/** Login requests are rate-limited per client address: each test its own. */
const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const requestLoginLinks = (email: string) =>
  portalApi('POST', '/portal/login-links', { body: { email }, sourceIp: freshIp() }); // with x-requested-with
/** What the rule table says must receive a LoginLinksRequested (today: send-login-links). */
const loginRules = eventRules.filter(
  (r) => r.source === eventSource && r.detailTypes.includes(detailTypes.loginLinksRequested),
);

describe('local bus: delivery semantics (a bus of its own, fake handlers)', () => {
  const rule = (id: string, detailType = 'Pinged'): EventRule => ({
    id,
    description: id,
    source: 'test',
    detailTypes: [detailType],
    handler: `test/${id}`,
    access: { table: 'read' },
    timeoutSeconds: 10,
  });
  const busWith = (handlers: Record<string, LambdaHandler>, concurrency = 8) =>
    createEventBus({
      rules: [rule('a'), rule('b'), rule('other', 'Other')],
      loadHandler: async (id) => handlers[id.slice('test/'.length)] ?? (async () => undefined),
      retryDelaysMs: [5, 20],
      concurrency,
    });
  const pinged = { source: 'test', detailType: 'Pinged', detail: { n: 1 } };
  afterEach(() => void vi.restoreAllMocks());

  it('answers before delivering, fans out to every matching rule, retries, then dead-letters', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let aCalls = 0;
    const bus = busWith({
      a: async () => {
        if (++aCalls < 3) throw new Error(`flaky ${aCalls}`);
      },
      b: async () => {
        throw new Error('always down');
      },
    });
    bus.start();
    const [id] = bus.publish([pinged]);
    expect([aCalls, bus.pending()]).toEqual([0, 2]); // PutEvents answers first
    await until('settled', () => (bus.pending() === 0 ? true : undefined));
    expect(bus.events()[0]?.deliveries).toMatchObject([
      { rule: 'a', status: 'delivered', attempts: 3 },
      { rule: 'b', status: 'failed', attempts: 3, lastError: 'always down' },
    ]);
    expect(bus.deadLetters()).toMatchObject([{ rule: 'b', attempts: 3, event: { id, detail: { n: 1 } } }]);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(`DEAD LETTER ${id}`));
    await bus.stop();
  });

  it('runs deliveries concurrently but bounded, and stop drops what has not started', async () => {
    let running = 0;
    let peak = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const bus = busWith({ a: async () => ((peak = Math.max(peak, ++running)), await gate, running--) }, 2);
    bus.start();
    bus.publish(Array.from({ length: 5 }, () => pinged));
    await until('two running', () => (running === 2 ? true : undefined));
    const stopping = bus.stop();
    release();
    await stopping;
    expect(peak).toBe(2);
    expect(
      bus.events().flatMap((r) => r.deliveries.filter((d) => d.rule === 'a').map((d) => d.status)),
    ).toEqual(['delivered', 'delivered', 'pending', 'pending', 'pending']);
    expect(bus.accepting).toBe(false);
  });

  it("runs each handler under its rule's timeout, with a context counting down from it, and counts what timed out", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const remaining: number[] = [];
    const bus = createEventBus({
      rules: [{ ...rule('a'), timeoutSeconds: 2 }, rule('b')],
      loadHandler: async (id) =>
        id === 'test/a'
          ? async (_event, context) => void remaining.push(context.getRemainingTimeInMillis())
          : async () => new Promise(() => {}), // never settles
      retryDelaysMs: [5, 5],
    });
    bus.overrideTimeout('test/b', 50);
    bus.start();
    bus.publish([pinged]);
    await until('settled', () => (bus.pending() === 0 ? true : undefined));
    expect(remaining[0]).toBeGreaterThan(1_900);
    expect(remaining[0]).toBeLessThanOrEqual(2_000);
    expect(bus.stats().rules).toMatchObject({
      a: { timeoutMs: 2_000, deliveries: 1, attempts: 1, delivered: 1, timedOut: 0 },
      b: { timeoutMs: 50, deliveries: 1, attempts: 3, delivered: 0, timedOut: 3, deadLetters: 1 },
    });
    expect(bus.deadLetters()).toMatchObject([{ rule: 'b', lastError: 'timed out after 50 ms' }]);
    await bus.stop();
  });

  it('matches detail conditions as EventBridge does: a rule that excludes hand-offs never gets one', async () => {
    const got: string[] = [];
    const bus = createEventBus({
      rules: [rule('a'), { ...rule('b'), detail: { resumeAfter: [{ exists: false }] } }],
      loadHandler: async (id) => async () => void got.push(id),
    });
    bus.start();
    bus.publish([pinged, { ...pinged, detail: { n: 2, resumeAfter: { page: 2 } } }]);
    await until('settled', () => (bus.pending() === 0 ? true : undefined));
    expect(got.sort()).toEqual(['test/a', 'test/a', 'test/b']);
    expect(bus.stats()).toMatchObject({ events: 2, handOffs: { Pinged: 1 } });
    await bus.stop();
  });
});

describe('local bus: the PutEvents endpoint, through the real SDK client', () => {
  it('accepts events and answers as AWS does; the events carry the EventBridge envelope', async () => {
    const n = randomBytes(4).toString('hex');
    const out = await sdk().send(
      new PutEventsCommand({
        Entries: [ping(n), ping(n, { Time: new Date('2022-01-01T00:00:00.500Z'), Resources: ['arn:x'] })],
      }),
    );
    expect(out.FailedEntryCount).toBe(0);
    expect(out.Entries).toEqual([{ EventId: expect.any(String) }, { EventId: expect.any(String) }]);
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200, requestId: expect.any(String) });
    const ids = out.Entries?.map((e) => e.EventId);
    const records = (await busEvents()).filter((r) => ids?.includes(r.event.id));
    expect(records.map((r) => r.event)).toEqual([
      {
        version: '0',
        id: ids?.[0],
        'detail-type': 'BusTestPing',
        source: 'client-portal.test',
        account: '000000000000',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        region: stackInfo().region,
        resources: [],
        detail: { n },
      },
      expect.objectContaining({ id: ids?.[1], time: '2022-01-01T00:00:00Z', resources: ['arn:x'] }),
    ]);
    // No rule matches this source: accepted all the same, delivered to nobody.
    expect(records.map((r) => r.deliveries)).toEqual([[], []]);
  });

  it('fails bad entries one by one, with AWS error codes, and keeps the good ones', async () => {
    const out = await sdk().send(
      new PutEventsCommand({
        Entries: [
          ping('ok', {
            EventBusName: `arn:aws:events:${stackInfo().region}:000000000000:event-bus/${localBusName}`,
          }),
          ping('x', { EventBusName: 'no-such-bus' }),
          ping('x', { Detail: '[1, 2]' }),
          ping('x', { Source: undefined }),
        ],
      }),
    );
    expect(out.FailedEntryCount).toBe(3);
    expect(out.Entries).toEqual([
      { EventId: expect.any(String) },
      { ErrorCode: 'ResourceNotFoundException', ErrorMessage: 'Event bus no-such-bus does not exist.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'InvalidArgument', ErrorMessage: expect.stringContaining('Source') },
    ]);
  });

  it('refuses more than 10 entries, and any operation but PutEvents, as a whole', async () => {
    const entries = Array.from({ length: 11 }, (_, i) => ping(String(i)));
    await expect(sdk().send(new PutEventsCommand({ Entries: entries }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('less than or equal to 10'),
      $metadata: { httpStatusCode: 400 },
    });
    const other = await api('POST', '/_local/eventbridge/', {
      rawBody: '{}',
      headers: { 'x-amz-target': 'AWSEvents.DescribeEventBus', 'content-type': 'application/x-amz-json-1.1' },
    });
    expect(other.status).toBe(400);
    expect(JSON.parse(other.text)).toMatchObject({ __type: 'UnknownOperationException' });
  });
});

describe('local bus: rules and delivery end to end', () => {
  it('B7 unknown address: 202, the event is delivered by the rule table, and no e-mail goes out', async () => {
    const email = `nobody.${randomBytes(5).toString('hex')}@unknown.test`;
    const res = await requestLoginLinks(email);
    expect(res.status).toBe(202);
    const record = await until('a settled LoginLinksRequested', async () =>
      (await busEvents()).find((r) => r.event.detail.email === email && settled(r)),
    );
    expect(record.event).toMatchObject({
      source: eventSource,
      'detail-type': detailTypes.loginLinksRequested,
    });
    expect(record.deliveries).toEqual(
      loginRules.map((rule) =>
        expect.objectContaining({ rule: rule.id, handler: rule.handler, status: 'delivered', attempts: 1 }),
      ),
    );
    // About 1 ms on an idle stack; generous here, as the suite's files run in parallel.
    for (const d of record.deliveries)
      expect(Date.parse(d.startedAt ?? '') - Date.parse(record.acceptedAt)).toBeLessThan(2_000);
    await waitForBusIdle();
    expect(await mailsTo(email)).toEqual([]);
  });

  it('B7 known address: the handler e-mails a /login/continue link that the portal accepts', async () => {
    const client = await signedInClient(await newAgency());
    const res = await requestLoginLinks(client.email);
    expect(res.status).toBe(202);
    const mail = await waitForMail(
      (m) => m.destination.to.includes(client.email) && m.body.text.includes('/login/continue?token='),
    );
    const token = linkIn(mail, '/login/continue')?.searchParams.get('token');
    expect(token).toBeTruthy();
    expect((await api('GET', `/portal/login-links/${token}`)).status).toBe(200);
  });

  it('health lists the bus as a ready component', async () => {
    const res = await api('GET', '/_local/health');
    expect(res.status).toBe(200);
    expect(res.json.components.bus).toBe('ok');
  });
});
