import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler as getMe } from '../../functions/portal/get-me.ts';
import { handler as getInvitation } from '../../functions/portal/get-invitation.ts';
import type { Route } from '../../shared/api/routes.ts';
import { httpChain } from '../../shared/http/http-chain.ts';
import { originHeader } from '../../shared/http/origin-check.ts';
import { baseHeaders } from '../../shared/http/responses.ts';

// The value test/support/unit-setup.ts gives every function, as the local stack and CDK do.
const secret = process.env.ORIGIN_SECRET!;
const context = { awsRequestId: 'unit', functionName: 'unit' } as Context;

function apiEvent(path: string, headers: Record<string, string> = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `GET ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc123.execute-api.eu-west-1.amazonaws.com', ...headers },
    requestContext: {
      accountId: '000000000000',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'curl' },
      requestId: 'req-1',
      routeKey: `GET ${path}`,
      stage: '$default',
      time: '02/Jan/2026:03:04:05 +0000',
      timeEpoch: 1_767_323_045_000,
    },
    isBase64Encoded: false,
  };
}

const probeRoute = {
  id: 'portal/probe',
  method: 'GET',
  path: '/portal/probe',
  auth: 'public',
  summary: 'probe',
  status: 200,
  access: { table: 'read' },
} as unknown as Route;

function probe() {
  const calls: APIGatewayProxyEventV2[] = [];
  const handler = httpChain(probeRoute, async (event) => {
    calls.push(event);
    return { body: { ok: true } };
  });
  const call = async (headers?: Record<string, string>) =>
    (await handler(apiEvent('/portal/probe', headers), context)) as APIGatewayProxyStructuredResultV2;
  return { call, calls };
}

const bodyOf = (result: APIGatewayProxyStructuredResultV2) => JSON.parse(result.body ?? 'null') as unknown;

describe('the origin check: direct calls to the API endpoint are refused', () => {
  it('refuses a request without the origin header with 403 JSON, before the route runs', async () => {
    const { call, calls } = probe();
    const result = await call();
    expect(result.statusCode).toBe(403);
    expect(result.headers).toMatchObject(baseHeaders);
    expect(bodyOf(result)).toEqual({
      error: { code: 'forbidden', message: "Call this API through the portal's own address." },
    });
    expect(calls).toHaveLength(0);
  });

  it('refuses a wrong, empty or differently cased value the same way', async () => {
    const { call, calls } = probe();
    for (const value of ['nope', '', secret.toUpperCase(), `${secret} `, secret.slice(1)]) {
      expect((await call({ [originHeader]: value })).statusCode, JSON.stringify(value)).toBe(403);
    }
    expect(calls).toHaveLength(0);
  });

  it('lets a request with the right header through to the route', async () => {
    const { call, calls } = probe();
    const result = await call({ [originHeader]: secret });
    expect(result.statusCode).toBe(200);
    expect(bodyOf(result)).toEqual({ ok: true });
    expect(calls).toHaveLength(1);
  });

  it('guards the real handlers: a session route is refused before its session check, a public one before its token lookup', async () => {
    const direct = (await getMe(apiEvent('/portal/me'), context)) as APIGatewayProxyStructuredResultV2;
    expect(direct.statusCode).toBe(403);
    expect(bodyOf(direct)).toMatchObject({ error: { code: 'forbidden' } });

    // Through the origin the same call reaches the session check, which refuses the missing cookie.
    const viaOrigin = (await getMe(
      apiEvent('/portal/me', { [originHeader]: secret }),
      context,
    )) as APIGatewayProxyStructuredResultV2;
    expect(viaOrigin.statusCode).toBe(401);

    const event = {
      ...apiEvent('/portal/invitations/abc'),
      pathParameters: { token: 'not-a-token' },
    };
    const publicDirect = (await getInvitation(event, context)) as APIGatewayProxyStructuredResultV2;
    expect(publicDirect.statusCode).toBe(403);
  });
});
