import { type Environment, Token } from 'aws-cdk-lib';
import type { AppConfig } from './config.ts';

/**
 * Domains reserved for documentation and tests (RFC 2606, RFC 6761): nobody can verify them in SES,
 * so a deploy with one of them as sender sends no e-mail at all, and no invitation ever arrives.
 */
const reservedDomains = ['example.com', 'example.net', 'example.org'];
const reservedTopLevel = ['example', 'test', 'invalid', 'localhost'];

export const isPlaceholderDomain = (domain: string): boolean => {
  const name = domain.toLowerCase();
  return (
    reservedDomains.some((d) => name === d || name.endsWith(`.${d}`)) ||
    reservedTopLevel.some((tld) => name === tld || name.endsWith(`.${tld}`))
  );
};

/** The account the stacks are synthesized for, when it is a real one (not a token, i.e. not env-agnostic). */
const concreteAccount = (env: Environment | undefined): string | undefined =>
  env?.account && !Token.isUnresolved(env.account) ? env.account : undefined;

/**
 * Refuses, at synth, an app for a real account whose sender is a placeholder. Offline synth (no
 * account: environment-agnostic stacks) and the tests are untouched; with credentials in the shell
 * the CLI passes the account, so `cdk deploy` (which synthesizes first) stops here with the fix.
 */
export function assertDeployable(config: AppConfig, env: Environment | undefined): void {
  const account = concreteAccount(env);
  if (!account || config.allowPlaceholderEmail) return;
  if (!isPlaceholderDomain(config.emailDomain)) return;
  throw new Error(
    [
      `Refusing to synthesize for AWS account ${account}: the sender "${config.emailFrom}" (SES domain ` +
        `"${config.emailDomain}") is a placeholder that SES can never verify, so no invitation or login e-mail would be sent.`,
      'Pass your own sending domain, e.g.',
      '  npx cdk deploy --all -c stage=prod -c emailFrom=portal@mail.agency.com -c emailDomain=mail.agency.com',
      'For an offline check only (nothing deployed), add -c allowPlaceholderEmail=true. See docs/deploy.md.',
    ].join('\n'),
  );
}
