import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildTestApp, type CfnResource, resourcesOf } from './app-fixture.ts';

export const alarmEmail = 'ops@example.org';

/** The app as `cdk synth -c alarmEmail=ops@example.org` builds it: every stack's template by name. */
export function alarmedApp(context: Record<string, unknown> = { alarmEmail }) {
  const { app, stacks } = buildTestApp({}, context);
  const templates = new Map<string, Template>();
  for (const child of app.node.children)
    if (child instanceof Stack) templates.set(child.stackName, Template.fromStack(child));
  return { app, stacks, templates };
}

export interface FoundAlarm {
  stack: string;
  id: string;
  alarm: CfnResource;
  name: string;
}

/** Every CloudWatch alarm of the app, with the stack it is in. */
export function alarmsOf(templates: Map<string, Template>): FoundAlarm[] {
  return [...templates].flatMap(([stack, template]) =>
    Object.entries(resourcesOf(template, 'AWS::CloudWatch::Alarm')).map(([id, alarm]) => ({
      stack,
      id,
      alarm,
      name: String(alarm.Properties?.AlarmName),
    })),
  );
}

type MetricStat = { Metric: { Namespace: string; MetricName: string; Dimensions?: unknown[] }; Stat: string };
type MetricQuery = { Id: string; Expression?: string; MetricStat?: MetricStat };

/** The metrics an alarm reads, whether it is a plain metric alarm or a metric math alarm. */
export function metricsOf(alarm: CfnResource): { namespace: string; name: string; dimensions: unknown[] }[] {
  const p = alarm.Properties ?? {};
  if (p.MetricName)
    return [
      { namespace: p.Namespace as string, name: p.MetricName as string, dimensions: p.Dimensions ?? [] },
    ];
  return ((p.Metrics ?? []) as MetricQuery[])
    .filter((q) => q.MetricStat)
    .map((q) => ({
      namespace: q.MetricStat!.Metric.Namespace,
      name: q.MetricStat!.Metric.MetricName,
      dimensions: q.MetricStat!.Metric.Dimensions ?? [],
    }));
}

export const expressionOf = (alarm: CfnResource) =>
  ((alarm.Properties?.Metrics ?? []) as MetricQuery[]).find((q) => q.Expression)?.Expression;

export const byName = (alarms: FoundAlarm[], name: string) => {
  const found = alarms.filter((a) => a.name === name);
  if (found.length !== 1) throw new Error(`Expected one alarm ${name}, found ${found.length}`);
  return found[0]!;
};
