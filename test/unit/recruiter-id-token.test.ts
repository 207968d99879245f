import { describe, expect, it } from 'vitest';
import { expiryOf, recruiterFromIdToken } from '../../web/src/features/recruiter/auth/id-token.ts';

/** An unsigned JWT with this payload: the console only reads claims for display, the API verifies. */
const jwt = (payload: Record<string, unknown>) =>
  ['{"alg":"RS256"}', JSON.stringify(payload)].map((p) => Buffer.from(p).toString('base64url')).join('.') +
  '.sig';

const base = { 'custom:accountId': 'acme', email: 'rita@acme.test', 'custom:role': 'admin' };

describe('the console names the signed-in recruiter from the ID token', () => {
  it('reads account, e-mail, role and the name claim (UTF-8 included)', () => {
    expect(recruiterFromIdToken(jwt({ ...base, name: 'Zoë Müller' }))).toEqual({
      accountId: 'acme',
      email: 'rita@acme.test',
      name: 'Zoë Müller',
      role: 'admin',
    });
  });

  it('without a name claim, given_name and family_name make the name, else the e-mail’s local part', () => {
    expect(recruiterFromIdToken(jwt({ ...base, given_name: 'Rita', family_name: 'Recruiter' })).name).toBe(
      'Rita Recruiter',
    );
    expect(recruiterFromIdToken(jwt(base)).name).toBe('rita');
  });

  it('refuses a token that names no account or no known role', () => {
    expect(() => recruiterFromIdToken(jwt({ ...base, 'custom:role': 'owner' }))).toThrow(
      /account and a role/,
    );
    expect(() => recruiterFromIdToken(jwt({ email: 'x@y.test', 'custom:role': 'admin' }))).toThrow();
    expect(() => recruiterFromIdToken('not-a-jwt')).toThrow();
  });

  it('reads the expiry in milliseconds', () => {
    expect(expiryOf(jwt({ ...base, exp: 1_900_000_000 }))).toBe(1_900_000_000_000);
  });
});
