import type { Context } from 'aws-lambda';
import { routeTimeoutSeconds } from '../shared/config/timeouts.ts';
import { localAwsIdentity } from './aws-identity.ts';
import { localAwsAccountId } from './api-event.ts';

/** A route function's timeout, as CDK sets it (shared/config/timeouts.ts). */
export const localFunctionTimeoutMs = routeTimeoutSeconds * 1000;

/**
 * A Context as the Lambda runtime builds it, so Powertools' injectLambdaContext logs real-looking
 * fields, with the function's own time limit: `getRemainingTimeInMillis()` counts down from it.
 */
export function lambdaContext(
  handlerId: string,
  requestId: string,
  timeoutMs = localFunctionTimeoutMs,
  startedAt = Date.now(),
): Context {
  const functionName = `client-portal-local-${handlerId.replaceAll('/', '-')}`;
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
    getRemainingTimeInMillis: () => Math.max(0, startedAt + timeoutMs - Date.now()),
    done: notSupported,
    fail: notSupported,
    succeed: notSupported,
  };
}

/** What Lambda reports when a function runs past its timeout. */
export class FunctionTimedOut extends Error {
  constructor(
    readonly handlerId: string,
    readonly timeoutMs: number,
  ) {
    super(`timed out after ${timeoutMs} ms`);
    this.name = 'FunctionTimedOut';
  }
}

/**
 * One invocation under the function's time limit: past it, the invocation fails as Lambda's would
 * (the handler cannot be stopped in-process, but nothing waits for it any more).
 */
export async function invokeWithTimeout<T>(
  handlerId: string,
  requestId: string,
  timeoutMs: number,
  run: (context: Context) => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // Unref'd: a handler still hanging when the stack stops must not keep the process alive.
    timer = setTimeout(() => reject(new FunctionTimedOut(handlerId, timeoutMs)), timeoutMs).unref();
  });
  return Promise.race([run(lambdaContext(handlerId, requestId, timeoutMs)), timeout]).finally(() =>
    clearTimeout(timer),
  );
}
