import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { routeKey } from '../shared/api/routes.ts';
import { originHeader } from '../shared/http/origin-check.ts';
import type { RouteMatch } from './route-matcher.ts';

/** What the gateway sees of an HTTP request. */
export interface RawRequest {
  method: string;
  /** Path and query string as sent, e.g. `/crm/jobs?limit=5`. */
  url: string;
  /** Node's `rawHeaders`: name, value, name, value, … with repeats kept. */
  rawHeaders: string[];
  body: string | undefined;
  sourceIp: string;
  protocol: string;
}

export interface EventContext {
  requestId: string;
  now: Date;
  /** Set as the origin header, replacing any a client sent: the local gateway is CloudFront too. */
  originSecret?: string;
  authorizer?: { jwt: { claims: Record<string, string>; scopes: null } };
}

export const localApiId = 'local';
export const localAwsAccountId = '000000000000';

/** `12/Mar/2020:19:03:58 +0000`, the gateway's requestContext.time format. */
function gatewayTime(date: Date): string {
  const [, day, month, year, time] = date.toUTCString().split(' ');
  return `${day}/${month}/${year}:${time} +0000`;
}

const splitCookies = (header: string) =>
  header
    .split(';')
    .map((cookie) => cookie.trim())
    .filter(Boolean);

function headerMap(rawHeaders: string[]): { headers: Record<string, string>; cookies: string[] } {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    const value = rawHeaders[i + 1] ?? '';
    // Payload 2.0 moves cookies into their own array; the cookie header does not reach the Lambda.
    if (name === 'cookie') cookies.push(...splitCookies(value));
    else headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  return { headers, cookies };
}

function queryMap(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    query[name] = name in query ? `${query[name]},${value}` : value;
  }
  return query;
}

/** An API Gateway HTTP API payload format 2.0 event, fields present or absent as the gateway does it. */
export function buildApiEvent(req: RawRequest, match: RouteMatch, ctx: EventContext): APIGatewayProxyEventV2 {
  const queryAt = req.url.indexOf('?');
  const rawPath = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
  const rawQueryString = queryAt === -1 ? '' : req.url.slice(queryAt + 1);
  const { headers, cookies } = headerMap(req.rawHeaders);
  // The gateway appends the peer it saw; behind CloudFront that peer is the edge, not the client.
  headers['x-forwarded-for'] = headers['x-forwarded-for']
    ? `${headers['x-forwarded-for']}, ${req.sourceIp}`
    : req.sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  if (ctx.originSecret !== undefined) headers[originHeader] = ctx.originSecret;
  else delete headers[originHeader];
  const epochHex = Math.floor(ctx.now.getTime() / 1000).toString(16);
  headers['x-amzn-trace-id'] = `Root=1-${epochHex}-${ctx.requestId.replaceAll('-', '').slice(0, 24)}`;
  const key = routeKey(match.route);
  const queryStringParameters = queryMap(rawQueryString);
  const hasParams = Object.keys(match.pathParameters).length > 0;
  const domainName = headers.host ?? 'localhost';
  return {
    version: '2.0',
    routeKey: key,
    rawPath,
    rawQueryString,
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    ...(hasParams ? { pathParameters: match.pathParameters } : {}),
    requestContext: {
      accountId: localAwsAccountId,
      apiId: localApiId,
      ...(ctx.authorizer ? { authorizer: ctx.authorizer } : {}),
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: req.method,
        path: rawPath,
        protocol: req.protocol,
        sourceIp: req.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: ctx.requestId,
      routeKey: key,
      stage: '$default',
      time: gatewayTime(ctx.now),
      timeEpoch: ctx.now.getTime(),
    },
    ...(req.body !== undefined && req.body !== '' ? { body: req.body } : {}),
    isBase64Encoded: false,
  };
}
