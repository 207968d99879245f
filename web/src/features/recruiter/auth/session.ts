import { useSyncExternalStore } from 'react';
import { setBearerToken } from '../../../lib/api/client.ts';
import { recruiterFromIdToken, type Recruiter } from './id-token.ts';

export type { Recruiter } from './id-token.ts';

/** What a sign-in hands over: the ID token, its expiry and how to get the next one. */
export interface Tokens {
  idToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  refreshToken?: string;
}

/** Mints the next tokens before the current ones expire (local issuer or Cognito refresh). */
export type Renew = (current: Tokens) => Promise<Tokens>;

/** Why a session ended, so the sign-in page can say so. */
export type EndReason = 'signed_out' | 'expired';

interface State {
  recruiter?: Recruiter;
  ended?: EndReason;
}

// Tokens live in this module's memory only: never localStorage, never a cookie.
let state: State = {};
let tokens: Tokens | undefined;
let renewTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function publish(next: State) {
  state = next;
  for (const listener of listeners) listener();
}

/**
 * Renews at 80 % of the lifetime or a minute before expiry, whichever comes first; but not in the
 * first half of a lifetime under two minutes, where "a minute before" would mean at once (and again
 * and again with every new token).
 */
function renewDelay(expiresAt: number) {
  const left = expiresAt - Date.now();
  return Math.max(1_000, Math.min(left * 0.8, Math.max(left - 60_000, left / 2)));
}

function schedule(renew: Renew) {
  clearTimeout(renewTimer);
  if (!tokens) return;
  renewTimer = setTimeout(() => {
    const current = tokens;
    if (!current) return;
    renew(current).then(
      (next) => {
        if (tokens !== current) return; // signed out or in again meanwhile
        adopt(next);
        schedule(renew);
      },
      () => {
        if (tokens === current) endSession('expired');
      },
    );
  }, renewDelay(tokens.expiresAt));
}

function adopt(next: Tokens) {
  const recruiter = recruiterFromIdToken(next.idToken);
  tokens = next;
  setBearerToken(next.idToken);
  publish({ recruiter });
}

/** Starts a session from fresh tokens; throws when the token does not name an account and role. */
export function startSession(first: Tokens, renew: Renew) {
  adopt(first);
  schedule(renew);
}

/** Forgets the tokens (sign-out, or a 401 from /crm). */
export function endSession(reason: EndReason) {
  clearTimeout(renewTimer);
  tokens = undefined;
  setBearerToken(undefined);
  publish({ ended: reason });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => state;

/** The signed-in recruiter, or undefined; and why the last session ended. */
export function useSession(): State {
  return useSyncExternalStore(subscribe, snapshot);
}

/** The signed-in recruiter; only for components inside the signed-in console. */
export function useRecruiter(): Recruiter {
  const { recruiter } = useSession();
  if (!recruiter) throw new Error('useRecruiter() outside the signed-in console');
  return recruiter;
}

/** The signed-in recruiter outside React (e.g. in a query function), or undefined. */
export const currentRecruiter = () => state.recruiter;
/** For sign-out only: the refresh token to revoke (it never leaves memory otherwise). */
export const currentRefreshToken = () => tokens?.refreshToken;
