import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { routeList } from '../shared/api/routes.ts';
import { eventRules, streamPublisher } from '../shared/events/rules.ts';
import { streamFilterPatterns } from '../shared/events/stream-filter.ts';
import { createApiServer } from './api-server.ts';
import { applyHandlerEnv } from './aws-identity.ts';
import { startBackends, type Backends } from './backends.ts';
import { createCognitoSites } from './cognito-sites.ts';
import { busHandlerEnv, createBusRoutes } from './event-bus-api.ts';
import { createEventBus } from './event-bus.ts';
import { createFaultInjector, type FaultInjector, type FaultOptions } from './fault-injection.ts';
import { createHandlerLoader } from './handler-loader.ts';
import { HealthRegistry } from './health.ts';
import { createJwtAuthorizer, type AuthorizerResult } from './jwt-authorizer.ts';
import { createJwtIssuer, type LocalJwtIssuer } from './jwt-issuer.ts';
import { createLocalRoutes } from './local-routes.ts';
import { defaultWebRoot, localDataDir } from './paths.ts';
import { concretePort, localHost, portFrom } from './ports.ts';
import { attachRequestCounter } from './request-counter.ts';
import { localSecrets } from './secrets.ts';
import type { StackUrls } from './stack-types.ts';
import { sesEventsFor } from './ses-events.ts';
import { createStaticSite, type SiteHandler } from './static-site.ts';
import { startStreamPoller, type StreamPoller } from './stream-poller.ts';
import { createStreamRoutes } from './stream-routes.ts';
import { ensureTable } from './table.ts';
import { createMetricsCollector } from './metrics-routes.ts';

export interface LocalStackOptions {
  /** Defaults: env PORT / MAIL_PORT / DYNAMODB_PORT, else 3000 / 8005 / 8000. 0 picks a free port. */
  port?: number;
  mailPort?: number;
  dynamodbPort?: number;
  /** Keep data under .local/ between runs; default from env PERSIST=1. */
  persist?: boolean;
  tableName?: string;
  /** The built web app served on the same origin; default `<repo>/web/dist` (`npm run build:web`). */
  webRoot?: string;
  /**
   * Components the caller reports ready later (`npm start`'s demo data: `seed`): registered as
   * unavailable from the start, so `/_local/health` cannot answer 200 before the caller says so.
   */
  pendingComponents?: readonly string[];
  /**
   * Fault injection for the bus and the stream (`docs/faults.md`): absent, the pipeline behaves as
   * it always does; given (even `{}`), `faults.set()` can switch faults on and off while it runs.
   */
  faults?: FaultOptions;
}

export interface LocalStack {
  urls: StackUrls;
  tableName: string;
  /** Where the web app's files are served from. */
  webRoot: string;
  issuer: LocalJwtIssuer;
  /** Later components (stream poller, local bus) register their readiness here. */
  health: HealthRegistry;
  /** Only when started with `faults`. */
  faults?: FaultInjector;
  stop(): Promise<void>;
}

export const defaultTableName = 'client-portal-local';
export const localEmailFrom = 'Client Portal <portal@client-portal.example.com>';

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const persist = options.persist ?? ['1', 'true'].includes(process.env.PERSIST ?? '');
  const tableName = options.tableName ?? defaultTableName;
  const webRoot = options.webRoot ?? defaultWebRoot;
  const health = new HealthRegistry();
  let backends: Backends | undefined;
  let issuer: LocalJwtIssuer | undefined;
  let urls: StackUrls | undefined;
  let authorize = async (_header: string | undefined): Promise<AuthorizerResult> => ({
    ok: false,
    wwwAuthenticate: 'Bearer',
  });
  let ready = false;
  for (const component of [
    'dynamodb',
    'table',
    'ses',
    'bus',
    'streamPoller',
    ...(options.pendingComponents ?? []),
  ])
    health.register(component, async () => false);

  // One loader for routes and rules: a handler module is imported once, as one Lambda would be.
  const loadHandler = createHandlerLoader();
  // The gateway adds it to every API request and the handlers check it, as CloudFront and the
  // functions do in AWS (docs/web-hosting.md). Fresh per run: nothing outlives the process.
  const originSecret = randomBytes(32).toString('base64url');
  const faults = options.faults ? createFaultInjector(options.faults) : undefined;
  const bus = createEventBus({ rules: eventRules, loadHandler, faults });
  let streamPoller: StreamPoller | undefined;
  const metrics = createMetricsCollector();
  let stopCollecting = () => {};
  // The stack behind a second front door in Cognito mode (local/cognito-sites.ts): the same routes,
  // handlers and authorizer, its own /auth-config.json and CSP, and no /_local conveniences.
  const cognitoSites = createCognitoSites(({ authConfig, headers }) => {
    let site: SiteHandler | undefined;
    return createApiServer({
      routes: routeList,
      loadHandler,
      authorize: (header) => authorize(header),
      site: (method, path) =>
        (site ??= createStaticSite({ webRoot, authConfig: authConfig() }))(method, path),
      isReady: () => ready,
      originSecret,
      securityHeaders: headers,
    });
  });
  const server = createApiServer({
    routes: routeList,
    loadHandler,
    authorize: (header) => authorize(header),
    localRoutes: createLocalRoutes({
      health,
      issuer: () => issuer,
      urls: () => urls,
      bus: createBusRoutes(bus),
      stream: createStreamRoutes({ poller: () => streamPoller, bus }),
      metrics: metrics.routes,
      cognitoSites: cognitoSites.routes,
    }),
    site: createStaticSite({ webRoot }),
    isReady: () => ready,
    originSecret,
  });
  const stop = async () => {
    ready = false;
    stopCollecting();
    await cognitoSites.closeAll();
    // Before the backends go: deliveries still running need DynamoDB and SES.
    // The stream poller first: it feeds the bus.
    await streamPoller?.stop();
    await bus.stop();
    server.closeAllConnections();
    await Promise.all([
      server.listening ? new Promise((resolve) => server.close(resolve)) : undefined,
      backends?.stop(),
    ]);
  };

  try {
    // Listening first: /_local/health answers 503 while the rest starts, as SPEC §5 has it.
    server.listen(portFrom(options.port, 'PORT', 3000), localHost);
    await once(server, 'listening');
    const appPort = (server.address() as AddressInfo).port;
    const [mailPort, dynamodbPort] = await Promise.all([
      concretePort(portFrom(options.mailPort, 'MAIL_PORT', 8005), 'MAIL_PORT'),
      concretePort(portFrom(options.dynamodbPort, 'DYNAMODB_PORT', 8000), 'DYNAMODB_PORT'),
    ]);
    const app = `http://localhost:${appPort}`;
    const secrets = await localSecrets(persist ? localDataDir : undefined);
    issuer = createJwtIssuer({ issuer: `${app}/_local/issuer`, key: secrets.signingKey });
    authorize = createJwtAuthorizer({
      issuer: issuer.issuer,
      audience: issuer.audience,
      key: secrets.signingKey,
    });

    backends = await startBackends({
      dynamodbPort,
      mailPort,
      dataDir: persist ? localDataDir : undefined,
      // SES's event destination: its delivery events go to the default bus (docs/email-delivery.md).
      onEmailSent: (sent) => bus.publish(sesEventsFor(sent), 'default'),
    });
    const { dynamo, ses } = backends;

    urls = { app, portal: app, mail: ses.url, dynamodb: dynamo.endpoint };
    applyHandlerEnv({
      tableName,
      dynamodbEndpoint: dynamo.endpoint,
      sesEndpoint: ses.url,
      portalBaseUrl: app,
      cursorSecret: secrets.cursorSecret,
      loginCodeSecret: secrets.loginCodeSecret,
      originSecret,
      emailFrom: localEmailFrom,
    });
    // The handlers publish through the app server, by IP: `localhost` may resolve to ::1 first.
    Object.assign(process.env, busHandlerEnv(bus, `http://${localHost}:${appPort}`));
    const created = await ensureTable(dynamo.admin, tableName);

    // The handlers' own client, loaded only now that the env is in place.
    const shared = await import('../shared/clients/dynamodb.ts');
    attachRequestCounter(shared.dynamo);
    // The handlers' metrics module too, once METRICS_DISABLED is set: it reads it at load.
    const { onMetricsPublished } = await import('../shared/metrics/metrics.ts');
    stopCollecting = onMetricsPublished(metrics.collect);
    health.register(
      'dynamodb',
      async () => (await dynamo.admin.send(new ListTablesCommand({ Limit: 1 })), true),
    );
    // Through the handlers' client: proves their endpoint and credentials see the table.
    health.register('table', async () => {
      const { Table } = await shared.dynamo.send(new DescribeTableCommand({ TableName: tableName }));
      return Table?.TableStatus === 'ACTIVE';
    });
    health.register('ses', () => ses.healthy());
    // PutEvents is refused until now: a delivery must not import a handler before its env is complete.
    bus.start();
    health.register('bus', async () => bus.accepting);
    // The event source mapping: after bus.start, as the publisher puts its events there. A table kept
    // by --persist starts at LATEST, so records an earlier run already published are not replayed.
    streamPoller = await startStreamPoller({
      endpoint: dynamo.endpoint,
      admin: dynamo.admin,
      tableName,
      loadHandler,
      handlerId: streamPublisher.handler,
      patterns: streamFilterPatterns,
      startAt: created ? 'TRIM_HORIZON' : 'LATEST',
      downstreamIdle: () => bus.pending() === 0,
      faults,
    });
    health.register('streamPoller', async () => streamPoller?.ready() ?? false);
    ready = true;
    return { urls, tableName, webRoot, issuer, health, faults, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
