import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PortalStacks } from '../../lib/portal-app.ts';
import { type Route, routes } from '../../shared/api/routes.ts';
import { buildTestApp } from './app-fixture.ts';
import { describeFindings, synthNagReport } from './nag-report.ts';

/**
 * The route table has no portal routes yet. These stand-ins (reusing an existing handler file, which
 * is all the stack needs without bundling) pin down how session and public routes will be deployed.
 */
const portalRoutes: Route[] = [
  { ...routes.getAccount, path: '/portal/me', auth: 'session' },
  {
    ...routes.patchAccount,
    method: 'POST',
    path: '/portal/login-links',
    auth: 'public',
    access: { table: 'readWrite', email: true },
  },
];

let stacks: PortalStacks;
let report: ReturnType<typeof synthNagReport>;

beforeAll(() => {
  const built = buildTestApp({ routes: [routes.getOrganization, ...portalRoutes], nag: true });
  stacks = built.stacks;
  report = synthNagReport(built.app);
});

describe('portal routes', () => {
  it('live in their own stack, beside the /crm one', () => {
    expect(Object.keys(stacks.routes).sort()).toEqual(['CrmRoutes', 'PortalRoutes']);
  });

  it('have no API Gateway authorizer: the session middleware in each function checks them', () => {
    const template = Template.fromStack(stacks.routes.PortalRoutes!);
    for (const route of portalRoutes) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
        AuthorizationType: 'NONE',
      });
    }
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
    const authorizerIds = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => (r as { Properties: { AuthorizerId?: unknown } }).Properties.AuthorizerId,
    );
    expect(authorizerIds.every((id) => id === undefined)).toBe(true);
  });

  it('pass cdk-nag, APIG4 acknowledged per route with its reason', () => {
    expect(describeFindings(report)).toEqual([]);
    const apig4 = (report.suppressedViolations ?? []).filter((v) => v.ruleName === 'AwsSolutions-APIG4');
    const paths = apig4.flatMap((v) => v.violatingConstructs.map((c) => c.constructPath));
    expect(paths).toHaveLength(portalRoutes.length);
    expect(paths.every((p) => p.includes('/PortalRoutes') || p.includes('-PortalRoutes/'))).toBe(true);
  });
});
