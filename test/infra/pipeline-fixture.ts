import { type Matcher, Template } from 'aws-cdk-lib/assertions';
import type { EventRule } from '../../shared/events/rules.ts';
import { buildTestApp, type CfnResource, resourcesOf } from './app-fixture.ts';

/** The pipeline stack and the stacks it imports from, as templates. */
export function pipelineTemplates() {
  const { stacks } = buildTestApp();
  return {
    stacks,
    pipeline: Template.fromStack(stacks.pipeline),
    data: Template.fromStack(stacks.data),
    events: Template.fromStack(stacks.events),
  };
}
export type PipelineTemplates = ReturnType<typeof pipelineTemplates>;

/** The value behind an `Fn::ImportValue`, read from the outputs of the stack that exports it. */
export function importedFrom(exporter: Template, value: unknown): unknown {
  const name = (value as { 'Fn::ImportValue'?: unknown } | undefined)?.['Fn::ImportValue'];
  if (typeof name !== 'string') throw new Error(`Not an import: ${JSON.stringify(value)}`);
  const outputs = (exporter.toJSON().Outputs ?? {}) as Record<
    string,
    { Value: unknown; Export?: { Name: string } }
  >;
  const output = Object.values(outputs).find((o) => o.Export?.Name === name);
  if (!output) throw new Error(`No export ${name}`);
  return output.Value;
}

/** The logical id of the only resource of a type in a template (the table, the bus). */
export function onlyIdOf(template: Template, type: string): string {
  const ids = Object.keys(template.findResources(type));
  if (ids.length !== 1) throw new Error(`Expected one ${type}, found ${ids.length}`);
  return ids[0]!;
}

/**
 * The function built from `functions/<handler>.ts`, found by the description the stack gives it
 * (`… (functions/<handler>.ts)`), not by position or count.
 */
export function functionOf(pipeline: Template, handler: string): { id: string; fn: CfnResource } {
  const matches = Object.entries(resourcesOf(pipeline, 'AWS::Lambda::Function')).filter(([, fn]) =>
    String(fn.Properties?.Description).endsWith(`(functions/${handler}.ts)`),
  );
  if (matches.length !== 1) throw new Error(`Expected one function for ${handler}, found ${matches.length}`);
  const [id, fn] = matches[0]!;
  return { id, fn };
}

/** A rule's wiring: the EventBridge rule that targets its function, and the rule target's DLQ. */
export function ruleWiringOf(pipeline: Template, rule: EventRule) {
  const { id: functionId, fn } = functionOf(pipeline, rule.handler);
  const targeting = Object.entries(resourcesOf(pipeline, 'AWS::Events::Rule')).filter(([, r]) =>
    (r.Properties!.Targets as { Arn: unknown }[]).some(
      (t) => JSON.stringify(t.Arn) === JSON.stringify({ 'Fn::GetAtt': [functionId, 'Arn'] }),
    ),
  );
  if (targeting.length !== 1) throw new Error(`Expected one rule for ${rule.id}, found ${targeting.length}`);
  const [ruleId, eventRule] = targeting[0]!;
  const target = (
    eventRule.Properties!.Targets as { DeadLetterConfig?: { Arn: { 'Fn::GetAtt': string[] } } }[]
  )[0];
  const queueId = target?.DeadLetterConfig?.Arn['Fn::GetAtt'][0];
  if (!queueId) throw new Error(`The target of rule ${rule.id} has no dead-letter queue`);
  return { functionId, fn, ruleId, eventRule, queueId };
}

export const getAtt = (logicalId: string | Matcher, attribute = 'Arn') => ({
  'Fn::GetAtt': [logicalId, attribute],
});
