import { describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../../local/event-bus.ts';
import { createBusRoutes } from '../../../local/event-bus-api.ts';
import type { StreamPoller } from '../../../local/stream-poller.ts';
import { createStreamRoutes } from '../../../local/stream-routes.ts';
import { createStreamStats } from '../../../local/stream-stats.ts';

const body = (answer: { body: Buffer } | undefined) => JSON.parse(answer!.body.toString('utf8'));

describe('the local dead-letter lists, as npm run redrive uses them', () => {
  it('name each publisher on-failure entry and take one off by DELETE /_local/stream/failures/<id>', async () => {
    const stats = createStreamStats();
    const where = { shardId: 'shard-1', streamArn: 'arn:stream' };
    const loud = vi.spyOn(console, 'error').mockImplementation(() => {});
    const entry = stats.noteFailed(
      { record: { eventName: 'REMOVE', dynamodb: { SequenceNumber: '7' } }, attempts: 6, lastError: 'x' },
      where,
    );
    loud.mockRestore();
    const poller = {
      failures: stats.failures,
      removeFailure: stats.removeFailure,
    } as unknown as StreamPoller;
    const routes = createStreamRoutes({
      poller: () => poller,
      bus: createEventBus({ rules: [], loadHandler: async () => async () => undefined }),
    });
    const listed = body(await routes('GET', '/_local/stream/failures', undefined));
    expect(listed.failures).toMatchObject([
      { id: entry.id, DDBStreamBatchInfo: { ...where, startSequenceNumber: '7', endSequenceNumber: '7' } },
    ]);
    expect((await routes('DELETE', `/_local/stream/failures/${entry.id}`, undefined))?.statusCode).toBe(200);
    expect((await routes('DELETE', `/_local/stream/failures/${entry.id}`, undefined))?.statusCode).toBe(404);
    expect(body(await routes('GET', '/_local/stream/failures', undefined))).toEqual({ failures: [] });
  });

  it('answer 404 for a bus dead letter that is not (any more) on the list', async () => {
    const bus = createEventBus({ rules: [], loadHandler: async () => async () => undefined });
    const routes = createBusRoutes(bus);
    expect((await routes('DELETE', '/_local/bus/dead-letters/nope', undefined))?.statusCode).toBe(404);
    expect(bus.removeDeadLetter('nope')).toBe(false);
  });
});
