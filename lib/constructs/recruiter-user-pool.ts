import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  type CfnUserPool,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolEmail,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { recruiterCallbackUrl, recruiterSignedOutUrl } from '../auth-config.ts';

/** The project's SES identity, for the pool's own e-mails (temporary passwords, reset codes). */
export interface PoolSesSender {
  /** Sender address, an address of the identity's domain or of one of its subdomains. */
  from: string;
  /** The domain identity's ARN (the Email stack's): Cognito sends through it. */
  identityArn: string;
  configurationSetName: string;
}

export interface RecruiterUserPoolProps {
  stage: string;
  /**
   * The configuration's portal origin: the console's callback and logout URLs are built from it.
   * Undefined (the portal is then the CloudFront distribution's own address, which this stack cannot
   * name without a cycle): the client gets no OAuth flow, and nobody can sign in to the console yet.
   */
  portalBaseUrl: string | undefined;
  /** Through SES, or (undefined) Cognito's own sender, limited to 50 e-mails a day. */
  ses?: PoolSesSender;
  /** Default `client-portal-<stage>-<account id>`. */
  domainPrefix?: string;
}

/**
 * Token lifetimes of the console's client. The API accepts an ID token until it expires, whatever
 * happens to the user meanwhile: 5 minutes (Cognito's minimum) bounds how long a disabled recruiter
 * keeps access. Renewal needs the refresh token, which Cognito refuses for a disabled user.
 */
export const recruiterTokenValidity = {
  idToken: Duration.minutes(5),
  accessToken: Duration.minutes(5),
  /** One working day: after it, the recruiter signs in again (password and TOTP). */
  refreshToken: Duration.hours(12),
} as const;

/**
 * The recruiters' identities. Their ID tokens carry `custom:accountId` (the tenant) and
 * `custom:role`; the API trusts both, so only administrators (AdminCreateUser /
 * AdminUpdateUserAttributes) may set them — the app client can read but never write them.
 */
export class RecruiterUserPool extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** Hosts Cognito's managed login pages and the OAuth 2.0 endpoints (authorize, token, revoke, logout). */
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: RecruiterUserPoolProps) {
    super(scope, id);
    const consoleUrl = props.portalBaseUrl && recruiterSignedOutUrl(props.portalBaseUrl);

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `client-portal-${props.stage}-recruiters`,
      // Agencies' admins create recruiter accounts; strangers must not be able to join a tenant.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        // The tenant of a user never changes; a user of another agency is a new user.
        accountId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
        role: new StringAttribute({ minLen: 1, maxLen: 16, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Recruiters see candidates' personal data: a password alone is not enough. TOTP only, so no
      // SMS role and no SMS spending.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Administrators create recruiters (AdminCreateUser); this is the e-mail that tells them.
      userInvitation: {
        emailSubject: 'Your recruiter console account',
        emailBody:
          'An administrator of your agency created your recruiter console account. ' +
          `Sign in ${consoleUrl ? `at ${consoleUrl} ` : 'to the recruiter console '}` +
          'with your e-mail address {username} and the temporary password {####} (valid for 3 days). ' +
          'You will choose your own password and set up an authenticator app.',
      },
      email: props.ses
        ? UserPoolEmail.withSES({
            fromEmail: props.ses.from,
            configurationSetName: props.ses.configurationSetName,
            // The Email stack is deployed with this one, so SES is in the pool's region.
            sesRegion: Stack.of(this).region,
          })
        : UserPoolEmail.withCognito(),
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions::AwsSolutions-COG8',
      reason:
        'The Plus plan (threat protection) is billed per monthly active user; Essentials is chosen on cost. ' +
        'Accounts are protected by required TOTP MFA, a 12-character password policy and no self sign-up.',
    });

    if (props.ses) {
      // The L2 names an identity per sender address (or per exact domain); the project verifies one
      // domain identity, whose subdomains' addresses it covers too: send through that identity.
      (this.userPool.node.defaultChild as CfnUserPool).addPropertyOverride(
        'EmailConfiguration.SourceArn',
        props.ses.identityArn,
      );
    }

    // The recruiter console signs in with Cognito's managed login: authorization code + PKCE only.
    this.client = this.userPool.addClient('CrmClient', {
      // No direct sign-in API (SRP, password, custom): every sign-in passes the managed login pages,
      // with their MFA step. Only ALLOW_REFRESH_TOKEN_AUTH remains, for renewal.
      authFlows: {
        userSrp: false,
        userPassword: false,
        custom: false,
        user: false,
        adminUserPassword: false,
      },
      // A public client: a browser cannot keep a secret; PKCE binds the code to the browser that asked.
      generateSecret: false,
      ...(props.portalBaseUrl
        ? {
            oAuth: {
              flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
              scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
              callbackUrls: [recruiterCallbackUrl(props.portalBaseUrl)],
              logoutUrls: [recruiterSignedOutUrl(props.portalBaseUrl)],
            },
          }
        : { disableOAuth: true }),
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      // Sign-out revokes the refresh token (and the tokens issued from it), not only the session.
      enableTokenRevocation: true,
      idTokenValidity: recruiterTokenValidity.idToken,
      accessTokenValidity: recruiterTokenValidity.accessToken,
      refreshTokenValidity: recruiterTokenValidity.refreshToken,
      // Time to finish one sign-in on the managed login pages: a first one sets a password and enrols an
      // authenticator app (scan, type a code), which Cognito's default of 3 minutes can cut short.
      authSessionValidity: Duration.minutes(10),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, givenName: true, familyName: true })
        .withCustomAttributes('accountId', 'role'),
      // The tenant and the role are authorization data: not writable by the user, nor is the e-mail
      // (it is the identity recorded in audit trails; administrators change it).
      writeAttributes: new ClientAttributes().withStandardAttributes({ givenName: true, familyName: true }),
    });

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: {
        domainPrefix: props.domainPrefix ?? `client-portal-${props.stage}-${Stack.of(this).account}`,
      },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // Managed login serves its pages only to a client that has a style; Cognito's default style.
    new CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
  }
}
