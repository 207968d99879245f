import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { envNames } from '../../shared/config/env.ts';
import { secretKey } from '../../shared/config/secret.ts';
import { loginCodeKey } from '../../shared/data/login-code-key.ts';
import { fakeSecretsExtension } from '../support/fake-secrets-extension.ts';

let extension: Awaited<ReturnType<typeof fakeSecretsExtension>>;
beforeAll(async () => (extension = await fakeSecretsExtension()));
afterAll(async () => extension?.close());
const direct = process.env[envNames.loginCodeSecret];

afterEach(() => {
  extension.reset();
  process.env[envNames.loginCodeSecret] = direct;
  delete process.env[envNames.loginCodeSecretArn];
});

/** In AWS the function has only the ARN; locally only the value. */
function inAws(arn: string) {
  delete process.env[envNames.loginCodeSecret];
  process.env[envNames.loginCodeSecretArn] = arn;
}

describe('B24 the login-code key', () => {
  it('B24 locally it is LOGIN_CODE_SECRET, and Secrets Manager is never asked', async () => {
    expect(await loginCodeKey()).toBe(direct);
    expect(extension.requests).toHaveLength(0);
  });

  it('B24 in AWS it is read from the secret named by LOGIN_CODE_SECRET_ARN, once while cached', async () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:login-code-a';
    extension.set(arn, { AWSCURRENT: 'S'.repeat(64) });
    inAws(arn);
    expect(await loginCodeKey()).toBe('S'.repeat(64));
    expect(await loginCodeKey()).toBe('S'.repeat(64));
    expect(extension.requests).toEqual([{ secretId: arn, versionStage: 'AWSCURRENT' }]);
  });

  it('B24 a missing or short key fails loudly instead of hashing with a weak one', async () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:login-code-b';
    extension.set(arn, { AWSCURRENT: 'short' });
    inAws(arn);
    await expect(loginCodeKey()).rejects.toThrow(/too short/);
    delete process.env[envNames.loginCodeSecretArn];
    await expect(loginCodeKey()).rejects.toThrow(/LOGIN_CODE_SECRET/);
  });
});

describe('a secret key in AWS', () => {
  it('takes a new secret version within the hour, and not before', async () => {
    const names = { value: 'UNIT_KEY', arn: 'UNIT_KEY_ARN' };
    const arn = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:unit-key';
    process.env.UNIT_KEY_ARN = arn;
    let t = 0;
    const key = secretKey(names, 'Unit key', undefined, () => t);
    extension.set(arn, { AWSCURRENT: 'A'.repeat(40) });
    expect(await key()).toBe('A'.repeat(40));
    extension.rotate(arn, 'B'.repeat(40));
    t += 3_599_000;
    expect(await key()).toBe('A'.repeat(40));
    t += 1_000;
    expect(await key()).toBe('B'.repeat(40));
    delete process.env.UNIT_KEY_ARN;
  });
});
