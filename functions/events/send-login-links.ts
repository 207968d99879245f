import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { logger } from '#shared/clients/logger';
import { sendLoginLinks } from '#shared/domain/login';
import type { LoginLinksRequested } from '#shared/events/catalog';

/** B7, asynchronous half: the route answered 202 already; failures retry through EventBridge, then its DLQ. */
export const handler = middy<EventBridgeEvent<'LoginLinksRequested', LoginLinksRequested>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    logger.appendKeys({ correlationId: event.id });
    const sent = await sendLoginLinks(event.detail.email);
    logger.info('login links handled', { links: sent });
  });
