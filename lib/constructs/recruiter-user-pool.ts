import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/**
 * The recruiters' identities. Their ID tokens carry `custom:accountId` (the tenant) and
 * `custom:role`; the API trusts both, so only administrators (AdminCreateUser /
 * AdminUpdateUserAttributes) may set them — the app client can read but never write them.
 */
export class RecruiterUserPool extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: { stage: string }) {
    super(scope, id);

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

    this.client = this.userPool.addClient('CrmClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      // No hosted UI: the CRM front end signs in with SRP, so the OAuth endpoints stay off.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, givenName: true, familyName: true })
        .withCustomAttributes('accountId', 'role'),
      // The tenant and the role are authorization data: not writable by the user, nor is the e-mail
      // (it is the identity recorded in audit trails; administrators change it).
      writeAttributes: new ClientAttributes().withStandardAttributes({ givenName: true, familyName: true }),
    });
  }
}
