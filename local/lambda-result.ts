export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

export const gatewayError = (statusCode: number, message: string): HttpAnswer => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  cookies: [],
  body: Buffer.from(JSON.stringify({ message })),
});

/** A JSON answer of the local stack's own routes (`/_local/*`), never cached. */
export const localJson = (statusCode: number, body: unknown): HttpAnswer => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  cookies: [],
  body: Buffer.from(JSON.stringify(body)),
});

export const internalServerError = () => gatewayError(500, 'Internal Server Error');

/**
 * How an HTTP API reads a payload 2.0 Lambda result: an object with statusCode is taken field by
 * field; anything else is a 200 with the result as its JSON body; a malformed result is the
 * gateway's 500.
 */
export function answerFromResult(result: unknown): HttpAnswer {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      cookies: [],
      body: Buffer.from(typeof result === 'string' ? result : (JSON.stringify(result) ?? '')),
    };
  }
  const { statusCode, headers, cookies, body, isBase64Encoded } = result as Record<string, unknown>;
  if (
    typeof statusCode !== 'number' ||
    !Number.isInteger(statusCode) ||
    statusCode < 100 ||
    statusCode > 599
  ) {
    throw new Error(`Lambda result has an invalid statusCode: ${String(statusCode)}`);
  }
  const flatHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries((headers ?? {}) as Record<string, unknown>)) {
    flatHeaders[name.toLowerCase()] = String(value);
  }
  const text = typeof body === 'string' ? body : '';
  return {
    statusCode,
    headers: flatHeaders,
    cookies: Array.isArray(cookies) ? cookies.map(String) : [],
    body: isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8'),
  };
}
