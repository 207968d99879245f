import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { envNames, optionalEnv, requireEnv } from '../config/env.ts';
import { sdkRequestHandler } from './http-handler.ts';
import { sdkBudget } from './sdk-budget.ts';
import { retryTransactionConflicts } from './transaction-conflicts.ts';

export const tableName = requireEnv(envNames.table);

const endpoint = optionalEnv(envNames.dynamoEndpoint);

export const dynamo = new DynamoDBClient({
  requestHandler: sdkRequestHandler(),
  maxAttempts: sdkBudget.maxAttempts,
  ...(endpoint ? { endpoint } : {}),
});

// Before the SDK's own retries (which leave cancelled transactions alone): one place for every write.
dynamo.middlewareStack.add(retryTransactionConflicts(), {
  step: 'initialize',
  name: 'retryTransactionConflicts',
});

export const db = DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true },
});
