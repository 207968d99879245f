import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, resourcesOf } from './app-fixture.ts';

let api: Template;

beforeAll(() => {
  api = Template.fromStack(buildTestApp().stacks.api);
});

describe('the $default stage', () => {
  it('logs the route key, never the raw path (paths carry tokens)', () => {
    const [stage] = Object.values(resourcesOf(api, 'AWS::ApiGatewayV2::Stage'));
    expect(stage?.Properties).toMatchObject({ StageName: '$default', AutoDeploy: true });
    const format = stage!.Properties!.AccessLogSettings.Format as string;
    for (const field of [
      '$context.routeKey',
      '$context.requestId',
      '$context.status',
      '$context.identity.sourceIp',
    ]) {
      expect(format).toContain(field);
    }
    expect(format).toContain('$context.responseLatency');
    expect(format).not.toContain('$context.path');
    expect(() => JSON.parse(format)).not.toThrow();
  });

  it('writes access logs to a log group with a retention', () => {
    const [stage] = Object.values(resourcesOf(api, 'AWS::ApiGatewayV2::Stage'));
    const logGroupId = stage!.Properties!.AccessLogSettings.DestinationArn['Fn::GetAtt'][0] as string;
    expect(resourcesOf(api, 'AWS::Logs::LogGroup')[logGroupId]?.Properties?.RetentionInDays).toBeGreaterThan(
      0,
    );
  });

  it('throttles by default', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });
});

describe('the recruiters user pool', () => {
  it('signs in by e-mail and holds the tenant and role as custom attributes', () => {
    api.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'accountId', AttributeDataType: 'String', Mutable: false }),
        Match.objectLike({ Name: 'role', AttributeDataType: 'String' }),
      ]),
    });
  });

  it('gives the app client read but not write access to custom:accountId and custom:role', () => {
    const [client] = Object.values(resourcesOf(api, 'AWS::Cognito::UserPoolClient'));
    const { WriteAttributes: write, ReadAttributes: read } = client!.Properties as Record<string, string[]>;
    // WriteAttributes must be explicit: when absent, Cognito lets the client write every attribute.
    expect(write).toBeDefined();
    expect(write).not.toContain('custom:accountId');
    expect(write).not.toContain('custom:role');
    expect(read).toEqual(expect.arrayContaining(['custom:accountId', 'custom:role', 'email']));
  });
});
