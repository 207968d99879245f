/** How recruiters sign in here: the deployment says so in `/auth-config.json`. */
export type AuthConfig =
  | { mode: 'local' }
  | { mode: 'cognito'; domain: string; clientId: string; redirectUri: string; logoutUri: string };
export type CognitoConfig = Extract<AuthConfig, { mode: 'cognito' }>;

/**
 * The one switch for a missing `/auth-config.json`: the hot-reloading dev server may run against a
 * stack that does not serve it yet, and there local sign-in is the only kind. A built app never
 * guesses — without the file it refuses to offer a sign-in.
 */
const missingMeansLocal = import.meta.env.DEV;

export class AuthConfigMissing extends Error {
  constructor() {
    super('This deployment does not say how recruiters sign in (no /auth-config.json).');
    this.name = 'AuthConfigMissing';
  }
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function parse(body: unknown): AuthConfig {
  const b = (body ?? {}) as Record<string, unknown>;
  if (b.mode === 'local') return { mode: 'local' };
  if (
    b.mode === 'cognito' &&
    isText(b.domain) &&
    isText(b.clientId) &&
    isText(b.redirectUri) &&
    isText(b.logoutUri)
  )
    return {
      mode: 'cognito',
      domain: b.domain,
      clientId: b.clientId,
      redirectUri: b.redirectUri,
      logoutUri: b.logoutUri,
    };
  throw new Error('The sign-in configuration of this deployment cannot be read.');
}

export async function loadAuthConfig(): Promise<AuthConfig> {
  const response = await fetch('/auth-config.json', {
    headers: { accept: 'application/json' },
    cache: 'no-store',
  });
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  if (response.status === 404 || (response.ok && !isJson)) {
    if (missingMeansLocal) return { mode: 'local' };
    throw new AuthConfigMissing();
  }
  if (!response.ok) throw new Error(`The sign-in configuration could not be loaded (${response.status}).`);
  return parse(await response.json());
}
