import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSecretThroughExtension } from '../../shared/config/secrets-extension.ts';
import { fakeSecretsExtension } from '../support/fake-secrets-extension.ts';

let extension: Awaited<ReturnType<typeof fakeSecretsExtension>>;
beforeAll(async () => (extension = await fakeSecretsExtension('session-token-of-the-function')));
afterAll(async () => extension?.close());

describe('reading a secret through the Parameters and Secrets extension', () => {
  it('asks the extension on its port with the session token, and returns the string', async () => {
    extension.set('arn:one', { AWSCURRENT: 'current-value', AWSPREVIOUS: 'previous-value' });
    expect(await readSecretThroughExtension('arn:one', 'AWSCURRENT')).toBe('current-value');
    expect(await readSecretThroughExtension('arn:one', 'AWSPREVIOUS')).toBe('previous-value');
  });

  it('answers undefined for a version the secret does not have yet', async () => {
    extension.set('arn:new', { AWSCURRENT: 'only-value' });
    expect(await readSecretThroughExtension('arn:new', 'AWSPREVIOUS')).toBeUndefined();
  });

  it('throws on any other refusal, naming the status and the error', async () => {
    extension.fail({ status: 400, body: 'AccessDeniedException: not authorized' });
    await expect(readSecretThroughExtension('arn:one', 'AWSCURRENT')).rejects.toThrow(
      /answered 400 for AWSCURRENT: AccessDeniedException/,
    );
    extension.fail(undefined);
  });

  it('refuses to ask without a session token (the extension would answer 401)', async () => {
    const token = process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_SESSION_TOKEN;
    await expect(readSecretThroughExtension('arn:one', 'AWSCURRENT')).rejects.toThrow(/AWS_SESSION_TOKEN/);
    process.env.AWS_SESSION_TOKEN = token;
  });
});
