import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generateSigningKey, type SigningKey } from './jwt-issuer.ts';

/** With `--persist`, kept under .local/ so cursors and tokens from the last run stay valid. */
async function persisted<T>(file: string | undefined, create: () => Promise<T>): Promise<T> {
  if (!file) return create();
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    const value = await create();
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(value), { mode: 0o600 });
    return value;
  }
}

export interface LocalSecrets {
  cursorSecret: string;
  loginCodeSecret: string;
  signingKey: SigningKey;
}

/** Fresh per run unless a data directory is given. */
export async function localSecrets(dataDir: string | undefined): Promise<LocalSecrets> {
  const file = (name: string) => (dataDir ? join(dataDir, name) : undefined);
  const [cursorSecret, loginCodeSecret, signingKey] = await Promise.all([
    persisted(file('cursor-secret.json'), async () => randomBytes(32).toString('base64url')),
    persisted(file('login-code-secret.json'), async () => randomBytes(32).toString('base64url')),
    persisted(file('jwt-signing-key.json'), generateSigningKey),
  ]);
  return { cursorSecret, loginCodeSecret, signingKey };
}
