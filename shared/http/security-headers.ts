/**
 * The security headers of every answer the portal's origin gives — pages, assets and API alike.
 * One definition: CloudFront's response headers policy is built from it (lib/), and the local
 * server sends exactly these on every answer, its own gateway errors included.
 *
 * The only thing a deployment may vary is `connect-src`: the recruiter console calls the sign-in
 * domain's /oauth2/token and /oauth2/revoke from the page (authorization code with PKCE), so a
 * deployment with Cognito sign-in names that one origin there. Without it, `'self'` only.
 */
export interface SecurityHeadersOptions {
  /**
   * Origins besides this one that the pages may fetch from: the managed-login domain,
   * `https://<prefix>.auth.<region>.amazoncognito.com` or a custom domain. Exact origins only —
   * scheme and host (and port), no path, no wildcard; plain http only for this machine's loopback.
   * A CloudFormation token for the host (`https://${Token[…]}.auth.…`) passes as it is.
   */
  connectOrigins?: readonly string[];
}

const httpsOrigin = /^https:\/\/[^\s;,'"*/\\?#]+$/;
const loopbackOrigin = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** Throws unless the value is one origin a CSP source list may hold as it is. */
export function assertConnectOrigin(origin: string): string {
  if (!httpsOrigin.test(origin) && !loopbackOrigin.test(origin))
    throw new Error(
      `connect-src takes exact origins (https://host, or http:// on loopback), no path or wildcard: ${origin}`,
    );
  return origin;
}

export function contentSecurityPolicyFor(options: SecurityHeadersOptions = {}): string {
  const connect = [...new Set((options.connectOrigins ?? []).map(assertConnectOrigin))];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The default policy: no origin but this one. */
export const contentSecurityPolicy = contentSecurityPolicyFor();

/** HSTS: two years, subdomains included (browsers ignore it over plain http, as locally). */
export const strictTransportSecurity = { maxAgeSeconds: 63_072_000, includeSubdomains: true } as const;

export function securityHeadersFor(options: SecurityHeadersOptions = {}) {
  return {
    'content-security-policy': contentSecurityPolicyFor(options),
    'strict-transport-security': `max-age=${strictTransportSecurity.maxAgeSeconds}; includeSubDomains`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  } as const;
}

/** The headers of an origin without a sign-in domain (the local stack's own, and AWS without Cognito). */
export const securityHeaders = securityHeadersFor();
