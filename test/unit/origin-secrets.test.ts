import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedOriginSecret, secretsManagerOriginSecrets } from '../../shared/http/origin-secrets.ts';

// There is no local Secrets Manager engine: its answers (and its failures) are injected here.
const client = new SecretsManagerClient({ region: 'us-east-1' });
const sm = mockClient(client);
afterEach(() => sm.reset());

const oldValue = 'old-origin-secret-0123456789abcdefghijklmnop';
const newValue = 'new-origin-secret-0123456789abcdefghijklmnop';
const notFound = () => Object.assign(new Error('no such version'), { name: 'ResourceNotFoundException' });

/** The secret's versions as Secrets Manager holds them, changeable mid-test like a rotation. */
function stages(initial: { AWSCURRENT: string; AWSPREVIOUS?: string }) {
  let state = initial;
  sm.on(GetSecretValueCommand).callsFake((input: { VersionStage?: string }) => {
    const value = state[input.VersionStage as keyof typeof state];
    if (value === undefined) throw notFound();
    return { SecretString: value };
  });
  return { rotate: (next: string) => (state = { AWSCURRENT: next, AWSPREVIOUS: state.AWSCURRENT }) };
}

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('the origin secret in AWS (Secrets Manager)', () => {
  it('accepts the current value before any rotation, when there is no previous version yet', async () => {
    stages({ AWSCURRENT: oldValue });
    const secrets = secretsManagerOriginSecrets({ client, secretId: 'arn:origin' });
    expect(await secrets.accepts(oldValue)).toBe(true);
    expect(await secrets.accepts(newValue)).toBe(false);
    expect(sm.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input)).toEqual([
      { SecretId: 'arn:origin', VersionStage: 'AWSCURRENT' },
      { SecretId: 'arn:origin', VersionStage: 'AWSPREVIOUS' },
    ]);
  });

  it('during a rotation accepts the new value at once and the old one until the next rotation', async () => {
    const t = clock();
    const secret = stages({ AWSCURRENT: oldValue });
    const secrets = secretsManagerOriginSecrets({ client, secretId: 'arn:origin', now: t.now });
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
    const secrets = secretsManagerOriginSecrets({ client, secretId: 'arn:origin', now: t.now });
    await secrets.accepts(oldValue);
    for (let i = 0; i < 20; i++) expect(await secrets.accepts(`forged-${i}`)).toBe(false);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    t.advance(30_000);
    expect(await secrets.accepts('forged-again')).toBe(false);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(4);
  });

  it('keeps the values it has when Secrets Manager fails later, and answers 502 when it never read them', async () => {
    const t = clock();
    stages({ AWSCURRENT: oldValue });
    const secrets = secretsManagerOriginSecrets({ client, secretId: 'arn:origin', now: t.now });
    expect(await secrets.accepts(oldValue)).toBe(true);
    sm.on(GetSecretValueCommand).rejects(
      Object.assign(new Error('slow down'), { name: 'ThrottlingException' }),
    );
    t.advance(600_000);
    expect(await secrets.accepts(oldValue)).toBe(true);

    const cold = secretsManagerOriginSecrets({ client, secretId: 'arn:origin', now: t.now });
    await expect(cold.accepts(oldValue)).rejects.toMatchObject({
      kind: 'upstream',
      code: 'origin_check_unavailable',
    });
  });

  it('never accepts a value that is too short to be the generated secret', async () => {
    stages({ AWSCURRENT: 'short' });
    const secrets = secretsManagerOriginSecrets({ client, secretId: 'arn:origin' });
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
