import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * B24: the 6-digit codes beside the login links. A login request accepts at most `maxAttempts`
 * code attempts (each counted before its code is compared), so guessing one of `k` codes succeeds
 * with probability at most 5·k in 10⁶ per request; see docs/login-codes.md.
 */
export const loginCodePolicy = { digits: 6, maxAttempts: 5 } as const;

const space = 10 ** loginCodePolicy.digits;

/** `count` distinct codes (one per agency of the request, so a code alone names its agency). */
export function newLoginCodes(count: number): string[] {
  if (count > space / 2) throw new Error(`Cannot draw ${count} distinct login codes`);
  const codes = new Set<string>();
  while (codes.size < count) codes.add(String(randomInt(space)).padStart(loginCodePolicy.digits, '0'));
  return [...codes];
}

/**
 * The only form in which a code is stored: HMAC-SHA-256 under a secret key, bound to its login
 * request. A plain SHA-256 of 10⁶ possible codes would be reversed by trying them all.
 */
export const loginCodeHash = (key: string, requestIdHash: string, code: string): string =>
  createHmac('sha256', key).update(`login-code\n${requestIdHash}\n${code}`).digest('hex');

/** The entry whose stored hash equals `hash`, comparing every entry in constant time. */
export function matchLoginCode<E extends { codeHash: string }>(
  entries: readonly E[],
  hash: string,
): E | undefined {
  const given = Buffer.from(hash, 'hex');
  let found: E | undefined;
  for (const entry of entries) {
    const stored = Buffer.from(entry.codeHash, 'hex');
    const same = stored.length === given.length && timingSafeEqual(stored, given);
    if (same) found ??= entry;
  }
  return found;
}
