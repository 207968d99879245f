import type { IncomingHttpHeaders } from 'node:http';
import type { LocalEventBus } from './event-bus.ts';
import { localJson } from './lambda-result.ts';
import type { LocalRouteHandler } from './local-routes.ts';
import type { StreamPoller } from './stream-poller.ts';

const json = localJson;

/** The local stand-in for the publisher's on-failure queue: GET lists, DELETE …/<id> removes one. */
export const failuresPath = '/_local/stream/failures';

const starting = () => json(503, { message: 'The stream poller is starting.' });

/**
 * `since` may come as this local-only header too: local routes only see the query when the
 * gateway passes them the request URL.
 */
export const sinceHeader = 'x-local-since';

function sinceOf(url: string | undefined, headers: IncomingHttpHeaders | undefined): number | undefined {
  const raw = new URL(url ?? '/', 'http://local').searchParams.get('since') ?? headers?.[sinceHeader];
  const since = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return Number.isFinite(since) ? since : undefined;
}

/**
 * The local-only views of the stream poller (`/_local/stream/*`) and the whole pipeline's idle
 * check that tests poll instead of sleeping. The poller only exists once the table does, so it is
 * looked up per request.
 */
export function createStreamRoutes(ctx: {
  poller(): StreamPoller | undefined;
  bus: LocalEventBus;
}): LocalRouteHandler {
  return async (method, path, _body, headers, url) => {
    const poller = ctx.poller();
    // `npm run redrive` deletes an on-failure entry once its records went through the publisher.
    if (method === 'DELETE' && path.startsWith(`${failuresPath}/`)) {
      if (!poller) return starting();
      const id = decodeURIComponent(path.slice(failuresPath.length + 1));
      return poller.removeFailure(id)
        ? json(200, { removed: id })
        : json(404, { message: `No failure ${id}` });
    }
    if (method !== 'GET') return undefined;
    if (path === failuresPath) return poller ? json(200, { failures: poller.failures() }) : starting();
    if (path === '/_local/stream/stats') return poller ? json(200, poller.stats()) : starting();
    if (path === '/_local/pipeline/idle') {
      // No default: "idle since now" can never be true yet, so a missing `since` is a caller's mistake.
      const since = sinceOf(url, headers);
      if (since === undefined)
        return json(400, { message: `Pass since (epoch ms) as ?since= or the ${sinceHeader} header.` });
      // Stream read past `since` with nothing left, no publisher running, no bus delivery pending.
      const stream = poller?.idleSince(since) ?? false;
      const pending = ctx.bus.pending();
      return json(200, { idle: stream && pending === 0, stream, busPending: pending });
    }
    return undefined;
  };
}
