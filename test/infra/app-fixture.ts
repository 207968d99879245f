import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { inject } from 'vitest';
import { functionBundlesIn } from '../../lib/build/function-bundles.ts';
import { type BuildOptions, buildPortalApp, type PortalStacks } from '../../lib/portal-app.ts';
import { type Route, routeKey } from '../../shared/api/routes.ts';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

/** A tiny build of the web app: the infra tests never need (or wait for) `npm run build:web`. */
export const webDistFixture = fileURLToPath(new URL('./fixtures/web-dist', import.meta.url));

/** The functions as the infra run's global setup built them (test/support/bundles-setup.ts). */
export const testBundles = () => functionBundlesIn(inject('functionBundlesDir'));

/**
 * The app as `cdk synth` builds it (same builder, same cdk.json feature flags, the real function
 * assets), except that assets are not staged: the template's `aws:asset:path` names each
 * function's build folder itself, rather than a copy of it in a fresh cloud assembly per test app.
 * aws-cdk-lib's built-in CloudFormation template validator (seconds per synth) runs only in the
 * apps that check validation, i.e. with cdk-nag on.
 */
export function buildTestApp(options: Partial<BuildOptions> = {}, context: Record<string, unknown> = {}) {
  const app = new App({
    context: {
      ...cdkJson.context,
      'aws:cdk:disable-asset-staging': true,
      'aws:cdk:enable-asset-metadata': true,
      webDist: webDistFixture,
      ...context,
    },
    builtinCloudFormationValidation: options.nag ?? false,
  });
  const stacks = buildPortalApp(app, { nag: false, bundles: testBundles(), ...options });
  return { app, stacks };
}

// Synthesized CloudFormation is untyped JSON; the tests walk it by known paths.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CfnResource = { Type: string; Properties?: Record<string, any>; [key: string]: unknown };
export type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

export const resourcesOf = (template: Template, type: string) =>
  template.findResources(type) as Record<string, CfnResource>;

/** The route stack that holds a route (by its path prefix), as a template. */
export function routeTemplate(stacks: PortalStacks, route: Route): Template {
  const stack = route.path.startsWith('/crm/') ? stacks.routes.CrmRoutes : stacks.routes.PortalRoutes;
  if (!stack) throw new Error(`No route stack for ${route.id}`);
  return Template.fromStack(stack);
}

/** Follows Route → Integration → Function and returns the function's logical id and resource. */
export function wiringOf(template: Template, route: Route) {
  const key = routeKey(route);
  const routes = Object.entries(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).filter(
    ([, r]) => r.Properties?.RouteKey === key,
  );
  if (routes.length !== 1) throw new Error(`Expected one route ${key}, found ${routes.length}`);
  const [, httpRoute] = routes[0]!;
  const integrationId = httpRoute.Properties!.Target['Fn::Join'][1][1].Ref as string;
  const integration = resourcesOf(template, 'AWS::ApiGatewayV2::Integration')[integrationId];
  const functionId = integration!.Properties!.IntegrationUri['Fn::GetAtt'][0] as string;
  const fn = resourcesOf(template, 'AWS::Lambda::Function')[functionId];
  if (!fn) throw new Error(`Route ${key} does not target a function of its stack`);
  return { route: httpRoute, integration: integration!, functionId, fn };
}

/** Every statement of the policies attached to a function's role. */
export function statementsOf(template: Template, fn: CfnResource): Statement[] {
  const roleId = fn.Properties!.Role['Fn::GetAtt'][0] as string;
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((p) => (p.Properties!.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties!.PolicyDocument.Statement as Statement[]);
}

export const actionsOf = (statements: Statement[]) =>
  statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

/** Every function of the app, by the file its description names: `… (functions/<handlerId>.ts)`. */
export function appFunctionsOf(stacks: PortalStacks) {
  const all = [stacks.pipeline, ...Object.values(stacks.routes)].flatMap((stack) =>
    Object.values(resourcesOf(Template.fromStack(stack), 'AWS::Lambda::Function')),
  );
  return all.flatMap((fn) => {
    const handlerId = /\(functions\/([^)]+)\.ts\)$/.exec(String(fn.Properties?.Description ?? ''))?.[1];
    if (!handlerId) return [];
    const assetDir = (fn.Metadata as Record<string, string> | undefined)?.['aws:asset:path'];
    if (!assetDir) throw new Error(`${handlerId}: no asset path in the template`);
    const variables = (fn.Properties?.Environment?.Variables ?? {}) as Record<string, unknown>;
    return [{ handlerId, fn, assetDir, variables }];
  });
}
