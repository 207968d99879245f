import { countAttempt } from '../data/rate-limits.ts';
import { hashEmail, hashToken } from '../util/tokens.ts';
import { DomainError } from './errors.ts';

/** B7: no stricter than 5 per e-mail and 30 per client address per 15 minutes. */
export const loginLinkLimits = { windowSeconds: 15 * 60, perEmail: 5, perAddress: 30 } as const;

/** Counts a login-link request against both limits (two counters, updated together); 429 beyond. */
export async function limitLoginLinkRequest(email: string, address: string, now = new Date()): Promise<void> {
  const { windowSeconds, perEmail, perAddress } = loginLinkLimits;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % windowSeconds);
  const [byEmail, byAddress] = await Promise.all([
    countAttempt('email', hashEmail(email), windowStart, windowSeconds),
    countAttempt('address', hashToken(address), windowStart, windowSeconds),
  ]);
  if (byEmail > perEmail || byAddress > perAddress) {
    const retryAfterSeconds = windowStart + windowSeconds - nowSeconds;
    throw new DomainError(
      'rate_limited',
      'rate_limited',
      'Too many login requests. Please try again later.',
      {
        retryAfterSeconds,
      },
    );
  }
}
