/**
 * One dummy identity for every client of the local stack: DynamoDB Local keeps a separate
 * database per access key and region, so the handlers, the table set-up and the tests must all
 * present the same pair or they would see different tables.
 */
export const localAwsIdentity = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
} as const;

export interface HandlerEnv {
  tableName: string;
  dynamodbEndpoint: string;
  sesEndpoint: string;
  portalBaseUrl: string;
  cursorSecret: string;
  loginCodeSecret: string;
  /** The value the local gateway puts in the origin header, as CloudFront does in AWS. */
  originSecret: string;
  emailFrom: string;
}

/**
 * The handlers read their configuration at module load (shared/config/env.ts), so this runs
 * before the first handler import. One stack per process: a second stack with other endpoints
 * would not reach modules that are already loaded.
 */
export function applyHandlerEnv(env: HandlerEnv): void {
  Object.assign(process.env, {
    TABLE_NAME: env.tableName,
    DYNAMODB_ENDPOINT: env.dynamodbEndpoint,
    SES_ENDPOINT: env.sesEndpoint,
    EMAIL_FROM: env.emailFrom,
    PORTAL_BASE_URL: env.portalBaseUrl,
    CURSOR_SECRET: env.cursorSecret,
    LOGIN_CODE_SECRET: env.loginCodeSecret,
    ORIGIN_SECRET: env.originSecret,
    AWS_REGION: localAwsIdentity.region,
    AWS_ACCESS_KEY_ID: localAwsIdentity.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localAwsIdentity.credentials.secretAccessKey,
    // No instance metadata lookups (slow time-outs off EC2) and no real account by accident.
    AWS_EC2_METADATA_DISABLED: 'true',
    POWERTOOLS_SERVICE_NAME: process.env.POWERTOOLS_SERVICE_NAME ?? 'client-portal',
    // Per-request info logs would drown the console; errors and warnings still show.
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // EMF lines on every request would drown the console too; the stack still keeps every flushed
    // document for GET /_local/metrics (shared/metrics/metrics.ts, onMetricsPublished).
    METRICS_DISABLED: process.env.METRICS_DISABLED ?? 'true',
  });
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
}
