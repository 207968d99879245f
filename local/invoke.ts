import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { routeKey, type Route } from '../shared/api/routes.ts';
import { MissingHandlerError, type HandlerLoader } from './handler-loader.ts';
import { FunctionTimedOut, invokeWithTimeout, localFunctionTimeoutMs } from './lambda-context.ts';
import { answerFromResult, gatewayError, internalServerError, type HttpAnswer } from './lambda-result.ts';

/**
 * One Lambda invocation as the gateway experiences it: a handler that is missing, throws or returns
 * garbage is the gateway's 500 (logged here, as CloudWatch would have it); one that runs past its
 * function's timeout (a route's, shared/config/timeouts.ts) is a 503.
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
    const result = await invokeWithTimeout(route.id, requestId, timeoutMs, (context) =>
      Promise.resolve(handler(event, context)),
    );
    return answerFromResult(result);
  } catch (error) {
    if (error instanceof FunctionTimedOut) {
      console.error(`local: ${key} (functions/${route.id}.ts) timed out after ${timeoutMs} ms`);
      return gatewayError(503, 'Service Unavailable');
    }
    if (error instanceof MissingHandlerError)
      console.error(`local: ${key}: ${error.message}; the gateway answers 500`);
    else console.error(`local: ${key} (functions/${route.id}.ts) failed; the gateway answers 500`, error);
    return internalServerError();
  }
}
