import { expiryOf } from './id-token.ts';
import type { Renew, Tokens } from './session.ts';

/** What the local stack's token issuer takes (`POST /_local/recruiter-token`; no such route in AWS). */
export interface LocalIdentity {
  accountId: string;
  email: string;
  name: string;
  role: 'admin' | 'recruiter';
}

export class LocalSignInRefused extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(message);
    this.name = 'LocalSignInRefused';
  }
}

export async function mintLocalToken(identity: LocalIdentity): Promise<Tokens> {
  const response = await fetch('/_local/recruiter-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(identity),
  });
  const body = (await response.json().catch(() => ({}))) as {
    token?: unknown;
    error?: { message?: unknown; details?: unknown };
  };
  if (!response.ok || typeof body.token !== 'string') {
    const fields: Record<string, string> = {};
    if (body.error?.details && typeof body.error.details === 'object')
      for (const [key, value] of Object.entries(body.error.details as Record<string, unknown>))
        if (typeof value === 'string') fields[key] = value;
    const message =
      response.status === 404
        ? 'This server has no local sign-in.'
        : typeof body.error?.message === 'string'
          ? body.error.message
          : 'The local sign-in did not answer. Try again.';
    throw new LocalSignInRefused(message, fields);
  }
  return { idToken: body.token, expiresAt: expiryOf(body.token) };
}

/** Local tokens are renewed by minting a new one for the same person. */
export const renewLocal =
  (identity: LocalIdentity): Renew =>
  () =>
    mintLocalToken(identity);
