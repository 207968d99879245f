import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Route, routeKey, routeList } from '../../shared/api/routes.ts';
import type { PortalStacks } from '../../lib/portal-app.ts';
import { buildTestApp, resourcesOf, routeTemplate, wiringOf } from './app-fixture.ts';

let stacks: PortalStacks;
let api: Template;

beforeAll(() => {
  ({ stacks } = buildTestApp());
  api = Template.fromStack(stacks.api);
});

/** The ApiStack export that an `Fn::ImportValue` in a route stack reads. */
function exportedValue(importValue: { 'Fn::ImportValue': string }) {
  const outputs = api.toJSON().Outputs as Record<string, { Value: unknown; Export?: { Name: string } }>;
  const output = Object.values(outputs).find((o) => o.Export?.Name === importValue['Fn::ImportValue']);
  if (!output) throw new Error(`No export ${importValue['Fn::ImportValue']} in the API stack`);
  return output.Value;
}

describe('HTTP API routes, one per route table entry', () => {
  it.each(routeList.map((r) => [routeKey(r), r] as [string, Route]))('%s', (_key, route) => {
    const template = routeTemplate(stacks, route);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey(route) });

    const { route: httpRoute, integration, fn } = wiringOf(template, route);
    expect(integration.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
    // The function is the route's own: its description names the route and the handler file.
    expect(fn.Properties!.Description).toBe(`${routeKey(route)} (functions/${route.id}.ts)`);

    if (route.auth === 'jwt') {
      expect(httpRoute.Properties!.AuthorizationType).toBe('JWT');
      const authorizerRef = exportedValue(httpRoute.Properties!.AuthorizerId) as { Ref: string };
      const authorizer = resourcesOf(api, 'AWS::ApiGatewayV2::Authorizer')[authorizerRef.Ref];
      expect(authorizer?.Properties?.AuthorizerType).toBe('JWT');
    } else {
      expect(httpRoute.Properties!.AuthorizationType).toBe('NONE');
      expect(httpRoute.Properties!.AuthorizerId).toBeUndefined();
    }
  });

  it('gives every route its own function', () => {
    const functionIds = routeList.map(
      (r) => `${r.path.split('/')[1]}:${wiringOf(routeTemplate(stacks, r), r).functionId}`,
    );
    expect(new Set(functionIds).size).toBe(routeList.length);
    const routeCount = Object.values(stacks.routes)
      .map((s) => Object.keys(resourcesOf(Template.fromStack(s), 'AWS::ApiGatewayV2::Route')).length)
      .reduce((a, b) => a + b, 0);
    expect(routeCount).toBe(routeList.length);
  });

  it('checks /crm tokens against the Cognito pool: issuer and audience', () => {
    const [poolId] = Object.keys(resourcesOf(api, 'AWS::Cognito::UserPool'));
    const [clientId] = Object.keys(resourcesOf(api, 'AWS::Cognito::UserPoolClient'));
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: clientId }],
        Issuer: {
          'Fn::Join': [
            '',
            ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: poolId }],
          ],
        },
      },
    });
  });

  it('never answers CORS preflights (one origin)', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.absent(),
    });
  });
});
