import 'aws-sdk-client-mock-vitest/extend';

// Modules read their configuration once at load; unit tests never reach a real endpoint.
process.env.TABLE_NAME ??= 'unit-table';
process.env.EMAIL_FROM ??= 'no-reply@agency.test';
process.env.PORTAL_BASE_URL ??= 'https://portal.agency.test';
process.env.CURSOR_SECRET ??= 'unit-test-cursor-secret-0123456789abcdef';
process.env.AWS_REGION ??= 'us-east-1';
process.env.AWS_ACCESS_KEY_ID ??= 'unit';
process.env.AWS_SECRET_ACCESS_KEY ??= 'unit';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
