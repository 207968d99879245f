import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { optionalEnv } from './env.ts';

/**
 * A key the functions hold in memory: locally (and in tests) the value itself in an environment
 * variable; in AWS a Secrets Manager secret named by its ARN, read at first use and then at most
 * once an hour per execution environment (Powertools caches it). Read lazily, so a function that
 * imports the module but never needs the key is given neither variable.
 */
export function secretKey(names: { value: string; arn: string }, what: string): () => Promise<string> {
  let cached: Promise<string> | undefined;
  const load = async () => {
    const direct = optionalEnv(names.value);
    if (direct) return direct;
    const arn = optionalEnv(names.arn);
    if (!arn) throw new Error(`Missing ${names.value} or ${names.arn}`);
    const value = await getSecret(arn, { maxAge: 3600 });
    if (typeof value !== 'string' || value.length < 32) throw new Error(`${what} is missing or too short`);
    return value;
  };
  return () =>
    (cached ??= load().catch((error: unknown) => {
      // A failed read (Secrets Manager throttled) must not stick for the life of the environment.
      cached = undefined;
      throw error;
    }));
}
