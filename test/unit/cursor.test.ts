import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../shared/data/cursor.ts';
import { DomainError } from '../../shared/domain/errors.ts';

const scope = { tenant: 'acc-1', route: 'GET /crm/jobs' };
const lastKey = { PK: 'A#acc-1#J#01J', SK: '#JOB', GSI1PK: 'A#acc-1#JOBS', GSI1SK: '01J' };

describe('list cursors (SPEC §3)', () => {
  it('round-trips for the same account and route', async () => {
    const cursor = await encodeCursor(lastKey, scope);
    expect(cursor).toBeTypeOf('string');
    await expect(decodeCursor(cursor ?? undefined, scope)).resolves.toEqual(lastKey);
  });

  it('is null when there is no next page', async () => {
    await expect(encodeCursor(undefined, scope)).resolves.toBeNull();
  });

  it.each([
    ['another account', { tenant: 'acc-2', route: scope.route }],
    ['another route', { tenant: scope.tenant, route: 'GET /crm/candidates' }],
  ])('is refused (400 invalid_cursor) for %s', async (_what, otherScope) => {
    const cursor = (await encodeCursor(lastKey, scope)) as string;
    await expect(decodeCursor(cursor, otherScope)).rejects.toMatchObject({
      kind: 'invalid',
      code: 'invalid_cursor',
    });
  });

  it('is refused when altered, even with a re-encoded payload', async () => {
    const cursor = (await encodeCursor(lastKey, scope)) as string;
    const [payload, mac] = cursor.split('.') as [string, string];
    const forged = Buffer.from(
      JSON.stringify({ k: { ...lastKey, PK: 'A#acc-2#J#01J' }, t: scope.tenant, r: scope.route }),
    ).toString('base64url');
    for (const bad of [
      `${forged}.${mac}`,
      `${payload}.${mac.slice(0, -2)}xx`,
      'garbage',
      `${payload}`,
      '..',
    ]) {
      const error = await decodeCursor(bad, scope).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'invalid_cursor' });
    }
  });
});
