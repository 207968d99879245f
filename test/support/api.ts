import { randomBytes } from 'node:crypto';
import { assertResponseContract } from './response-contract.ts';
import { stackInfo } from './stack-info.ts';

export { mails, mailsTo, waitForMail, linkIn, type StoredMail } from './mail.ts';
export { testDb, tableName, queryPartition, snapshotPartition, snapshotAccount } from './db.ts';
export { signTestToken, foreignSigningKey } from './tokens.ts';
export { stackInfo } from './stack-info.ts';

export interface ApiOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** JSON-encoded, with `content-type: application/json`. */
  body?: unknown;
  /** Sent as is (malformed JSON, oversized bodies). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** The Cookie header, e.g. `portal_session=…`. */
  cookie?: string;
  /** Local only: the client address the handler sees (isolates per-address rate limits between tests). */
  sourceIp?: string;
}

// Tests read whatever JSON the API answers; typing each shape here would only restate the SPEC.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  /** Each Set-Cookie header on its own. */
  cookies: string[];
  /** Parsed body when it is JSON, else undefined. */
  json: T;
  text: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function api<T = any>(
  method: string,
  path: string,
  options: ApiOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie !== undefined) headers.cookie = options.cookie;
  if (options.sourceIp !== undefined) headers['x-local-source-ip'] = options.sourceIp;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${stackInfo().appUrl}${path}`, {
    method,
    headers,
    body,
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  let json: T = undefined as T;
  if (text && (res.headers.get('content-type') ?? '').includes('json')) json = JSON.parse(text) as T;
  assertResponseContract(method, path, res.status, json);
  return { status: res.status, headers: res.headers, cookies: res.headers.getSetCookie(), json, text };
}

/** Unique per call, so each test owns its tenant and never sees another test's data. */
export const newAccountId = (): string => `t-${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;

/** A recruiter token from `POST /_local/recruiter-token`, the way anyone scripting the stack gets one. */
export async function recruiterToken(input: {
  accountId: string;
  role?: 'admin' | 'recruiter';
  email?: string;
}): Promise<string> {
  const res = await api<{ token: string }>('POST', '/_local/recruiter-token', {
    body: { role: 'admin', ...input },
  });
  if (res.status !== 200) throw new Error(`recruiter-token answered ${res.status}: ${res.text}`);
  return res.json.token;
}

/** Switches the add-on on for the token's account (needs an admin token). */
export async function enablePortal(
  token: string,
  settings: { portalName?: string; notificationEmail?: string | null } = {},
): Promise<ApiResponse> {
  const res = await api('PATCH', '/crm/account', {
    token,
    body: { portalEnabled: true, portalName: 'Test Agency', ...settings },
  });
  if (res.status !== 200) throw new Error(`PATCH /crm/account answered ${res.status}: ${res.text}`);
  return res;
}

/** The DynamoDB commands the request made, in order (local-only `x-local-dynamodb-commands` header). */
export function dynamodbCommands(res: ApiResponse): string[] {
  const header = res.headers.get('x-local-dynamodb-commands');
  if (header === null) throw new Error('No x-local-dynamodb-commands header: not served by the local stack?');
  return header === '' ? [] : header.split(',');
}
