import { createHash, timingSafeEqual } from 'node:crypto';
import { logger } from '../clients/logger.ts';
import { envNames, optionalEnv } from '../config/env.ts';
import { readSecretThroughExtension, type SecretReader } from '../config/secrets-extension.ts';
import { upstream } from '../domain/errors.ts';

/** Which values of the origin header a function accepts right now. */
export interface OriginSecrets {
  accepts(value: string): Promise<boolean>;
}

/** Constant-time whatever the lengths: both sides are hashed to 32 bytes first. */
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
const matchesAny = (accepted: readonly Buffer[], value: string) => {
  const candidate = digest(value);
  // Every accepted value is compared, so the time taken does not tell which one matched.
  return accepted.reduce((found, secret) => timingSafeEqual(secret, candidate) || found, false);
};

/** Locally and in tests: one known value, which the local gateway adds to every request. */
export function fixedOriginSecret(value: string): OriginSecrets {
  const accepted = [digest(value)];
  return { accepts: async (candidate) => matchesAny(accepted, candidate) };
}

export interface SecretsManagerOptions {
  secretId: string;
  /** How a version is read: in AWS through the secrets extension (no SDK client in the bundle). */
  read?: SecretReader;
  /** Values are re-read after this long (default 5 minutes). */
  maxAgeMs?: number;
  /** An unknown value re-reads the secret at once, but at most this often (default 30 s). */
  minRefreshMs?: number;
  now?: () => number;
}

/**
 * In AWS: the secret's AWSCURRENT and AWSPREVIOUS versions are both accepted, so a rotation
 * (put a new value, then update CloudFront, see docs/web-hosting.md) refuses nothing on the way.
 * A value that matches neither makes the function re-read the secret (at most every 30 s), so
 * CloudFront may start sending a new value before this cache would have expired.
 */
export function secretsManagerOriginSecrets(options: SecretsManagerOptions): OriginSecrets {
  const {
    secretId,
    read: readVersion = readSecretThroughExtension,
    maxAgeMs = 300_000,
    minRefreshMs = 30_000,
    now = Date.now,
  } = options;
  let cached: { accepted: Buffer[]; readAt: number } | undefined;
  let reading: Promise<{ accepted: Buffer[]; readAt: number }> | undefined;

  const read = () =>
    (reading ??= (async () => {
      try {
        // Before the first rotation there is no previous version: the reader answers undefined.
        const values = await Promise.all([
          readVersion(secretId, 'AWSCURRENT'),
          readVersion(secretId, 'AWSPREVIOUS'),
        ]);
        const accepted = values.filter((v): v is string => typeof v === 'string' && v.length >= 32);
        if (accepted.length === 0) throw new Error('The origin secret has no usable value');
        cached = { accepted: accepted.map(digest), readAt: now() };
        return cached;
      } catch (error) {
        // A stale value is better than refusing every request while Secrets Manager hiccups.
        if (cached) {
          logger.warn('could not re-read the origin secret; keeping the values read before', { error });
          return cached;
        }
        logger.error('could not read the origin secret', { error });
        throw upstream('origin_check_unavailable', 'The service is briefly unavailable. Try again.');
      } finally {
        reading = undefined;
      }
    })());

  return {
    async accepts(value) {
      let entry = cached && now() - cached.readAt < maxAgeMs ? cached : await read();
      if (matchesAny(entry.accepted, value)) return true;
      if (now() - entry.readAt < minRefreshMs) return false;
      entry = await read();
      return matchesAny(entry.accepted, value);
    },
  };
}

/**
 * From the function's environment, read once at module load. There is no setting that turns the
 * check off: without either variable the module throws, so the function cannot start at all.
 */
export function originSecretsFromEnv(): OriginSecrets {
  const arn = optionalEnv(envNames.originSecretArn);
  if (arn) return secretsManagerOriginSecrets({ secretId: arn });
  const value = optionalEnv(envNames.originSecret);
  if (value) return fixedOriginSecret(value);
  throw new Error(`Missing environment variable ${envNames.originSecretArn} (or ${envNames.originSecret})`);
}
