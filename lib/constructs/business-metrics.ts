import { Duration } from 'aws-cdk-lib';
import { Metric, type MetricOptions, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import {
  metricDefinitions,
  metricDimensions,
  metricsNamespace,
  metricsService,
  type MetricDefinition,
  type MetricName,
} from '../../shared/metrics/names.ts';

/**
 * The CloudWatch metric behind one of the app's business metrics (shared/metrics/names.ts), with the
 * dimensions the functions emit it with: service, stage and, for a split metric, its value.
 */
export function businessMetric(
  stage: string,
  name: MetricName,
  options: MetricOptions & { split?: string } = {},
): Metric {
  const { split, ...rest } = options;
  const definition: MetricDefinition = metricDefinitions[name];
  if (definition.by && split === undefined) throw new Error(`Metric ${name} is emitted per ${definition.by}`);
  return new Metric({
    namespace: metricsNamespace,
    metricName: name,
    period: Duration.minutes(5),
    statistic: Stats.SUM,
    ...rest,
    dimensionsMap: {
      [metricDimensions.service]: metricsService,
      [metricDimensions.stage]: stage,
      ...(definition.by && split !== undefined ? { [metricDimensions[definition.by]]: split } : {}),
    },
  });
}
