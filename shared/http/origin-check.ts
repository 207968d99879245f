import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../clients/logger.ts';
import { forbidden } from '../domain/errors.ts';
import type { OriginSecrets } from './origin-secrets.ts';

/**
 * The header CloudFront adds to every request it forwards to the HTTP API (an origin custom
 * header, which replaces any copy a viewer sends). The API's own endpoint is public, and an HTTP
 * API has neither a resource policy nor WAF, so this is how a function knows that a request came
 * through the portal's one origin. Locally the gateway adds it, as CloudFront would.
 */
export const originHeader = 'x-origin-verify';

/**
 * First check of every API function, before any route code (CSRF guard, session, parsing) runs:
 * a request without the right header is refused with 403 and touches nothing.
 */
export const originCheck = (
  secrets: OriginSecrets,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  before: async (request) => {
    const value = request.event.headers?.[originHeader];
    if (value !== undefined && value !== '' && (await secrets.accepts(value))) return;
    // The value is never logged: a wrong one may be a near miss of the real secret.
    logger.warn('refused a request that did not come through the portal origin', {
      originHeader: value === undefined ? 'missing' : 'wrong',
    });
    throw forbidden('forbidden', "Call this API through the portal's own address.");
  },
});
