import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpAnswer } from './lambda-result.ts';

/** API Gateway's own payload cap; the app's 64 KB limit is the handlers' business. */
export const gatewayBodyLimitBytes = 10 * 1024 * 1024;
/** Past this a client is just flooding us: stop reading and drop the connection. */
const drainLimitBytes = 8 * gatewayBodyLimitBytes;

export type BodyRead = { ok: true; text: string | undefined } | { ok: false };

/**
 * Reads the whole body as UTF-8. An oversized body is still drained (up to a bound) before the 413
 * goes out, because answering mid-upload makes clients see a reset instead of the status.
 */
export function readBody(req: IncomingMessage): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= gatewayBodyLimitBytes) chunks.push(chunk);
      else if (size > drainLimitBytes) req.destroy();
    });
    req.on('end', () => {
      if (size > gatewayBodyLimitBytes) resolve({ ok: false });
      else resolve({ ok: true, text: size === 0 ? undefined : Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', reject);
  });
}

export function writeAnswer(
  res: ServerResponse,
  answer: HttpAnswer,
  extraHeaders: Record<string, string> = {},
) {
  if (res.headersSent) return;
  res.statusCode = answer.statusCode;
  for (const [name, value] of Object.entries({ ...answer.headers, ...extraHeaders }))
    res.setHeader(name, value);
  // Payload 2.0 `cookies`: each one its own Set-Cookie header.
  if (answer.cookies.length) res.setHeader('set-cookie', answer.cookies);
  res.end(answer.body);
}

export function writeJson(
  res: ServerResponse,
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  writeAnswer(res, {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    cookies: [],
    body: Buffer.from(JSON.stringify(body)),
  });
}
