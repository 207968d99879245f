import { securityHeadersFor } from '../shared/http/security-headers.ts';

/**
 * Where the recruiter console sends a browser after Cognito's managed login, and the document the
 * console reads at `/auth-config.json` to find its sign-in domain. The app client's callback and
 * logout URLs and this document are built from the same two paths, so they cannot drift apart.
 */
export const recruiterPaths = {
  /** The console's landing page for `?code=…&state=…` from the authorization endpoint. */
  callback: '/recruiter/callback',
  /** Where Cognito's /logout sends the browser once the managed login session is gone. */
  signedOut: '/recruiter',
} as const;

/** `/auth-config.json` in AWS (locally the console signs in through the local token issuer instead). */
export interface CognitoAuthConfig {
  mode: 'cognito';
  /** The user pool domain, `https://<prefix>.auth.<region>.amazoncognito.com`, no trailing slash. */
  domain: string;
  /** The console's public app client (no secret: the browser proves itself with PKCE). */
  clientId: string;
  redirectUri: string;
  logoutUri: string;
}

export interface CognitoAuthInputs {
  /** `UserPoolDomain.baseUrl()`: a token until deploy time, which a bucket deployment resolves. */
  domainUrl: string;
  clientId: string;
  /** The configuration's `portalBaseUrl` (https, no trailing slash). */
  portalBaseUrl: string;
}

export const recruiterCallbackUrl = (portalBaseUrl: string) => `${portalBaseUrl}${recruiterPaths.callback}`;
export const recruiterSignedOutUrl = (portalBaseUrl: string) => `${portalBaseUrl}${recruiterPaths.signedOut}`;

/**
 * The JSON the web app reads at `/auth-config.json`. Pure: the values may be CloudFormation tokens,
 * e.g. for `Source.jsonData('auth-config.json', cognitoAuthConfig({ ...stacks.api.recruiterAuth,
 * portalBaseUrl: stacks.config.portalBaseUrl }))` in the web stack's bucket deployment.
 */
export function cognitoAuthConfig({
  domainUrl,
  clientId,
  portalBaseUrl,
}: CognitoAuthInputs): CognitoAuthConfig {
  return {
    mode: 'cognito',
    domain: domainUrl.replace(/\/+$/, ''),
    clientId,
    redirectUri: recruiterCallbackUrl(portalBaseUrl),
    logoutUri: recruiterSignedOutUrl(portalBaseUrl),
  };
}

/**
 * The security headers of a site whose console signs in with this configuration: the console
 * fetches the domain's /oauth2/token and /oauth2/revoke itself, so its CSP names that one origin
 * in `connect-src` (the managed login pages are navigations, which `connect-src` does not govern).
 * Without a configuration, the default headers (`connect-src 'self'`). CloudFront's response
 * headers policy (lib/stacks/web-stack.ts) and the local stack's Cognito-mode site
 * (local/stack.ts) both take their headers from here.
 */
export const siteSecurityHeaders = (config?: Pick<CognitoAuthConfig, 'domain'>) =>
  securityHeadersFor({ connectOrigins: config ? [config.domain] : [] });
