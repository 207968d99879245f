import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { sdkRequestHandler } from './http-handler.ts';

export const secretsManager = new SecretsManagerClient({
  requestHandler: sdkRequestHandler(),
  maxAttempts: 3,
});
