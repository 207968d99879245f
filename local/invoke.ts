import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { routeKey, type Route } from '../shared/api/routes.ts';
import { MissingHandlerError, type HandlerLoader } from './handler-loader.ts';
import { lambdaContext, localFunctionTimeoutMs } from './lambda-context.ts';
import { answerFromResult, gatewayError, internalServerError, type HttpAnswer } from './lambda-result.ts';

const timedOut = Symbol('timed out');

/**
 * One Lambda invocation as the gateway experiences it: a handler that is missing, throws or returns
 * garbage is the gateway's 500 (logged here, as CloudWatch would have it); one that runs past the
 * integration timeout is a 503.
 */
export async function invokeHandler(
  load: HandlerLoader,
  route: Route,
  event: APIGatewayProxyEventV2,
  requestId: string,
  timeoutMs = localFunctionTimeoutMs,
): Promise<HttpAnswer> {
  const key = routeKey(route);
  try {
    const handler = await load(route.id);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<typeof timedOut>((resolve) => {
      timer = setTimeout(() => resolve(timedOut), timeoutMs);
    });
    const result = await Promise.race([handler(event, lambdaContext(route.id, requestId)), timeout]).finally(
      () => clearTimeout(timer),
    );
    if (result === timedOut) {
      console.error(`local: ${key} (functions/${route.id}.ts) timed out after ${timeoutMs} ms`);
      return gatewayError(503, 'Service Unavailable');
    }
    return answerFromResult(result);
  } catch (error) {
    if (error instanceof MissingHandlerError)
      console.error(`local: ${key}: ${error.message}; the gateway answers 500`);
    else console.error(`local: ${key} (functions/${route.id}.ts) failed; the gateway answers 500`, error);
    return internalServerError();
  }
}
