import { envNames, optionalEnv } from '../config/env.ts';
import { registerMetricsFlush } from './flush.ts';
import {
  metricDefinitions,
  metricDimensions,
  metricsNamespace,
  metricsService,
  type MetricName,
  type MetricUnitName,
} from './names.ts';

type Definitions = typeof metricDefinitions;
/** Metrics emitted with the common dimensions only. */
export type PlainMetric = {
  [K in MetricName]: Definitions[K] extends { by: string } ? never : K;
}[MetricName];
/** Metrics emitted with one more dimension (`by` in names.ts). */
export type SplitMetric = Exclude<MetricName, PlainMetric>;

/**
 * One CloudWatch embedded metric format (EMF) document: the `_aws` metadata, then each dimension
 * and each metric as a top-level member (a metric written more than once in a flush is an array).
 * CloudWatch turns such a log line into metrics without an API call.
 */
export interface EmittedMetrics {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: MetricUnitName }[];
    }[];
  };
  [member: string]: unknown;
}

const service = optionalEnv('POWERTOOLS_SERVICE_NAME') ?? metricsService;
// Set by the function construct; the local stack and tests say `local`.
const stage = optionalEnv(envNames.stage) ?? 'local';
/** Locally and in unit tests the documents go to listeners only, not to stdout. */
const silenced = () => optionalEnv(envNames.metricsDisabled) === 'true';

/** What this invocation counted, grouped by the extra dimension's value ('' for none). */
type Pending = { dimension?: string; value?: string; metrics: Map<MetricName, number[]> };
const pending = new Map<string, Pending>();

function record(name: MetricName, value: number, dimension?: string, dimensionValue?: string): void {
  // EMF values must be finite numbers; a NaN would make CloudWatch drop the whole document.
  if (!Number.isFinite(value)) return;
  const key = dimension ? `${dimension}=${dimensionValue}` : '';
  let group = pending.get(key);
  if (!group) {
    group = { dimension, value: dimensionValue, metrics: new Map() };
    pending.set(key, group);
  }
  const values = group.metrics.get(name) ?? [];
  // Counts add up (alarms and charts use their Sum); timings keep each value for percentiles.
  if (metricDefinitions[name].unit === 'Count' && values.length === 1) values[0]! += value;
  else values.push(value);
  group.metrics.set(name, values);
}

/** EMF takes at most 100 values per metric in one document. */
const maxValuesPerDocument = 100;

/** Counts (or times) something that happened, once, where it happened; flushed at the invocation's end. */
export function addMetric(name: PlainMetric, value = 1): void {
  record(name, value);
}

/** The same for a metric split by a dimension, e.g. `addSplitMetric('Deactivations', 'contact_moved')`. */
export function addSplitMetric(name: SplitMetric, dimensionValue: string, value = 1): void {
  record(name, value, metricDimensions[metricDefinitions[name].by], dimensionValue);
}

function documentOf(group: Pending, metrics: [MetricName, number[]][], timestamp: number): EmittedMetrics {
  const dimensions: string[] = [metricDimensions.service, metricDimensions.stage];
  const members: Record<string, unknown> = { service, stage };
  if (group.dimension && group.value !== undefined) {
    dimensions.push(group.dimension);
    members[group.dimension] = group.value;
  }
  for (const [name, values] of metrics) members[name] = values.length === 1 ? values[0] : values;
  return {
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [
        {
          Namespace: metricsNamespace,
          Dimensions: [dimensions],
          Metrics: metrics.map(([name]) => ({ Name: name, Unit: metricDefinitions[name].unit })),
        },
      ],
    },
    ...members,
  };
}

const listeners = new Set<(emitted: EmittedMetrics) => void>();

/**
 * Hears every flushed document, even when METRICS_DISABLED silences stdout: the local stack keeps
 * them for `GET /_local/metrics`, unit tests assert on them. Answers the unsubscribe function.
 */
export function onMetricsPublished(listener: (emitted: EmittedMetrics) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** One line per document on stdout, which Lambda sends to the function's log group. */
function publish(): void {
  const timestamp = Date.now();
  const groups = [...pending.values()];
  // Nothing counted, nothing written.
  pending.clear();
  for (const group of groups) {
    const all = [...group.metrics.entries()];
    const longest = Math.max(...all.map(([, values]) => values.length));
    for (let start = 0; start < longest; start += maxValuesPerDocument) {
      const slice = all
        .map(([name, values]): [MetricName, number[]] => [
          name,
          values.slice(start, start + maxValuesPerDocument),
        ])
        .filter(([, values]) => values.length > 0);
      const emitted = documentOf(group, slice, timestamp);
      for (const listener of listeners) listener(emitted);
      if (!silenced()) process.stdout.write(`${JSON.stringify(emitted)}\n`);
    }
  }
}
registerMetricsFlush(publish);
