import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** Headers on every API answer. No CORS headers: the web app and the API share one origin. */
export const baseHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
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
