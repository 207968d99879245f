import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAppConfig } from '../../lib/config.ts';
import { assertDeployable, isPlaceholderDomain } from '../../lib/deploy-guard.ts';
import type { PortalStacks } from '../../lib/portal-app.ts';
import { rateLimits, webAclParameterName } from '../../lib/stacks/waf-stack.ts';
import { routeList } from '../../shared/api/routes.ts';
import { envNames } from '../../shared/config/env.ts';
import { appFunctionsOf, buildTestApp, resourcesOf, statementsOf } from './app-fixture.ts';

const account = { account: '123456789012', region: 'eu-west-1' };
const agency = { emailFrom: 'portal@mail.agency.com' };

type Outputs = Record<string, { Value: unknown; Export?: { Name: string } }>;

/** Every export of every stack: name → value, as CloudFormation would hold them. */
function exportsOf(app: App): Record<string, string> {
  const all: Record<string, string> = {};
  for (const stack of app.node.children.filter(Stack.isStack)) {
    const outputs = (Template.fromStack(stack).toJSON().Outputs ?? {}) as Outputs;
    for (const output of Object.values(outputs))
      if (output.Export) all[output.Export.Name] = JSON.stringify(output.Value);
  }
  return all;
}

/** Every export name some stack imports, with the importing stack. */
function importsOf(app: App): { stack: string; name: string }[] {
  return app.node.children.filter(Stack.isStack).flatMap((stack) => {
    const json = JSON.stringify(Template.fromStack(stack).toJSON());
    return [...json.matchAll(/"Fn::ImportValue":"([^"]+)"/g)].map((m) => ({
      stack: stack.stackName,
      name: m[1]!,
    }));
  });
}

describe('deploying with the placeholder example.com settings', () => {
  it('is refused at synth for a real account, with what to pass instead', () => {
    expect(() => buildTestApp({ env: account })).toThrow(
      /Refusing to synthesize for AWS account 123456789012: the sender "no-reply@example\.com".*placeholder[\s\S]*-c emailFrom=[\s\S]*docs\/deploy\.md/,
    );
  });

  it('is refused for every reserved domain, and not for a real one', () => {
    for (const domain of ['example.com', 'mail.example.org', 'agency.test', 'portal.invalid', 'localhost'])
      expect(isPlaceholderDomain(domain), domain).toBe(true);
    for (const domain of ['agency.com', 'mail.agency.co.uk', 'example-agency.com'])
      expect(isPlaceholderDomain(domain), domain).toBe(false);
  });

  it('still synthesizes offline (no account) and with the explicit allowPlaceholderEmail flag', () => {
    const config = (context: Record<string, unknown>) => readAppConfig(new App({ context }).node);
    expect(() => assertDeployable(config({}), undefined)).not.toThrow();
    expect(() => assertDeployable(config({ allowPlaceholderEmail: 'true' }), account)).not.toThrow();
    expect(() => assertDeployable(config(agency), account)).not.toThrow();
    expect(() => assertDeployable(config({ allowPlaceholderEmail: 'maybe' }), account)).toThrow(
      /allowPlaceholderEmail" must be true or false/,
    );
  });
});

describe('an SES domain identity that already exists', () => {
  let stacks: PortalStacks;
  beforeAll(() => {
    ({ stacks } = buildTestApp({}, { ...agency, emailDomain: 'agency.com', existingEmailIdentity: 'true' }));
  });

  it('is used, not created: the Email stack keeps only its configuration set', () => {
    const email = Template.fromStack(stacks.email);
    email.resourceCountIs('AWS::SES::EmailIdentity', 0);
    email.hasResourceProperties('AWS::SES::ConfigurationSet', { Name: 'client-portal-dev' });
    email.hasOutput('ExistingDomainIdentity', { Value: 'agency.com' });
  });

  it("is what the e-mail functions may send through (by the domain's identity ARN)", () => {
    const pipeline = Template.fromStack(stacks.pipeline);
    const sender = appFunctionsOf(stacks).find((f) => f.handlerId === 'events/send-login-links');
    expect(sender).toBeDefined();
    const sends = statementsOf(pipeline, sender!.fn).filter((s) => s.Action === 'ses:SendEmail');
    expect(JSON.stringify(sends)).toMatch(/:ses:.*:identity\/agency\.com"/);
    expect(sender!.variables[envNames.sesConfigurationSet]).toBe('client-portal-dev');
  });
});

describe('the web ACL on the CloudFront distribution', () => {
  let stacks: PortalStacks;
  let waf: Template;
  beforeAll(() => {
    ({ stacks } = buildTestApp());
    waf = Template.fromStack(stacks.waf);
  });

  it('is a CLOUDFRONT web ACL in its own stack in us-east-1, whatever region the app is in', () => {
    expect(stacks.waf.region).toBe('us-east-1');
    waf.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
  });

  it("runs AWS's common rule set and known bad inputs", () => {
    const [acl] = Object.values(resourcesOf(waf, 'AWS::WAFv2::WebACL'));
    const groups = (
      acl!.Properties!.Rules as { Statement: { ManagedRuleGroupStatement?: { Name: string } } }[]
    )
      .map((r) => r.Statement.ManagedRuleGroupStatement?.Name)
      .filter(Boolean);
    expect(groups.sort()).toEqual(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']);
  });

  it('blocks an IP over its rate, with a tighter rate on the public /portal/* routes', () => {
    waf.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'PortalRatePerIp',
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: {
              Limit: rateLimits.portalPerIp,
              AggregateKeyType: 'IP',
              ScopeDownStatement: {
                ByteMatchStatement: Match.objectLike({
                  FieldToMatch: { UriPath: {} },
                  PositionalConstraint: 'STARTS_WITH',
                  SearchString: '/portal/',
                }),
              },
            },
          },
        }),
        Match.objectLike({
          Name: 'RatePerIp',
          Action: { Block: {} },
          Statement: { RateBasedStatement: { Limit: rateLimits.perIp, AggregateKeyType: 'IP' } },
        }),
      ]),
    });
    expect(rateLimits.portalPerIp).toBeLessThan(rateLimits.perIp);
  });

  it("is associated with the distribution through its ARN's parameter, read in us-east-1", () => {
    const [[aclId]] = [Object.keys(resourcesOf(waf, 'AWS::WAFv2::WebACL'))];
    waf.hasResourceProperties('AWS::SSM::Parameter', {
      Name: webAclParameterName('dev'),
      Value: { 'Fn::GetAtt': [aclId, 'Arn'] },
    });
    const web = Template.fromStack(stacks.web);
    const [distribution] = Object.values(resourcesOf(web, 'AWS::CloudFront::Distribution'));
    const webAclId = distribution!.Properties!.DistributionConfig.WebACLId as { 'Fn::GetAtt': string[] };
    expect(webAclId['Fn::GetAtt'][1]).toBe('Parameter.Value');
    const reader = web.toJSON().Resources[webAclId['Fn::GetAtt'][0]!];
    expect(JSON.parse(reader.Properties.Create as string)).toMatchObject({
      service: 'SSM',
      action: 'getParameter',
      region: 'us-east-1',
      parameters: { Name: webAclParameterName('dev') },
    });
    // Deployed after the WAF stack, with nothing referenced across the regions.
    expect(stacks.web.dependencies).toContain(stacks.waf);
    expect(JSON.stringify(web.toJSON())).not.toContain(stacks.waf.stackName);
  });
});

describe('a later deploy that changes emailDomain or the route set', () => {
  let base: App;
  let baseStacks: PortalStacks;
  beforeAll(() => {
    ({ app: base, stacks: baseStacks } = buildTestApp({}, { ...agency, emailDomain: 'agency.com' }));
  });

  it('imports nothing from the Email stack: the e-mail settings are plain values', () => {
    expect(importsOf(base).filter((i) => i.name.startsWith(baseStacks.email.stackName))).toEqual([]);
    expect(Object.keys(exportsOf(base)).filter((n) => n.startsWith(baseStacks.email.stackName))).toEqual([]);
  });

  it('meets no export whose value changes with emailDomain', () => {
    const { app: moved } = buildTestApp({}, { emailFrom: 'portal@other.agency.net' });
    expect(exportsOf(moved)).toEqual(exportsOf(base));
  });

  it('keeps every export when routes are removed (none disappears while an old route stack uses it)', () => {
    // One route per group, neither of which reads the cursor or login-code secrets.
    const few = routeList.filter((r) => r.id === 'crm/get-account' || r.id === 'portal/get-invitation');
    expect(few).toHaveLength(2);
    const { app: fewer } = buildTestApp({ routes: few }, { ...agency, emailDomain: 'agency.com' });
    const before = exportsOf(base);
    const after = exportsOf(fewer);
    // The route stacks export nothing; the authorizer exists while a /crm route binds it (lib/shared-exports.ts).
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after).toEqual(before);
    // And every import of the smaller app is one of those exports.
    for (const { name } of importsOf(fewer)) expect(Object.keys(after)).toContain(name);
  });
});
