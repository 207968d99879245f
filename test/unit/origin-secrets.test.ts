import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedOriginSecret, secretsManagerOriginSecrets } from '../../shared/http/origin-secrets.ts';
import { fakeSecretsExtension } from '../support/fake-secrets-extension.ts';

// In AWS the functions read the secret through the Parameters and Secrets extension on localhost;
// a stand-in answers here as it does (there is no local Secrets Manager engine).
let extension: Awaited<ReturnType<typeof fakeSecretsExtension>>;
beforeAll(async () => (extension = await fakeSecretsExtension()));
afterAll(async () => extension?.close());
afterEach(() => extension.reset());

const oldValue = 'old-origin-secret-0123456789abcdefghijklmnop';
const newValue = 'new-origin-secret-0123456789abcdefghijklmnop';

/** The secret's versions as Secrets Manager holds them, changeable mid-test like a rotation. */
function stages(initial: { AWSCURRENT: string; AWSPREVIOUS?: string }) {
  extension.set('arn:origin', initial);
  return { rotate: (next: string) => extension.rotate('arn:origin', next) };
}

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('the origin secret in AWS (Secrets Manager through the secrets extension)', () => {
  it('accepts the current value before any rotation, when there is no previous version yet', async () => {
    stages({ AWSCURRENT: oldValue });
    const secrets = secretsManagerOriginSecrets({ secretId: 'arn:origin' });
    expect(await secrets.accepts(oldValue)).toBe(true);
    expect(await secrets.accepts(newValue)).toBe(false);
    expect(extension.requests).toEqual([
      { secretId: 'arn:origin', versionStage: 'AWSCURRENT' },
      { secretId: 'arn:origin', versionStage: 'AWSPREVIOUS' },
    ]);
  });

  it('during a rotation accepts the new value at once and the old one until the next rotation', async () => {
    const t = clock();
    const secret = stages({ AWSCURRENT: oldValue });
    const secrets = secretsManagerOriginSecrets({ secretId: 'arn:origin', now: t.now });
    expect(await secrets.accepts(oldValue)).toBe(true);

    // put-secret-value; CloudFront starts sending the new value while this cache is still fresh.
    secret.rotate(newValue);
    t.advance(31_000);
    expect(await secrets.accepts(newValue)).toBe(true);
    expect(await secrets.accepts(oldValue)).toBe(true);

    secret.rotate('third-origin-secret-0123456789abcdefghijklmn');
    t.advance(300_000);
    expect(await secrets.accepts(oldValue)).toBe(false);
  });

  it('re-reads the secret for an unknown value at most every 30 seconds', async () => {
    const t = clock();
    stages({ AWSCURRENT: oldValue });
    const secrets = secretsManagerOriginSecrets({ secretId: 'arn:origin', now: t.now });
    await secrets.accepts(oldValue);
    for (let i = 0; i < 20; i++) expect(await secrets.accepts(`forged-${i}`)).toBe(false);
    expect(extension.requests).toHaveLength(2);
    t.advance(30_000);
    expect(await secrets.accepts('forged-again')).toBe(false);
    expect(extension.requests).toHaveLength(4);
  });

  it('keeps the values it has when Secrets Manager fails later, and answers 502 when it never read them', async () => {
    const t = clock();
    stages({ AWSCURRENT: oldValue });
    const secrets = secretsManagerOriginSecrets({ secretId: 'arn:origin', now: t.now });
    expect(await secrets.accepts(oldValue)).toBe(true);
    extension.fail({ status: 400, body: 'ThrottlingException: Rate exceeded' });
    t.advance(600_000);
    expect(await secrets.accepts(oldValue)).toBe(true);

    const cold = secretsManagerOriginSecrets({ secretId: 'arn:origin', now: t.now });
    await expect(cold.accepts(oldValue)).rejects.toMatchObject({
      kind: 'upstream',
      code: 'origin_check_unavailable',
    });
  });

  it('never accepts a value that is too short to be the generated secret', async () => {
    stages({ AWSCURRENT: 'short' });
    const secrets = secretsManagerOriginSecrets({ secretId: 'arn:origin' });
    await expect(secrets.accepts('short')).rejects.toMatchObject({ kind: 'upstream' });
  });
});

describe('the origin secret locally', () => {
  it('is one fixed value, compared whole', async () => {
    const secrets = fixedOriginSecret(oldValue);
    expect(await secrets.accepts(oldValue)).toBe(true);
    expect(await secrets.accepts(oldValue.slice(0, -1))).toBe(false);
    expect(await secrets.accepts(`${oldValue}x`)).toBe(false);
  });
});
