import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { optionalEnv } from './env.ts';

/**
 * A key the functions use in memory: locally (and in tests) the value itself in an environment
 * variable; in AWS a Secrets Manager secret named by its ARN, read at first use and again at most
 * once an hour per execution environment (Powertools caches it), so a new secret version takes
 * over within the hour. Read lazily: a function that imports the module but never needs the key
 * is given neither variable.
 */
export function secretKey(names: { value: string; arn: string }, what: string): () => Promise<string> {
  return async () => {
    const direct = optionalEnv(names.value);
    if (direct) return direct;
    const arn = optionalEnv(names.arn);
    if (!arn) throw new Error(`Missing ${names.value} or ${names.arn}`);
    const value = await getSecret(arn, { maxAge: 3600 });
    if (typeof value !== 'string' || value.length < 32) throw new Error(`${what} is missing or too short`);
    return value;
  };
}
