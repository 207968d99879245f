import { Duration } from 'aws-cdk-lib';
import {
  HeadersFrameOption,
  HeadersReferrerPolicy,
  type ResponseCustomHeader,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { securityHeaders } from '../../shared/http/security-headers.ts';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function strictTransportSecurity(value: string): ResponseSecurityHeadersBehavior['strictTransportSecurity'] {
  const parts = value.split(';').map((p) => p.trim().toLowerCase());
  const maxAge = /^max-age=(\d+)$/.exec(parts[0] ?? '')?.[1];
  if (maxAge === undefined) throw new Error(`strict-transport-security without max-age: ${value}`);
  return {
    accessControlMaxAge: Duration.seconds(Number(maxAge)),
    includeSubdomains: parts.includes('includesubdomains'),
    preload: parts.includes('preload'),
    override: true,
  };
}

/**
 * CloudFront's form of a set of response headers: those CloudFront knows as security headers go
 * into its security settings, any other one becomes a custom header. Each overrides what an
 * origin sends, so pages from S3 and answers from the API carry exactly the same values.
 */
export function responseHeadersBehaviour(headers: Readonly<Record<string, string>>) {
  const security: Writable<ResponseSecurityHeadersBehavior> = {};
  const custom: ResponseCustomHeader[] = [];
  for (const [name, value] of Object.entries(headers)) {
    switch (name.toLowerCase()) {
      case 'content-security-policy':
        security.contentSecurityPolicy = { contentSecurityPolicy: value, override: true };
        break;
      case 'strict-transport-security':
        security.strictTransportSecurity = strictTransportSecurity(value);
        break;
      case 'x-content-type-options':
        if (value !== 'nosniff') throw new Error(`x-content-type-options can only be nosniff: ${value}`);
        security.contentTypeOptions = { override: true };
        break;
      case 'x-frame-options': {
        const frameOption = HeadersFrameOption[value.toUpperCase() as keyof typeof HeadersFrameOption];
        if (!frameOption) throw new Error(`x-frame-options is DENY or SAMEORIGIN: ${value}`);
        security.frameOptions = { frameOption, override: true };
        break;
      }
      case 'referrer-policy': {
        const referrerPolicy = Object.values(HeadersReferrerPolicy).find((p) => p === value);
        if (!referrerPolicy) throw new Error(`Unknown referrer-policy: ${value}`);
        security.referrerPolicy = { referrerPolicy, override: true };
        break;
      }
      default:
        custom.push({ header: name, value, override: true });
    }
  }
  return {
    securityHeadersBehavior: security,
    ...(custom.length > 0 ? { customHeadersBehavior: { customHeaders: custom } } : {}),
  };
}

/**
 * The response headers policy of every behaviour, built from shared/http/security-headers.ts: the
 * default headers, or those of a site whose console signs in with Cognito (lib/auth-config.ts
 * `siteSecurityHeaders`, which names the sign-in domain in `connect-src`).
 */
export const securityHeadersPolicy = (
  scope: Construct,
  id: string,
  headers: Readonly<Record<string, string>> = securityHeaders,
) =>
  new ResponseHeadersPolicy(scope, id, {
    comment: 'Client Portal security headers (shared/http/security-headers.ts)',
    ...responseHeadersBehaviour(headers),
  });
