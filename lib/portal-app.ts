import { existsSync } from 'node:fs';
import { type App, type Environment, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type Route, routeKey, routeList } from '../shared/api/routes.ts';
import { CfnAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import { readAlarmEmail } from './alarm-config.ts';
import { type AppConfig, readAppConfig } from './config.ts';
import { handlerEntry } from './build/app-functions.ts';
import type { FunctionBundles } from './build/function-bundles.ts';
import { AlertsStack } from './stacks/alerts-stack.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { EmailStack } from './stacks/email-stack.ts';
import { EventsStack } from './stacks/events-stack.ts';
import { OpsStack } from './stacks/ops-stack.ts';
import { PipelineStack } from './stacks/pipeline-stack.ts';
import { RoutesStack } from './stacks/routes-stack.ts';
import { cognitoAuthConfig } from './auth-config.ts';
import { WebStack } from './stacks/web-stack.ts';
import { assertSiteBuilt } from './web/site-deployment.ts';

/** Which route stack a route belongs to, by path. A route matching none is a mistake, not a default. */
const routeGroups = [
  { name: 'CrmRoutes', prefix: '/crm/' },
  { name: 'PortalRoutes', prefix: '/portal/' },
] as const;

const crossStackReferences = '@aws-cdk/core:defaultCrossStackReferences';

export interface PortalStacks {
  config: AppConfig;
  /** The operators' alarm topic. */
  alerts: AlertsStack;
  data: DataStack;
  email: EmailStack;
  events: EventsStack;
  api: ApiStack;
  /** The stream publisher, the event rules and their handlers. */
  pipeline: PipelineStack;
  /** Route stacks by group name; a group without routes gets no stack. */
  routes: Partial<Record<(typeof routeGroups)[number]['name'], RoutesStack>>;
  /** CloudFront: the static app and the one origin of the API. */
  web: WebStack;
  /** The API, table and SES alarms and the dashboard; last, as it names every other alarm. */
  ops: OpsStack;
}

export interface BuildOptions {
  /** Every function, built before (lib/build/function-bundles.ts): each function's folder is its asset. */
  bundles: FunctionBundles;
  /** Account and region; omit for environment-agnostic stacks (synth needs no AWS access then). */
  env?: Environment;
  /** Run the cdk-nag AwsSolutions checks at synth (default true, as in bin/app.ts). */
  nag?: boolean;
  routes?: readonly Route[];
}

/** The whole deployment, shared by bin/app.ts and the infra tests so that both check the same app. */
export function buildPortalApp(app: App, options: BuildOptions): PortalStacks {
  // Say explicitly what aws-cdk-lib otherwise warns about on every synth: strong references
  // (Fn::ImportValue), so CloudFormation refuses to delete a table or API that a route stack still
  // uses. cdk.json may choose otherwise; this only fills the gap.
  if (app.node.tryGetContext(crossStackReferences) === undefined) {
    app.node.setContext(crossStackReferences, 'strong');
  }
  const config = readAppConfig(app.node);
  const routes = options.routes ?? routeList;
  assertRouteTable(routes);
  // Before any stack exists: building (and bundling) the others first would only delay the error.
  const orphan = routes.find((r) => !routeGroups.some((g) => r.path.startsWith(g.prefix)));
  if (orphan) throw new Error(`Route ${orphan.id} (${orphan.path}) belongs to no route stack`);
  assertSiteBuilt(config.webDist);

  const prefix = `ClientPortal-${config.stage}`;
  const env = options.env;
  const alerts = new AlertsStack(app, `${prefix}-Alerts`, {
    env,
    stage: config.stage,
    alarmEmail: readAlarmEmail(app.node),
  });
  const data = new DataStack(app, `${prefix}-Data`, { env });
  const email = new EmailStack(app, `${prefix}-Email`, { env, emailDomain: config.emailDomain });
  const events = new EventsStack(app, `${prefix}-Events`, { env, stage: config.stage });
  const api = new ApiStack(app, `${prefix}-Api`, {
    env,
    stage: config.stage,
    portalBaseUrl: config.portalBaseUrl,
    authDomainPrefix: config.authDomainPrefix,
    poolEmail: config.recruiterPoolEmail === 'ses' ? { ...email.sending, from: config.emailFrom } : undefined,
  });
  // Before the functions: they take the distribution's address for their links, while the Web
  // stack takes only the API's id and the origin secret from the Api stack. No cycle.
  const web = new WebStack(app, `${prefix}-Web`, {
    env,
    httpApi: api.httpApi,
    originSecret: api.originSecret,
    originSecretVersion: config.originSecretVersion,
    siteDir: config.webDist,
    ...(api.recruiterAuth ? { authConfig: cognitoAuthConfig(api.recruiterAuth) } : {}),
  });

  const resources = {
    stage: config.stage,
    alarmTopic: alerts.topic,
    table: data.table,
    cursorSecret: data.cursorSecret,
    loginCodeSecret: data.loginCodeSecret,
    eventBus: events.bus,
    email: {
      ...email.sending,
      from: config.emailFrom,
      portalBaseUrl: config.portalBaseUrl ?? web.baseUrl,
    },
  };
  const { bundles } = options;
  const pipeline = new PipelineStack(app, `${prefix}-Pipeline`, { env, resources, bundles });
  const stacks: Omit<PortalStacks, 'ops'> = {
    config,
    alerts,
    data,
    email,
    events,
    api,
    pipeline,
    routes: {},
    web,
  };
  for (const group of routeGroups) {
    const members = routes.filter((r) => r.path.startsWith(group.prefix));
    if (members.length === 0) continue;
    stacks.routes[group.name] = new RoutesStack(app, `${prefix}-${group.name}`, {
      env,
      routes: members,
      httpApi: api.httpApi,
      jwtAuthorizer: api.jwtAuthorizer,
      resources,
      originSecret: api.originSecret,
      bundles,
    });
  }

  const ops = new OpsStack(app, `${prefix}-Ops`, {
    env,
    stage: config.stage,
    alarmTopic: alerts.topic,
    httpApi: api.httpApi,
    table: data.table,
    otherAlarmNames: alarmNamesIn(app),
  });

  // cdk-nag 3 is a validation plugin (Aspects crash it): it runs at synth, and findings fail synth.
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { ...stacks, ops };
}

/** The names the alarms built so far were given (plain strings: naming them imports nothing). */
function alarmNamesIn(app: App): string[] {
  return app.node
    .findAll()
    .filter((c): c is CfnAlarm => c instanceof CfnAlarm)
    .map((alarm) => alarm.alarmName)
    .filter((name): name is string => typeof name === 'string');
}

/** One function per route: ids and route keys are unique, and every handler file exists (all listed at once). */
function assertRouteTable(routes: readonly Route[]): void {
  for (const key of [(r: Route) => r.id, routeKey]) {
    const seen = new Set<string>();
    for (const value of routes.map(key)) {
      if (seen.has(value)) throw new Error(`The route table has "${value}" twice`);
      seen.add(value);
    }
  }
  const missing = routes.filter((r) => !existsSync(handlerEntry(r.id))).map((r) => `functions/${r.id}.ts`);
  if (missing.length > 0)
    throw new Error(`Missing handler files for the route table:\n  ${missing.join('\n  ')}`);
}
