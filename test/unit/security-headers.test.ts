import { describe, expect, it } from 'vitest';
import { siteSecurityHeaders } from '../../lib/auth-config.ts';
import {
  contentSecurityPolicy,
  contentSecurityPolicyFor,
  securityHeaders,
  securityHeadersFor,
} from '../../shared/http/security-headers.ts';

const directives = (csp: string) => csp.split('; ');
const cognito = 'https://acme.auth.eu-west-1.amazoncognito.com';

describe('the CSP and the sign-in origin', () => {
  it("fetches nothing but this origin by default: connect-src 'self'", () => {
    expect(contentSecurityPolicyFor()).toBe(contentSecurityPolicy);
    expect(securityHeadersFor()).toEqual(securityHeaders);
    expect(directives(contentSecurityPolicy)).toContain("connect-src 'self'");
    expect(siteSecurityHeaders()).toEqual(securityHeaders);
  });

  it('adds the sign-in origin to connect-src only, every other directive and header unchanged', () => {
    const headers = siteSecurityHeaders({ domain: cognito });
    const csp = headers['content-security-policy'];
    expect(directives(csp)).toEqual(
      directives(contentSecurityPolicy).map((d) =>
        d === "connect-src 'self'" ? `connect-src 'self' ${cognito}` : d,
      ),
    );
    expect({ ...headers, 'content-security-policy': contentSecurityPolicy }).toEqual(securityHeaders);
    expect(contentSecurityPolicyFor({ connectOrigins: [cognito, cognito] })).toBe(csp);
  });

  it('takes a custom domain and a CloudFormation token for the host as they are', () => {
    expect(contentSecurityPolicyFor({ connectOrigins: ['https://login.agency.com'] })).toContain(
      "connect-src 'self' https://login.agency.com;",
    );
    const token = 'https://${Token[TOKEN.620]}.auth.${Token[AWS.Region.12]}.amazoncognito.com';
    expect(contentSecurityPolicyFor({ connectOrigins: [token] })).toContain(`connect-src 'self' ${token};`);
  });

  it('allows plain http for a stand-in on this machine only', () => {
    expect(contentSecurityPolicyFor({ connectOrigins: ['http://127.0.0.1:4567'] })).toContain(
      "connect-src 'self' http://127.0.0.1:4567;",
    );
    expect(() =>
      contentSecurityPolicyFor({ connectOrigins: ['http://acme.auth.eu-west-1.amazoncognito.com'] }),
    ).toThrow(/exact origins/);
  });

  it('refuses wildcards, paths and anything that would add a source or a directive', () => {
    for (const origin of [
      '*',
      'https://*.amazoncognito.com',
      'https:',
      `${cognito}/`,
      `${cognito}/oauth2/token`,
      `${cognito}?x`,
      `${cognito} https://evil.test`,
      `${cognito}; script-src *`,
      `'unsafe-inline'`,
      'acme.auth.eu-west-1.amazoncognito.com',
      '',
    ])
      expect(() => contentSecurityPolicyFor({ connectOrigins: [origin] }), origin).toThrow(/exact origins/);
  });
});
