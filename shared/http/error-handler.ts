import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../clients/logger.ts';
import { DomainError } from '../domain/errors.ts';
import { errorBody, statusOfKind } from './error-body.ts';
import { baseHeaders } from './responses.ts';

/** The one place where domain errors become HTTP answers; anything else is a logged 500. */
export const errorHandler = (): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  onError: async (request) => {
    const error = request.error;
    if (error instanceof DomainError) {
      const headers: Record<string, string> = { ...baseHeaders };
      if (error.kind === 'rate_limited' && typeof error.details === 'object' && error.details !== null) {
        const retryAfter = (error.details as { retryAfterSeconds?: number }).retryAfterSeconds;
        if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
      }
      if (error.kind === 'upstream') logger.error('upstream failure', { code: error.code, error });
      request.response = {
        statusCode: statusOfKind[error.kind],
        headers,
        body: JSON.stringify(errorBody(error.code, error.message, error.details)),
      };
      return;
    }
    logger.error('unhandled error', { error });
    request.response = {
      statusCode: 500,
      headers: { ...baseHeaders },
      body: JSON.stringify(errorBody('internal_error', 'Something went wrong on our side.')),
    };
  },
});
