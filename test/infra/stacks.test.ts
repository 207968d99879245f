import { fileURLToPath } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAppConfig } from '../../lib/config.ts';
import { buildPortalApp, type PortalStacks } from '../../lib/portal-app.ts';
import { routeList, routes } from '../../shared/api/routes.ts';
import { buildTestApp, testBundles, webDistFixture } from './app-fixture.ts';

let app: App;
let stacks: PortalStacks;

beforeAll(() => {
  ({ app, stacks } = buildTestApp());
});

const resourceCount = (stack: Stack) =>
  Object.keys(Template.fromStack(stack).toJSON().Resources ?? {}).length;

describe('stacks', () => {
  it('are the alerts, data, e-mail, events, pipeline, API, web and ops stacks plus one stack per route group that has routes', () => {
    const names = app.node.children.filter(Stack.isStack).map((s) => s.stackName);
    const expected = [
      'ClientPortal-dev-Alerts',
      'ClientPortal-dev-Data',
      'ClientPortal-dev-Email',
      'ClientPortal-dev-Events',
      'ClientPortal-dev-Pipeline',
      'ClientPortal-dev-Api',
      'ClientPortal-dev-Web',
      'ClientPortal-dev-Ops',
      'ClientPortal-dev-CrmRoutes',
    ];
    if (routeList.some((r) => r.path.startsWith('/portal/'))) expected.push('ClientPortal-dev-PortalRoutes');
    expect(names.sort()).toEqual(expected.sort());
  });

  it('each stay far below the 500-resource limit of CloudFormation', () => {
    for (const stack of app.node.children.filter(Stack.isStack)) {
      expect(resourceCount(stack), stack.stackName).toBeLessThan(400);
    }
  });

  it('cost at most 8 resources per route, so ~45 routes still fit one stack', () => {
    for (const stack of Object.values(stacks.routes)) {
      const routeCount = Object.keys(
        Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Route'),
      ).length;
      // Minus the CDK metadata resource.
      expect((resourceCount(stack) - 1) / routeCount).toBeLessThanOrEqual(8);
    }
  });

  it('are environment-agnostic unless the CLI provides an account and region', () => {
    for (const stack of app.node.children.filter(Stack.isStack))
      expect(stack.environment).toBe('aws://unknown-account/unknown-region');
  });
});

describe('context', () => {
  const configOf = (context: Record<string, string>) => readAppConfig(new App({ context }).node);

  it("has offline defaults; the portal base URL is then the distribution's own address", () => {
    expect(configOf({})).toEqual({
      stage: 'dev',
      portalBaseUrl: undefined,
      emailFrom: 'no-reply@example.com',
      emailDomain: 'example.com',
      webDist: fileURLToPath(new URL('../../web/dist', import.meta.url)),
      originSecretVersion: undefined,
      recruiterPoolEmail: 'ses',
    });
    expect(stacks.config.webDist).toBe(webDistFixture);
  });

  it('derives the SES domain from the sender and normalizes the base URL', () => {
    expect(
      configOf({ emailFrom: 'portal@mail.agency.com', portalBaseUrl: 'https://portal.agency.com/' }),
    ).toMatchObject({
      emailDomain: 'mail.agency.com',
      portalBaseUrl: 'https://portal.agency.com',
    });
    expect(configOf({ emailFrom: 'portal@mail.agency.com', emailDomain: 'agency.com' }).emailDomain).toBe(
      'agency.com',
    );
  });

  it('refuses values that would deploy a broken portal', () => {
    expect(() => configOf({ portalBaseUrl: 'http://portal.agency.com' })).toThrow(/https/);
    expect(() => configOf({ emailFrom: 'nobody' })).toThrow(/e-mail address/);
    expect(() => configOf({ emailFrom: 'a@other.com', emailDomain: 'agency.com' })).toThrow(/emailDomain/);
    expect(() => configOf({ stage: 'Prod_1' })).toThrow(/stage/);
    expect(() => configOf({ recruiterPoolEmail: 'smtp' })).toThrow(/recruiterPoolEmail/);
    expect(() => configOf({ authDomainPrefix: 'Acme_Login' })).toThrow(/authDomainPrefix/);
  });
});

describe('the route table guard', () => {
  const build = (table: typeof routeList) => () =>
    buildPortalApp(new App(), { routes: table, nag: false, bundles: testBundles() });

  it('refuses a route id or route key used twice (one function per route)', () => {
    expect(build([routes.getAccount, { ...routes.getAccount, method: 'PUT' }])).toThrow(
      /crm\/get-account" twice/,
    );
    expect(build([routes.getAccount, { ...routes.getAccount, id: 'crm/update-account' }])).toThrow(
      /GET \/crm\/account" twice/,
    );
  });

  it('lists every missing handler file at once', () => {
    const missing = ['crm/no-such-a', 'crm/no-such-b'].map((id, i) => ({
      ...routes.getAccount,
      id,
      path: `/crm/x${i}`,
    }));
    expect(build(missing)).toThrow(/functions\/crm\/no-such-a\.ts\n {2}functions\/crm\/no-such-b\.ts/);
  });

  it('refuses a route outside /crm and /portal', () => {
    expect(build([{ ...routes.getAccount, path: '/admin/account' }])).toThrow(/belongs to no route stack/);
  });
});
