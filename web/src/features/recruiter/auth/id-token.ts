/** The recruiter an ID token names (Cognito's claims, which the local issuer mints alike). */
export interface Recruiter {
  accountId: string;
  email: string;
  /** `name`, else `given_name family_name`, else the e-mail's local part. */
  name: string;
  role: 'admin' | 'recruiter';
}

function payloadOf(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (!payload || typeof payload !== 'object') throw new Error('not a JWT');
  return payload as Record<string, unknown>;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * Reads the claims for display only: the API verifies the token, the console never trusts it
 * for anything but showing who is signed in.
 */
export function recruiterFromIdToken(token: string): Recruiter {
  const claims = payloadOf(token);
  const accountId = text(claims['custom:accountId']);
  const email = text(claims.email);
  const role = claims['custom:role'];
  if (!accountId || !email || (role !== 'admin' && role !== 'recruiter'))
    throw new Error('The token does not name an account and a role.');
  const given = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  const name = text(claims.name) || given || email.split('@')[0] || email;
  return { accountId, email, name, role };
}

/** The token's `exp`, in milliseconds. */
export function expiryOf(token: string): number {
  const exp = payloadOf(token).exp;
  return typeof exp === 'number' ? exp * 1000 : Date.now() + 5 * 60_000;
}
