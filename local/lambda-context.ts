import type { Context } from 'aws-lambda';
import { localAwsIdentity } from './aws-identity.ts';
import { localAwsAccountId } from './api-event.ts';

/** Lambda's own cap for an HTTP API integration is 30 s; the functions' timeouts are shorter. */
export const localFunctionTimeoutMs = 29_000;

/** A Context as the Lambda runtime builds it, so Powertools' injectLambdaContext logs real-looking fields. */
export function lambdaContext(routeId: string, requestId: string, startedAt = Date.now()): Context {
  const functionName = `client-portal-local-${routeId.replaceAll('/', '-')}`;
  const notSupported = () => {
    throw new Error('Legacy Lambda callbacks are not supported; return a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${localAwsIdentity.region}:${localAwsAccountId}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${new Date(startedAt).toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]local`,
    getRemainingTimeInMillis: () => Math.max(0, startedAt + localFunctionTimeoutMs - Date.now()),
    done: notSupported,
    fail: notSupported,
    succeed: notSupported,
  };
}
