import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '#shared/clients/logger';
import { publishStreamRecords } from '#shared/events/stream-publisher';
import { flushMetrics } from '#shared/metrics/flush';

/** The table's stream → domain events on the project's bus (ReportBatchItemFailures on the mapping). */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    try {
      return await publishStreamRecords(event.Records);
    } finally {
      flushMetrics();
    }
  });
