import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { envNames } from '../../shared/config/env.ts';
import { loginCodeKey } from '../../shared/data/login-code-key.ts';

const secrets = mockClient(SecretsManagerClient);
const direct = process.env[envNames.loginCodeSecret];

afterEach(() => {
  secrets.reset();
  process.env[envNames.loginCodeSecret] = direct;
  delete process.env[envNames.loginCodeSecretArn];
});

/** In AWS the function has only the ARN; locally only the value. */
function inAws(arn: string) {
  delete process.env[envNames.loginCodeSecret];
  process.env[envNames.loginCodeSecretArn] = arn;
}

describe('B24 the login-code key', () => {
  it('B24 locally it is LOGIN_CODE_SECRET, and Secrets Manager is never called', async () => {
    expect(await loginCodeKey()).toBe(direct);
    expect(secrets).not.toHaveReceivedCommand(GetSecretValueCommand);
  });

  it('B24 in AWS it is read from the secret named by LOGIN_CODE_SECRET_ARN, once while cached', async () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:login-code-a';
    secrets.on(GetSecretValueCommand, { SecretId: arn }).resolves({ SecretString: 'S'.repeat(64) });
    inAws(arn);
    expect(await loginCodeKey()).toBe('S'.repeat(64));
    expect(await loginCodeKey()).toBe('S'.repeat(64));
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);
  });

  it('B24 a missing or short key fails loudly instead of hashing with a weak one', async () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:login-code-b';
    secrets.on(GetSecretValueCommand, { SecretId: arn }).resolves({ SecretString: 'short' });
    inAws(arn);
    await expect(loginCodeKey()).rejects.toThrow(/too short/);
    delete process.env[envNames.loginCodeSecretArn];
    await expect(loginCodeKey()).rejects.toThrow(/LOGIN_CODE_SECRET/);
  });
});
