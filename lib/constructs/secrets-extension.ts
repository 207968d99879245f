import { Duration } from 'aws-cdk-lib';
import {
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel,
  ParamsAndSecretsVersions,
} from 'aws-cdk-lib/aws-lambda';
import type { RouteAccess } from '../../shared/api/routes.ts';

/**
 * The AWS Parameters and Secrets Lambda Extension, AWS's own layer (aws-cdk-lib knows its ARN per
 * region and architecture). The functions read their secrets through it on localhost instead of
 * carrying a Secrets Manager SDK client (shared/config/secrets-extension.ts, docs/bundles.md).
 * Its cache is off: the callers cache, each deciding how soon a rotation must be seen (the origin
 * secret re-reads at an unknown value). Its Secrets Manager timeout stays below the reader's.
 */
export const secretsExtension = ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
  cacheEnabled: false,
  secretsManagerTimeout: Duration.seconds(2),
  logLevel: ParamsAndSecretsLogLevel.WARN,
});

/** Route functions all read the origin secret; others only if their access names a secret. */
export const readsSecrets = (access: RouteAccess, originChecked: boolean) =>
  originChecked || Boolean(access.cursor) || Boolean(access.loginCode);
