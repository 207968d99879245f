import { envNames, requireEnv } from '../config/env.ts';

/**
 * Links in e-mails come from configuration only, never from request headers. Read once, at first
 * use: functions that merely import this module (and never send) are not given the variable.
 */
let base: URL | undefined;
const portalBase = () => (base ??= new URL(requireEnv(envNames.portalBaseUrl)));

const link = (path: string, params: Record<string, string> = {}) => {
  const url = new URL(path, portalBase());
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
};

export const portalLinks = {
  signup: (token: string) => link('/signup', { token }),
  login: () => link('/login'),
  loginContinue: (token: string) => link('/login/continue', { token }),
  app: () => link('/app'),
};
