import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '#shared/clients/logger';
import { publishStreamRecords } from '#shared/events/stream-publisher';

/** The table's stream → domain events on the project's bus (ReportBatchItemFailures on the mapping). */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => publishStreamRecords(event.Records));
