import 'aws-sdk-client-mock-vitest/extend';

// Unit tests are hermetic: vitest's main process may already hold the local stack's environment
// (the integration project's global setup), so every value is set here, never inherited.
Object.assign(process.env, {
  TABLE_NAME: 'unit-table',
  EMAIL_FROM: 'no-reply@agency.test',
  PORTAL_BASE_URL: 'https://portal.agency.test',
  CURSOR_SECRET: 'unit-test-cursor-secret-0123456789abcdef',
  LOGIN_CODE_SECRET: 'unit-test-login-code-secret-0123456789abcdef',
  ORIGIN_SECRET: 'unit-test-origin-secret-0123456789abcdef',
  EVENT_BUS_NAME: 'unit-bus',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'unit',
  AWS_SECRET_ACCESS_KEY: 'unit',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  // Tests hear the metrics through onMetricsPublished (test/support/metrics.ts), not on stdout.
  METRICS_DISABLED: 'true',
});
for (const localOnly of [
  'DYNAMODB_ENDPOINT',
  'SES_ENDPOINT',
  'EVENTBRIDGE_ENDPOINT',
  'SES_CONFIGURATION_SET',
  'CURSOR_SECRET_ARN',
  'LOGIN_CODE_SECRET_ARN',
  'ORIGIN_SECRET_ARN',
])
  delete process.env[localOnly];
