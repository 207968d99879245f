import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { logger } from '../clients/logger.ts';
import { flushMetrics } from '../metrics/flush.ts';

/**
 * An EventBridge rule target: logger with the event id as correlation id, then the domain action.
 * A thrown error fails the invocation, which EventBridge retries (retry policy) and then parks in
 * the rule's dead-letter queue; the function's own async on-failure destination catches the rest.
 * What the handler counted is flushed as the invocation ends, either way.
 */
export function eventHandler<T>(
  fn: (detail: T, event: EventBridgeEvent<string, T>, context: Context) => Promise<unknown>,
) {
  return middy<EventBridgeEvent<string, T>, void, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event, context) => {
      logger.appendKeys({ correlationId: event.id, detailType: event['detail-type'] });
      try {
        const outcome = await fn(event.detail, event, context);
        logger.info('event handled', { outcome });
      } finally {
        flushMetrics();
      }
    });
}
