import { optionalEnv } from './env.ts';
import { readSecretThroughExtension, type SecretReader } from './secrets-extension.ts';

const maxAgeMs = 3_600_000;

/**
 * A key the functions use in memory: locally (and in tests) the value itself in an environment
 * variable; in AWS a Secrets Manager secret named by its ARN, read through the secrets extension
 * at first use and again at most once an hour per execution environment, so a new secret version
 * takes over within the hour. Read lazily: a function that imports the module but never needs the
 * key is given neither variable.
 */
export function secretKey(
  names: { value: string; arn: string },
  what: string,
  read: SecretReader = readSecretThroughExtension,
  now: () => number = Date.now,
): () => Promise<string> {
  const cache = new Map<string, { value: string; readAt: number }>();
  return async () => {
    const direct = optionalEnv(names.value);
    if (direct) return direct;
    const arn = optionalEnv(names.arn);
    if (!arn) throw new Error(`Missing ${names.value} or ${names.arn}`);
    const cached = cache.get(arn);
    if (cached && now() - cached.readAt < maxAgeMs) return cached.value;
    const value = await read(arn, 'AWSCURRENT');
    if (typeof value !== 'string' || value.length < 32) throw new Error(`${what} is missing or too short`);
    cache.set(arn, { value, readAt: now() });
    return value;
  };
}
