import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { Route } from '../../shared/api/routes.ts';
import { buildApiEvent } from '../../local/api-event.ts';
import { createApiServer } from '../../local/api-server.ts';
import { createRouteMatcher } from '../../local/route-matcher.ts';
import {
  api,
  dynamodbCommands,
  enablePortal,
  foreignSigningKey,
  mails,
  newAccountId,
  recruiterToken,
  signTestToken,
  snapshotAccount,
  stackInfo,
} from '../support/api.ts';

const unauthorized = '{"message":"Unauthorized"}';
const dynamoRequests = (headers: Headers) => Number(headers.get('x-local-dynamodb-requests'));

describe('local stack: health and local routes', () => {
  it('health answers 200 once DynamoDB Local, the table and SES are ready', async () => {
    const res = await api('GET', '/_local/health');
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('ok');
    expect(res.json.components).toMatchObject({ dynamodb: 'ok', table: 'ok', ses: 'ok', bus: 'ok' });
    expect(Object.values(res.json.components).every((state) => state === 'ok')).toBe(true);
  });

  it('counts DynamoDB commands per request: health makes exactly one DescribeTable through the shared client', async () => {
    const res = await api('GET', '/_local/health');
    expect(res.headers.get('x-local-dynamodb-requests')).toBe('1');
    expect(dynamodbCommands(res)).toEqual(['DescribeTable']);
  });

  it('GET /_local/ lists the local URLs', async () => {
    const res = await api('GET', '/_local/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain(stackInfo().mailUrl);
    expect(res.text).toContain('/_local/health');
  });

  it('the mail store is reachable', async () => {
    expect(Array.isArray(await mails())).toBe(true);
  });
});

describe('local stack: recruiter tokens and the JWT authorizer', () => {
  it('recruiter-token issues a token that /crm accepts, with the claims as the authorizer passes them', async () => {
    const accountId = newAccountId();
    const token = await recruiterToken({ accountId, role: 'recruiter' });
    const res = await api('GET', '/crm/account', { token });
    expect(res.status).toBe(200);
    expect(res.json.id).toBe(accountId);
    // The real handler exists: it reads the account. Exact counts belong to the route tests.
    expect(dynamoRequests(res.headers)).toBeGreaterThanOrEqual(0);
    expect(dynamodbCommands(res)).toHaveLength(dynamoRequests(res.headers));
  });

  it('accepts the token without the Bearer prefix, as API Gateway does', async () => {
    const token = await recruiterToken({ accountId: newAccountId() });
    const res = await fetch(`${stackInfo().appUrl}/crm/account`, { headers: { authorization: token } });
    expect(res.status).toBe(200);
  });

  it('recruiter-token validates its input', async () => {
    const missingRole = await api('POST', '/_local/recruiter-token', { body: { accountId: 'x' } });
    expect(missingRole.status).toBe(400);
    expect(missingRole.json.error).toMatchObject({
      code: 'validation_failed',
      details: { role: expect.any(String) },
    });
    const badAccount = await api('POST', '/_local/recruiter-token', {
      body: { accountId: 'a b', role: 'admin' },
    });
    expect(badAccount.status).toBe(400);
    const notJson = await api('POST', '/_local/recruiter-token', { rawBody: '{' });
    expect(notJson.json.error.code).toBe('invalid_json');
  });

  const refused: [string, () => Promise<Record<string, string>>][] = [
    ['no token', async () => ({})],
    ['a garbage token', async () => ({ authorization: 'Bearer not.a.jwt' })],
    [
      'a token signed by another key',
      async () => ({ authorization: `Bearer ${await signTestToken({ key: await foreignSigningKey() })}` }),
    ],
    [
      'a token for another audience',
      async () => ({ authorization: `Bearer ${await signTestToken({ audience: 'someone-else' })}` }),
    ],
    [
      'a token from another issuer',
      async () => ({ authorization: `Bearer ${await signTestToken({ issuer: 'https://evil.example' })}` }),
    ],
    [
      'an expired token',
      async () => ({ authorization: `Bearer ${await signTestToken({ expiresInSeconds: -60 })}` }),
    ],
    [
      'a token not valid yet',
      async () => ({ authorization: `Bearer ${await signTestToken({ notBeforeSeconds: 600 })}` }),
    ],
  ];
  it.each(refused)(
    '/crm/account with %s → 401 {"message":"Unauthorized"} before any handler runs',
    async (_, headers) => {
      const res = await api('GET', '/crm/account', { headers: await headers() });
      expect(res.status).toBe(401);
      expect(res.text).toBe(unauthorized);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(dynamoRequests(res.headers)).toBe(0);
    },
  );

  it('a correctly signed test token is accepted (the negative cases above differ in one thing only)', async () => {
    const res = await api('GET', '/crm/account', {
      token: await signTestToken({ claims: { accountId: newAccountId() } }),
    });
    expect(res.status).toBe(200);
  });
});

describe('local stack: gateway behaviour', () => {
  it('an unmatched path, a wrong method and a trailing slash are 404 {"message":"Not Found"}', async () => {
    const token = await recruiterToken({ accountId: newAccountId() });
    for (const [method, path] of [
      ['GET', '/crm/nope'],
      ['GET', '/portal/nope'],
      ['DELETE', '/crm/account'],
      ['GET', '/crm/account/'],
    ] as const) {
      const res = await api(method, path, { token });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.text).toBe('{"message":"Not Found"}');
    }
  });

  it('a body over 10 MB is 413 without reaching the handler', async () => {
    const token = await recruiterToken({ accountId: newAccountId() });
    const res = await api('POST', '/crm/organizations', { token, rawBody: 'x'.repeat(10 * 1024 * 1024 + 1) });
    expect(res.status).toBe(413);
    expect(res.text).toBe('{"message":"Request Entity Too Large"}');
    expect(dynamoRequests(res.headers)).toBe(0);
  });

  it('the test DocumentClient sees the same table partition as the handlers', async () => {
    const accountId = newAccountId();
    expect(await snapshotAccount(accountId)).toEqual([]);
    await enablePortal(await recruiterToken({ accountId, role: 'admin' }));
    expect((await snapshotAccount(accountId)).length).toBeGreaterThan(0);
  });
});

const fakeRoute = (id: string, method: Route['method'], path: string): Route => ({
  id,
  method,
  path,
  auth: 'public',
  summary: id,
  status: 200,
  access: { table: 'read' },
});

describe('local gateway: payload 2.0 events', () => {
  const match = createRouteMatcher([
    fakeRoute('t/any', 'GET', '/t/{a}/x/{b}'),
    fakeRoute('t/literal', 'GET', '/t/me/x/{b}'),
  ]);

  it('builds the event as an HTTP API does', () => {
    const found = match('GET', '/t/caf%C3%A9/x/2');
    expect(found?.route.id).toBe('t/any');
    const event = buildApiEvent(
      {
        method: 'GET',
        url: '/t/caf%C3%A9/x/2?q=1&q=2&s=a%20b',
        rawHeaders: [
          'Host',
          'localhost:3000',
          'X-Multi',
          'a',
          'x-multi',
          'b',
          'Cookie',
          'a=1; b=2',
          'User-Agent',
          'ua',
        ],
        body: undefined,
        sourceIp: '127.0.0.1',
        protocol: 'HTTP/1.1',
      },
      found!,
      { requestId: 'req-1', now: new Date('2026-01-02T03:04:05Z') },
    );
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /t/{a}/x/{b}',
      rawPath: '/t/caf%C3%A9/x/2',
      rawQueryString: 'q=1&q=2&s=a%20b',
      cookies: ['a=1', 'b=2'],
      queryStringParameters: { q: '1,2', s: 'a b' },
      pathParameters: { a: 'café', b: '2' },
      isBase64Encoded: false,
      requestContext: {
        routeKey: 'GET /t/{a}/x/{b}',
        stage: '$default',
        requestId: 'req-1',
        domainName: 'localhost:3000',
        http: {
          method: 'GET',
          path: '/t/caf%C3%A9/x/2',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'ua',
        },
        time: '02/Jan/2026:03:04:05 +0000',
        timeEpoch: Date.parse('2026-01-02T03:04:05Z'),
      },
    });
    expect(event.headers).toMatchObject({
      'x-multi': 'a,b',
      host: 'localhost:3000',
      'x-forwarded-for': '127.0.0.1',
    });
    expect(event.headers.cookie).toBeUndefined();
    expect('body' in event).toBe(false);
  });

  it('prefers literal segments over parameters', () => {
    expect(match('GET', '/t/me/x/1')?.route.id).toBe('t/literal');
    expect(match('GET', '/t//x/1')).toBeUndefined();
  });
});

describe('local gateway: Lambda results and failures', () => {
  async function serve(handlers: Record<string, (event: unknown) => Promise<unknown>>) {
    const server = createApiServer({
      routes: Object.keys(handlers).map((id) => fakeRoute(id, 'POST', `/${id}`)),
      loadHandler: async (id) => {
        const handler = handlers[id];
        if (!handler) throw new Error(`no handler ${id}`);
        return handler;
      },
      authorize: async () => ({ ok: false, wwwAuthenticate: 'Bearer' }),
      timeoutMs: 200,
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { base, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('maps results, cookies, exceptions and time-outs as API Gateway does', async () => {
    let seen: APIGatewayProxyEventV2 | undefined;
    const { base, close } = await serve({
      cookies: async (event) => {
        seen = event as APIGatewayProxyEventV2;
        return {
          statusCode: 201,
          headers: { 'X-Custom': 'yes' },
          cookies: ['a=1; Path=/', 'b=2; HttpOnly'],
          body: 'made',
        };
      },
      plain: async () => ({ hello: 'world' }),
      throws: async () => {
        throw new Error('boom (expected in this test)');
      },
      slow: () => new Promise(() => {}),
    });
    try {
      const made = await fetch(`${base}/cookies`, {
        method: 'POST',
        body: '{"x":1}',
        headers: { cookie: 'portal_session=s1', 'x-local-source-ip': '203.0.113.9' },
      });
      expect(made.status).toBe(201);
      expect(made.headers.get('x-custom')).toBe('yes');
      expect(made.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
      expect(await made.text()).toBe('made');
      expect(seen?.body).toBe('{"x":1}');
      expect(seen?.cookies).toEqual(['portal_session=s1']);
      // The local-only client-address override is applied and never reaches the handler.
      expect(seen?.requestContext.http.sourceIp).toBe('203.0.113.9');
      expect(seen?.headers['x-local-source-ip']).toBeUndefined();

      const plain = await fetch(`${base}/plain`, { method: 'POST' });
      expect([plain.status, plain.headers.get('content-type'), await plain.json()]).toEqual([
        200,
        'application/json',
        { hello: 'world' },
      ]);

      const thrown = await fetch(`${base}/throws`, { method: 'POST' });
      expect([thrown.status, await thrown.text()]).toEqual([500, '{"message":"Internal Server Error"}']);

      const slow = await fetch(`${base}/slow`, { method: 'POST' });
      expect([slow.status, await slow.text()]).toEqual([503, '{"message":"Service Unavailable"}']);
    } finally {
      await close();
    }
  });
});
