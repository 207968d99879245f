import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { cognitoAuthConfig } from '../../lib/auth-config.ts';
import type { PortalStacks } from '../../lib/portal-app.ts';
import { contentSecurityPolicyFor, securityHeaders } from '../../shared/http/security-headers.ts';
import { buildTestApp, type CfnResource, resourcesOf } from './app-fixture.ts';

const portalBaseUrl = 'https://portal.agency.test';
let stacks: PortalStacks;
let api: Template;
let client: CfnResource;

const only = (template: Template, type: string): [string, CfnResource] => {
  const entries = Object.entries(resourcesOf(template, type));
  expect(entries).toHaveLength(1);
  return entries[0]!;
};

beforeAll(() => {
  ({ stacks } = buildTestApp(
    {},
    { portalBaseUrl, emailFrom: 'portal@mail.agency.test', emailDomain: 'agency.test' },
  ));
  api = Template.fromStack(stacks.api);
  [, client] = only(api, 'AWS::Cognito::UserPoolClient');
});

describe("the recruiter console's app client", () => {
  it('allows the authorization code grant only, with the openid, email and profile scopes', () => {
    expect(client.Properties).toMatchObject({
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
    });
  });

  it('is a public client (PKCE, no secret) without a direct sign-in API that would skip managed login', () => {
    expect(client.Properties?.GenerateSecret).toBe(false);
    expect(client.Properties?.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
  });

  it('sends the browser back only to the configured portal origin', () => {
    expect(client.Properties).toMatchObject({
      CallbackURLs: [`${portalBaseUrl}/recruiter/callback`],
      LogoutURLs: [`${portalBaseUrl}/recruiter`],
    });
  });

  it('issues 5-minute ID and access tokens, so a disabled recruiter is out within minutes', () => {
    expect(client.Properties).toMatchObject({
      IdTokenValidity: 5,
      AccessTokenValidity: 5,
      RefreshTokenValidity: 12 * 60,
      TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'minutes' },
    });
  });

  it('revokes refresh tokens on sign-out and does not reveal whether a user exists', () => {
    expect(client.Properties).toMatchObject({
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it("puts the recruiter's name into the ID token and keeps the tenant and role read-only", () => {
    expect(client.Properties?.ReadAttributes).toEqual(
      expect.arrayContaining(['given_name', 'family_name', 'custom:accountId', 'custom:role']),
    );
    expect(client.Properties?.WriteAttributes).toEqual(['family_name', 'given_name']);
  });
});

describe('the user pool', () => {
  it('requires TOTP MFA and offers no SMS', () => {
    api.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
    // Enough time on the managed login pages to enrol an authenticator app at the first sign-in.
    expect(client.Properties?.AuthSessionValidity).toBe(10);
  });

  it("sends its own e-mails through the Email stack's SES identity and configuration set", () => {
    const [, pool] = only(api, 'AWS::Cognito::UserPool');
    const email = pool.Properties?.EmailConfiguration as Record<string, unknown>;
    expect(email).toMatchObject({ EmailSendingAccount: 'DEVELOPER', From: 'portal@mail.agency.test' });
    // The sender is on a subdomain of the verified domain: the source is the domain identity (its ARN
    // built from the domain, no export of the Email stack), not an identity of the address, which does not exist.
    const sourceArn = JSON.stringify(email.SourceArn);
    expect(sourceArn).toMatch(/":ses:".*":identity\/agency\.test"/);
    expect(sourceArn).not.toContain('Fn::ImportValue');
    expect(sourceArn).not.toContain('portal@');
    Template.fromStack(stacks.email).hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'agency.test',
    });
    expect(email.ConfigurationSet).toBe('client-portal-dev');
  });

  it("falls back to Cognito's own sender only when the configuration says so", () => {
    const { stacks: cognitoMail } = buildTestApp({}, { recruiterPoolEmail: 'cognito' });
    Template.fromStack(cognitoMail.api).hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
    });
  });

  it('tells a new recruiter where the console is', () => {
    api.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: {
        AllowAdminCreateUserOnly: true,
        InviteMessageTemplate: {
          EmailMessage: Match.stringLikeRegexp(`${portalBaseUrl}/recruiter .*\\{username\\}.*\\{####\\}`),
        },
      },
    });
  });
});

describe('managed login', () => {
  it('has a Cognito prefix domain with the newer managed login pages', () => {
    const [, domain] = only(api, 'AWS::Cognito::UserPoolDomain');
    expect(domain.Properties).toMatchObject({ ManagedLoginVersion: 2 });
    expect(JSON.stringify(domain.Properties?.Domain)).toContain('client-portal-dev-');
  });

  it("gives the console's client a style, without which managed login shows no page", () => {
    const [clientId] = only(api, 'AWS::Cognito::UserPoolClient');
    api.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      ClientId: { Ref: clientId },
      UseCognitoProvidedValues: true,
    });
  });

  it('takes a chosen domain prefix from the configuration', () => {
    const { stacks: named } = buildTestApp({}, { authDomainPrefix: 'acme-recruiters' });
    Template.fromStack(named.api).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'acme-recruiters',
    });
    expect(() => buildTestApp({}, { authDomainPrefix: 'my-cognito-login' })).toThrow(/authDomainPrefix/);
  });

  it('outputs the sign-in domain and the client id', () => {
    const outputs = api.toJSON().Outputs as Record<string, { Value: unknown }>;
    const [domainId] = only(api, 'AWS::Cognito::UserPoolDomain');
    expect(JSON.stringify(outputs.RecruiterSignInDomain?.Value)).toContain(`{"Ref":"${domainId}"},".auth."`);
    expect(outputs.UserPoolClientId?.Value).toEqual({ Ref: only(api, 'AWS::Cognito::UserPoolClient')[0] });
  });
});

describe('without a configured portalBaseUrl', () => {
  // The portal is then the distribution's own address, and the Web stack depends on this one: the
  // client cannot name it without a cycle, so the console offers no sign-in until it is configured.
  it('gives the client no OAuth flow and the console no sign-in configuration', () => {
    const { stacks: unnamed } = buildTestApp();
    expect(unnamed.config.portalBaseUrl).toBeUndefined();
    const template = Template.fromStack(unnamed.api);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlowsUserPoolClient: false,
      CallbackURLs: Match.absent(),
      AllowedOAuthFlows: Match.absent(),
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    });
    expect(unnamed.api.recruiterAuth).toBeUndefined();
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: {
        InviteMessageTemplate: { EmailMessage: Match.stringLikeRegexp('recruiter console with') },
      },
    });
  });
});

describe('/auth-config.json', () => {
  it('names the domain, the client and the same URLs the client allows', () => {
    expect(stacks.api.recruiterAuth?.portalBaseUrl).toBe(portalBaseUrl);
    const config = cognitoAuthConfig(stacks.api.recruiterAuth!);
    expect(config).toMatchObject({
      mode: 'cognito',
      redirectUri: client.Properties?.CallbackURLs[0],
      logoutUri: client.Properties?.LogoutURLs[0],
    });
    expect(stacks.api.resolve(config.clientId)).toEqual({
      Ref: only(api, 'AWS::Cognito::UserPoolClient')[0],
    });
    expect(stacks.api.resolve(config.domain)).toEqual(
      (api.toJSON().Outputs as Record<string, { Value: unknown }>).RecruiterSignInDomain?.Value,
    );
  });

  it('is the document the console reads, with literal values', () => {
    expect(
      cognitoAuthConfig({
        domainUrl: 'https://acme.auth.eu-west-1.amazoncognito.com/',
        clientId: 'abc123',
        portalBaseUrl: 'https://portal.acme.test',
      }),
    ).toEqual({
      mode: 'cognito',
      domain: 'https://acme.auth.eu-west-1.amazoncognito.com',
      clientId: 'abc123',
      redirectUri: 'https://portal.acme.test/recruiter/callback',
      logoutUri: 'https://portal.acme.test/recruiter',
    });
  });
});

describe("the console's sign-in settings in the site", () => {
  const pagesDeployment = (template: Template) =>
    Object.values(resourcesOf(template, 'Custom::CDKBucketDeployment')).find(
      (r) => r.Properties?.Prune === true,
    );

  it('the Web stack deploys /auth-config.json beside the pages when recruiters can sign in', () => {
    const pages = pagesDeployment(Template.fromStack(stacks.web));
    expect(pages?.Properties?.SourceObjectKeys).toHaveLength(2);
  });

  it('without a configured portalBaseUrl there is no sign-in to offer, so no /auth-config.json', () => {
    const { stacks: bare } = buildTestApp({}, {});
    expect(bare.api.recruiterAuth).toBeUndefined();
    expect(pagesDeployment(Template.fromStack(bare.web))?.Properties?.SourceObjectKeys).toHaveLength(1);
  });
});

/** The CSP of the Web stack's response headers policy, tokens written as `<Ref:…>` / `<Import:…>`. */
function cspOf(template: Template): string {
  const [, policy] = only(template, 'AWS::CloudFront::ResponseHeadersPolicy');
  const csp: unknown =
    policy.Properties?.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy
      .ContentSecurityPolicy;
  if (typeof csp === 'string') return csp;
  const [separator, parts] = (csp as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const p = part as { Ref?: string; 'Fn::ImportValue'?: string };
      if (p.Ref) return `<Ref:${p.Ref}>`;
      if (p['Fn::ImportValue']) return `<Import:${p['Fn::ImportValue']}>`;
      throw new Error(`Unexpected CSP part ${JSON.stringify(part)}`);
    })
    .join(separator);
}

const connectSrc = (csp: string) => csp.split('; ').filter((d) => d.startsWith('connect-src'));

describe("the site's CSP and the sign-in domain", () => {
  it('names exactly the managed-login domain in connect-src, so the console can reach /oauth2/token and /oauth2/revoke', () => {
    const web = Template.fromStack(stacks.web);
    const csp = cspOf(web);
    const directives = connectSrc(csp);
    expect(directives).toHaveLength(1);
    const match =
      /^connect-src 'self' https:\/\/<Import:([^>]+)>\.auth\.<Ref:AWS::Region>\.amazoncognito\.com$/.exec(
        directives[0]!,
      );
    expect(match, directives[0]).not.toBeNull();
    expect(csp).not.toContain('*');
    // The import is the Api stack's user pool domain, the same one /auth-config.json names.
    const [domainId] = only(api, 'AWS::Cognito::UserPoolDomain');
    const exported = Object.values(
      api.toJSON().Outputs as Record<string, { Value: unknown; Export?: { Name: string } }>,
    ).find((o) => o.Export?.Name === match![1]);
    expect(exported?.Value).toEqual({ Ref: domainId });
    const pages = Object.values(resourcesOf(web, 'Custom::CDKBucketDeployment')).find(
      (r) => r.Properties?.Prune === true,
    );
    expect(JSON.stringify(pages?.Properties?.SourceMarkers)).toContain(`{"Fn::ImportValue":"${match![1]}"}`);
    // Everything but connect-src is the default policy, directive by directive.
    expect(csp).toBe(
      contentSecurityPolicyFor({
        connectOrigins: [`https://<Import:${match![1]}>.auth.<Ref:AWS::Region>.amazoncognito.com`],
      }),
    );
  });

  it("stays 'self' only without a configured portalBaseUrl (no sign-in, nothing else to reach)", () => {
    const { stacks: bare } = buildTestApp({}, {});
    const csp = cspOf(Template.fromStack(bare.web));
    expect(csp).toBe(securityHeaders['content-security-policy']);
    expect(connectSrc(csp)).toEqual(["connect-src 'self'"]);
  });
});
