import type { EmittedMetrics } from '../shared/metrics/metrics.ts';
import { localJson } from './lambda-result.ts';
import type { LocalRouteHandler } from './local-routes.ts';

/** Enough for a whole test run; the oldest documents go first. */
const keep = 5_000;

const json = localJson;

export interface MetricsCollector {
  /** Give it to onMetricsPublished (shared/metrics/metrics.ts). */
  collect(document: EmittedMetrics): void;
  routes: LocalRouteHandler;
}

/**
 * `GET /_local/metrics`: every EMF document the handlers flushed, as CloudWatch would have read it
 * from their logs. The local stack keeps them off the console (METRICS_DISABLED), so this
 * is where a developer or a test looks. `?since=<epoch ms>` keeps the newer ones.
 */
export function createMetricsCollector(): MetricsCollector {
  const documents: EmittedMetrics[] = [];
  return {
    collect(document) {
      documents.push(document);
      if (documents.length > keep) documents.splice(0, documents.length - keep);
    },
    routes: async (method, path, _body, _headers, url) => {
      if (method !== 'GET' || path !== '/_local/metrics') return undefined;
      const raw = new URL(url ?? '/', 'http://local').searchParams.get('since');
      const since = raw ? Number(raw) : 0;
      return json(200, {
        documents: documents.filter((d) => d._aws.Timestamp >= (Number.isFinite(since) ? since : 0)),
      });
    },
  };
}
