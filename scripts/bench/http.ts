/** Tiny fetch helpers for the benchmark: the API as a client calls it, and the local mail store. */

export interface CallOptions {
  /** `Authorization: Bearer` on /crm. */
  token?: string;
  /** `portal_session=…`; portal writes also get `x-requested-with: portal`. */
  cookie?: string;
  body?: unknown;
  /** Local only: the client address the handler sees (isolates per-address rate limits). */
  sourceIp?: string;
}

export interface Reply {
  status: number;
  /** Parsed JSON body, or undefined. */
  json: unknown;
  text: string;
  cookies: string[];
  /** The local-only `x-local-dynamodb-commands` header, split. */
  commands: string[];
  ms: number;
}

export async function call(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie !== undefined) headers.cookie = options.cookie;
  if (options.sourceIp !== undefined) headers['x-local-source-ip'] = options.sourceIp;
  if (path.startsWith('/portal/') && method !== 'GET') headers['x-requested-with'] = 'portal';
  let body: string | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { method, headers, body, signal: AbortSignal.timeout(20_000) });
  const text = await res.text();
  const ms = performance.now() - started;
  const header = res.headers.get('x-local-dynamodb-commands');
  if (header === null) throw new Error(`${method} ${path}: no x-local-dynamodb-commands header`);
  const json: unknown =
    text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined;
  const commands = header === '' ? [] : header.split(',');
  return { status: res.status, json, text, cookies: res.headers.getSetCookie(), commands, ms };
}

/** A string field of a JSON answer; throws with the answer when it is missing. */
export function field(reply: Reply, ...path: string[]): string {
  let value: unknown = reply.json;
  for (const key of path)
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'string')
    throw new Error(`no ${path.join('.')} in ${reply.status} ${reply.text.slice(0, 300)}`);
  return value;
}

/** The `portal_session=…` pair of a Set-Cookie, for a Cookie header. */
export function sessionCookie(reply: Reply): string {
  const cookie = reply.cookies.find((c) => c.startsWith('portal_session='));
  if (!cookie) throw new Error(`no session cookie in ${reply.status} ${reply.text.slice(0, 300)}`);
  return cookie.split(';')[0] as string;
}

interface StoredMail {
  destination?: { to?: string[] };
  body?: { html?: string; text?: string };
}

async function storedMails(mailUrl: string): Promise<StoredMail[]> {
  const res = await fetch(`${mailUrl}/store`, { signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`GET ${mailUrl}/store answered ${res.status}`);
  return ((await res.json()) as { emails?: StoredMail[] }).emails ?? [];
}

function tokenIn(mail: StoredMail, pathPrefix: string): string | undefined {
  const text = `${mail.body?.text ?? ''} ${mail.body?.html ?? ''}`;
  for (const [candidate] of text.matchAll(/https?:\/\/[^\s"'<>)]+/g)) {
    const url = new URL(candidate.replaceAll('&amp;', '&'));
    const token = url.searchParams.get('token');
    if (url.pathname === pathPrefix && token) return token;
  }
  return undefined;
}

/** Polls the mail store for a mail to `to` with a `<pathPrefix>?token=` link; undefined on time-out. */
export async function waitForToken(
  mailUrl: string,
  to: string,
  pathPrefix: string,
  timeoutMs = 5_000,
): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const mail of await storedMails(mailUrl)) {
      if (!(mail.destination?.to ?? []).some((address) => address.toLowerCase().includes(to.toLowerCase())))
        continue;
      const token = tokenIn(mail, pathPrefix);
      if (token) return token;
    }
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Polls the mail store for the `nth` mail to `to` that carries a login code (B24) and answers its
 * first code; undefined on time-out.
 */
export async function waitForLoginCode(
  mailUrl: string,
  to: string,
  nth: number,
  timeoutMs = 5_000,
): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const codes = (await storedMails(mailUrl))
      .filter((mail) => (mail.destination?.to ?? []).some((a) => a.toLowerCase().includes(to.toLowerCase())))
      .map((mail) => /^Login code: (\d{6})$/m.exec(mail.body?.text ?? '')?.[1])
      .filter((code) => code !== undefined);
    if (codes[nth - 1]) return codes[nth - 1];
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
