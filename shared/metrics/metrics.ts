import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { envNames, optionalEnv } from '../config/env.ts';
import { registerMetricsFlush } from './flush.ts';
import { metricDefinitions, metricDimensions, metricsNamespace, type MetricName } from './names.ts';

type Definitions = typeof metricDefinitions;
/** Metrics emitted with the common dimensions only. */
export type PlainMetric = {
  [K in MetricName]: Definitions[K] extends { by: string } ? never : K;
}[MetricName];
/** Metrics emitted with one more dimension (`by` in names.ts). */
export type SplitMetric = Exclude<MetricName, PlainMetric>;
/** What one flush writes: the EMF document Powertools puts on stdout. */
export type EmittedMetrics = ReturnType<Metrics['serializeMetrics']>;

const units = { Count: MetricUnit.Count, Milliseconds: MetricUnit.Milliseconds } as const;
const common = {
  namespace: metricsNamespace,
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'client-portal',
};
// Set by the function construct; the local stack and tests say `local`.
const stage = optionalEnv(envNames.stage) ?? 'local';

const plain = new Metrics({ ...common, defaultDimensions: { [metricDimensions.stage]: stage } });
/** One instance per value of a split dimension: its metrics are flushed as their own EMF document. */
const split = new Map<string, Metrics>();

function splitInstance(dimension: string, value: string): Metrics {
  const key = `${dimension}=${value}`;
  let instance = split.get(key);
  if (!instance) {
    instance = new Metrics({
      ...common,
      defaultDimensions: { [metricDimensions.stage]: stage, [dimension]: value },
    });
    split.set(key, instance);
  }
  return instance;
}

/** Counts (or times) something that happened, once, where it happened; flushed at the invocation's end. */
export function addMetric(name: PlainMetric, value = 1): void {
  plain.addMetric(name, units[metricDefinitions[name].unit], value);
}

/** The same for a metric split by a dimension, e.g. `addSplitMetric('Deactivations', 'contact_moved')`. */
export function addSplitMetric(name: SplitMetric, dimensionValue: string, value = 1): void {
  const definition = metricDefinitions[name];
  splitInstance(metricDimensions[definition.by], dimensionValue).addMetric(
    name,
    units[definition.unit],
    value,
  );
}

const listeners = new Set<(emitted: EmittedMetrics) => void>();

/**
 * Hears every flushed document, even with POWERTOOLS_METRICS_DISABLED (which only silences stdout):
 * the local stack keeps them for `GET /_local/metrics`, unit tests assert on them. Answers the
 * unsubscribe function.
 */
export function onMetricsPublished(listener: (emitted: EmittedMetrics) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function publish(): void {
  for (const instance of [plain, ...split.values()]) {
    // An empty flush would log a Powertools warning on every request that counted nothing.
    if (!instance.hasStoredMetrics()) continue;
    if (listeners.size > 0) {
      const emitted = instance.serializeMetrics();
      for (const listener of listeners) listener(emitted);
    }
    instance.publishStoredMetrics();
  }
}
registerMetricsFlush(publish);
