import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { envNames, optionalEnv, requireEnv } from '../config/env.ts';
import { sdkRequestHandler } from './http-handler.ts';

export const tableName = requireEnv(envNames.table);

const endpoint = optionalEnv(envNames.dynamoEndpoint);

export const dynamo = new DynamoDBClient({
  requestHandler: sdkRequestHandler(),
  maxAttempts: 3,
  ...(endpoint ? { endpoint } : {}),
});

export const db = DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true },
});
