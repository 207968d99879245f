import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node } from 'constructs';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));

/**
 * Deployment settings, read from CDK context (`cdk deploy -c key=value` or cdk.json). Every value
 * has a default so that `cdk synth` works offline on a fresh clone; a real deploy passes at least
 * emailFrom.
 */
export interface AppConfig {
  /** Stack and resource name prefix: `ClientPortal-<stage>-...`. */
  stage: string;
  /**
   * Links in e-mails are built from this only (never from request headers). No trailing slash.
   * Undefined: the CloudFront distribution's own address, `https://<id>.cloudfront.net`.
   */
  portalBaseUrl: string | undefined;
  /** Sender address of every e-mail. */
  emailFrom: string;
  /** The SES identity (verified with DKIM) that emailFrom belongs to. */
  emailDomain: string;
  /** The built web app (`npm run build:web`), absolute. */
  webDist: string;
  /**
   * The Secrets Manager version of the origin secret that CloudFront sends (docs/web-hosting.md,
   * rotation). Undefined: the current version when the Web stack was last changed.
   */
  originSecretVersion: string | undefined;
  /**
   * Prefix of the recruiters' sign-in domain `https://<prefix>.auth.<region>.amazoncognito.com`;
   * unset: `client-portal-<stage>-<account id>` (prefixes are unique per region across all accounts).
   */
  authDomainPrefix?: string;
  /**
   * Who sends the user pool's own e-mails (temporary passwords, reset codes): `ses`, through the
   * project's identity (default), or `cognito`, Cognito's built-in sender (50 a day), for a deploy
   * before the SES domain is verified — Cognito refuses an unverified identity at deploy time.
   */
  recruiterPoolEmail: 'ses' | 'cognito';
  /**
   * True: the SES domain identity `emailDomain` already exists in the account and region (made by
   * hand or by another app); the Email stack then uses it instead of creating it (docs/deploy.md).
   */
  existingEmailIdentity: boolean;
  /**
   * True: synth for a real account goes ahead with the placeholder `example.com` sender (an
   * offline check with credentials in the shell); a deploy made so sends no e-mail (lib/deploy-guard.ts).
   */
  allowPlaceholderEmail: boolean;
}

export const contextDefaults = {
  stage: 'dev',
  emailFrom: 'no-reply@example.com',
  webDist: 'web/dist',
} as const;

export function readAppConfig(node: Node): AppConfig {
  const text = (key: string, fallback?: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return fallback;
    if (typeof value !== 'string') throw new Error(`Context "${key}" must be a string`);
    return value.trim();
  };

  const stage = text('stage', contextDefaults.stage)!;
  // Stage ends up in stack names and resource names, which allow only a narrow alphabet.
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage))
    throw new Error(`Context "stage" must match [a-z][a-z0-9-]{0,19}: ${stage}`);

  const baseUrl = text('portalBaseUrl');
  const portalBaseUrl = baseUrl === undefined ? undefined : parseBaseUrl(baseUrl);

  const emailFrom = text('emailFrom', contextDefaults.emailFrom)!;
  const at = emailFrom.lastIndexOf('@');
  if (at < 1 || at === emailFrom.length - 1)
    throw new Error(`Context "emailFrom" is not an e-mail address: ${emailFrom}`);
  const senderDomain = emailFrom.slice(at + 1).toLowerCase();

  const emailDomain = (text('emailDomain') ?? senderDomain).toLowerCase();
  // A verified SES domain covers its own addresses and those of its subdomains, nothing else.
  if (senderDomain !== emailDomain && !senderDomain.endsWith(`.${emailDomain}`)) {
    throw new Error(`Context "emailFrom" (${emailFrom}) is not an address of "emailDomain" (${emailDomain})`);
  }

  const dist = text('webDist', contextDefaults.webDist)!;
  const webDist = isAbsolute(dist) ? dist : resolve(projectRoot, dist);

  const originSecretVersion = text('originSecretVersion');
  // A Secrets Manager version id is a UUID; anything else would end up inside a dynamic reference.
  if (originSecretVersion !== undefined && !/^[A-Za-z0-9-]{32,64}$/.test(originSecretVersion))
    throw new Error(`Context "originSecretVersion" is not a secret version id: ${originSecretVersion}`);

  const authDomainPrefix = text('authDomainPrefix');
  if (authDomainPrefix !== undefined) assertDomainPrefix(authDomainPrefix);

  const recruiterPoolEmail = text('recruiterPoolEmail', 'ses');
  if (recruiterPoolEmail !== 'ses' && recruiterPoolEmail !== 'cognito')
    throw new Error(`Context "recruiterPoolEmail" must be "ses" or "cognito": ${recruiterPoolEmail}`);

  const flag = (key: string): boolean => {
    const value: unknown = node.tryGetContext(key);
    if (value === undefined || value === null || value === '' || value === false || value === 'false')
      return false;
    if (value === true || value === 'true') return true;
    throw new Error(`Context "${key}" must be true or false: ${String(value)}`);
  };

  return {
    stage,
    portalBaseUrl,
    emailFrom,
    emailDomain,
    webDist,
    originSecretVersion,
    authDomainPrefix,
    recruiterPoolEmail,
    existingEmailIdentity: flag('existingEmailIdentity'),
    allowPlaceholderEmail: flag('allowPlaceholderEmail'),
  };
}

/** Cognito's rules for a prefix domain: lowercase letters, digits and inner hyphens, no reserved words. */
function assertDomainPrefix(prefix: string): void {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix) || /aws|amazon|cognito/.test(prefix))
    throw new Error(
      `Context "authDomainPrefix" must be lowercase letters, digits and hyphens without "aws", "amazon" or "cognito": ${prefix}`,
    );
}

function parseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Context "portalBaseUrl" is not a URL: ${value}`);
  }
  // Session cookies are Secure and links travel by e-mail: only HTTPS is acceptable in AWS.
  if (url.protocol !== 'https:') throw new Error(`Context "portalBaseUrl" must use https: ${value}`);
  if (url.search || url.hash)
    throw new Error(`Context "portalBaseUrl" must not have a query or fragment: ${value}`);
  return url.toString().replace(/\/+$/, '');
}
