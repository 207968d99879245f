import { createHash, randomBytes } from 'node:crypto';

/** 256-bit random tokens; only their SHA-256 is ever stored (a fast hash suffices at this entropy). */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A token as it may arrive in a URL or body: base64url of 32 bytes. */
export const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** E-mail addresses are looked up by a hash of their normalised form, so the index holds no address. */
export const hashEmail = (email: string): string => hashToken(email.trim().toLowerCase());
