import { optionalEnv } from './env.ts';

export type VersionStage = 'AWSCURRENT' | 'AWSPREVIOUS';

/** Reads one version of a secret; `undefined` when the secret has no such version (yet). */
export type SecretReader = (secretId: string, stage: VersionStage) => Promise<string | undefined>;

/** Set on the function by CDK (`paramsAndSecrets`); 2773 is the extension's own default. */
const portVariable = 'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT';
/** The extension answers only requests that carry the function's session token. */
const tokenHeader = 'X-Aws-Parameters-Secrets-Token';
/** Longer than the extension's own Secrets Manager timeout (lib/constructs/secrets-extension.ts). */
const requestTimeoutMs = 3_000;

/**
 * Secrets Manager through the AWS Parameters and Secrets Lambda Extension, a layer that AWS
 * publishes: a GET on localhost that the extension turns into GetSecretValue with the function's
 * role. The functions therefore carry no Secrets Manager SDK client (docs/bundles.md); the
 * extension's cache is off, the callers cache (they decide when a rotation must be seen).
 */
export const readSecretThroughExtension: SecretReader = async (secretId, stage) => {
  const port = optionalEnv(portVariable) ?? '2773';
  const token = optionalEnv('AWS_SESSION_TOKEN');
  if (!token) throw new Error('AWS_SESSION_TOKEN is not set: the secrets extension cannot be asked');
  const url = new URL(`http://localhost:${port}/secretsmanager/get`);
  url.searchParams.set('secretId', secretId);
  url.searchParams.set('versionStage', stage);
  const answer = await fetch(url, {
    headers: { [tokenHeader]: token },
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  const body = await answer.text();
  if (answer.ok) {
    const parsed = JSON.parse(body) as { SecretString?: unknown };
    if (typeof parsed.SecretString !== 'string') throw new Error(`Secret ${secretId} holds no string`);
    return parsed.SecretString;
  }
  // The extension passes Secrets Manager's error on, named in the body.
  if (body.includes('ResourceNotFoundException')) return undefined;
  throw new Error(`The secrets extension answered ${answer.status} for ${stage}: ${body.slice(0, 200)}`);
};
