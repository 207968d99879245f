import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { envNames, optionalEnv } from '../config/env.ts';

let cached: Promise<string> | undefined;

/**
 * The key that signs list cursors. Locally an env var; in AWS a Secrets Manager secret read once
 * per execution environment (Powertools caches it).
 */
export function cursorKey(): Promise<string> {
  cached ??= (async () => {
    const direct = optionalEnv(envNames.cursorSecret);
    if (direct) return direct;
    const arn = optionalEnv(envNames.cursorSecretArn);
    if (!arn) throw new Error(`Missing ${envNames.cursorSecret} or ${envNames.cursorSecretArn}`);
    const value = await getSecret(arn, { maxAge: 3600 });
    if (typeof value !== 'string' || value.length < 32)
      throw new Error('Cursor secret is missing or too short');
    return value;
  })();
  return cached;
}
