import { createHmac, timingSafeEqual } from 'node:crypto';
import { invalid } from '../domain/errors.ts';
import { cursorKey } from './cursor-key.ts';

/** What a cursor is bound to: the caller's account (or portal scope) and the route. */
export interface CursorScope {
  tenant: string;
  route: string;
}

type Key = Record<string, unknown>;

const sign = (key: string, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

/** Opaque, tamper-evident and bound to the caller: `base64url(json).hmac`. */
export async function encodeCursor(lastKey: Key | undefined, scope: CursorScope): Promise<string | null> {
  if (!lastKey) return null;
  const payload = Buffer.from(JSON.stringify({ k: lastKey, t: scope.tenant, r: scope.route })).toString(
    'base64url',
  );
  return `${payload}.${sign(await cursorKey(), payload)}`;
}

const badCursor = () => invalid('invalid_cursor', 'The cursor is not valid for this list.');

export async function decodeCursor(cursor: string | undefined, scope: CursorScope): Promise<Key | undefined> {
  if (cursor === undefined) return undefined;
  const [payload, mac, extra] = cursor.split('.');
  if (!payload || !mac || extra !== undefined) throw badCursor();
  const expected = Buffer.from(sign(await cursorKey(), payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw badCursor();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const { k, t, r } = (decoded ?? {}) as { k?: unknown; t?: unknown; r?: unknown };
  if (t !== scope.tenant || r !== scope.route || typeof k !== 'object' || k === null) throw badCursor();
  return k as Key;
}
