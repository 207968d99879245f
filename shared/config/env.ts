/** Environment variables are read once, where a module needs them; a missing one throws at start. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`Missing environment variable ${name}`);
  return value;
}

export function optionalEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The contract between the deployment (CDK or the local stack) and the functions:
 * TABLE_NAME              the single table (every function)
 * DYNAMODB_ENDPOINT       local stack only: DynamoDB Local
 * SES_ENDPOINT            local stack only: aws-ses-v2-local
 * EMAIL_FROM              sender address (functions that send e-mail)
 * SES_CONFIGURATION_SET   optional SES configuration set
 * PORTAL_BASE_URL         e.g. https://portal.example.com — links in e-mails come from here only
 * CURSOR_SECRET           local stack and tests: the key that signs list cursors
 * CURSOR_SECRET_ARN       AWS: Secrets Manager secret holding that key
 * LOGIN_CODE_SECRET       local stack and tests: the key of the login codes' keyed hash (B24)
 * LOGIN_CODE_SECRET_ARN   AWS: Secrets Manager secret holding that key
 * EVENT_BUS_NAME          the project's EventBridge bus (functions that publish events)
 * EVENTBRIDGE_ENDPOINT    local stack only: the local bus's PutEvents endpoint
 * ORIGIN_SECRET_ARN       AWS (every API function): Secrets Manager secret whose value CloudFront
 *                         sends in the origin header; requests without it are refused
 * ORIGIN_SECRET           local stack and tests: that value itself (the local gateway sends it)
 * STAGE                   the deployment's stage, the `stage` dimension of every metric (unset: local)
 * METRICS_DISABLED        `true`: metrics go to in-process listeners only, not stdout (local stack, tests)
 */
export const envNames = {
  table: 'TABLE_NAME',
  dynamoEndpoint: 'DYNAMODB_ENDPOINT',
  sesEndpoint: 'SES_ENDPOINT',
  emailFrom: 'EMAIL_FROM',
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  portalBaseUrl: 'PORTAL_BASE_URL',
  cursorSecret: 'CURSOR_SECRET',
  cursorSecretArn: 'CURSOR_SECRET_ARN',
  loginCodeSecret: 'LOGIN_CODE_SECRET',
  loginCodeSecretArn: 'LOGIN_CODE_SECRET_ARN',
  eventBusName: 'EVENT_BUS_NAME',
  eventBridgeEndpoint: 'EVENTBRIDGE_ENDPOINT',
  originSecretArn: 'ORIGIN_SECRET_ARN',
  originSecret: 'ORIGIN_SECRET',
  stage: 'STAGE',
  metricsDisabled: 'METRICS_DISABLED',
} as const;
