import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { securityHeaders } from './security-headers.ts';

/**
 * Headers on every API answer. No CORS headers: the web app and the API share one origin. The two
 * security headers that matter to a JSON answer come from the one definition; CloudFront's
 * response headers policy adds (and overrides with) the whole set.
 */
export const baseHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': securityHeaders['referrer-policy'],
  'x-content-type-options': securityHeaders['x-content-type-options'],
} as const;

/** What a route function returns; status defaults to the route's success status. */
export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  cookies?: string[];
}

export function toResult(reply: Reply, defaultStatus: number): APIGatewayProxyStructuredResultV2 {
  const statusCode = reply.status ?? defaultStatus;
  const hasBody = statusCode !== 204 && reply.body !== undefined;
  return {
    statusCode,
    headers: { ...baseHeaders, ...reply.headers },
    ...(reply.cookies ? { cookies: reply.cookies } : {}),
    ...(hasBody ? { body: JSON.stringify(reply.body) } : {}),
  };
}
