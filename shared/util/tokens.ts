import { createHash, randomBytes } from 'node:crypto';

/** 256-bit random tokens; only their SHA-256 is ever stored (a fast hash suffices at this entropy). */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export { tokenPattern } from './token-pattern.ts';

/** E-mail addresses are looked up by a hash of their normalised form, so the index holds no address. */
export const hashEmail = (email: string): string => hashToken(email.trim().toLowerCase());
