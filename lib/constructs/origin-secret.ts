import { SecretValue, Validations } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { envNames } from '../../shared/config/env.ts';

/**
 * The shared secret between CloudFront and the API functions (docs/web-hosting.md). Secrets
 * Manager generates the value at deploy time; no template holds it: CloudFront receives it through
 * a dynamic reference that CloudFormation resolves, the functions read it at run time.
 */
export class OriginSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: { stage: string }) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: `Client Portal ${props.stage}: the origin header value CloudFront sends to the HTTP API`,
      // Letters and digits only: the value travels as an HTTP header, unquoted.
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason:
        'Rotated by hand in two steps (put-secret-value, then deploy the Web stack with -c originSecretVersion, ' +
        'docs/web-hosting.md): the functions accept the current and previous versions, so nothing is refused on the way. ' +
        'A rotation Lambda would have to rewrite the CloudFront distribution behind CloudFormation.',
    });
  }
}

/**
 * The value for CloudFront's origin custom header: `{{resolve:secretsmanager:…}}`, resolved by
 * CloudFormation. "Unsafe" unwraps only the reference, never the value. Naming a version makes the
 * template change, which is what makes CloudFormation resolve the reference anew after a rotation.
 */
export const originHeaderValue = (secret: ISecret, versionId?: string) =>
  SecretValue.secretsManager(secret.secretArn, versionId ? { versionId } : {}).unsafeUnwrap();

/** Every API function gets the setting and may read the secret: without it the function cannot start. */
export function bindOriginSecret(fn: LambdaFunction, secret: ISecret): void {
  secret.grantRead(fn);
  fn.addEnvironment(envNames.originSecretArn, secret.secretArn);
}
