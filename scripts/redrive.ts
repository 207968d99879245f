/**
 * `npm run redrive -- <queue> [--stage <stage>] [--local [<app url>]] [--max <n>]`
 *
 * Moves the messages of one dead-letter queue of the event pipeline back where they came from
 * (docs/redrive.md): a rule's queue back onto the bus, the publisher's queue back through the
 * publisher. <queue> is a rule id of shared/events/rules.ts or `publish-stream` (the queue
 * `client-portal-<stage>-<id>-dlq`), or in AWS any queue name or URL. `--local`: the local stack's
 * dead-letter lists instead (default http://localhost:$PORT, else 3000). Exit code 1 when a message
 * was kept.
 */
import { parseArgs } from 'node:util';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { localAwsIdentity } from '../local/aws-identity.ts';
import { localBusName } from '../local/event-bus.ts';
import { deadLetterQueueName, publisherQueueId } from '../shared/events/dead-letter-queues.ts';
import { eventRules } from '../shared/events/rules.ts';
import { redrive } from './redrive/redrive.ts';
import {
  type LetterSource,
  localPublisherList,
  localRuleList,
  localSource,
  queueUrlOf,
  sqsSource,
} from './redrive/sources.ts';
import { redriveTargets, type TargetClients } from './redrive/targets.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    stage: { type: 'string', default: 'dev' },
    local: { type: 'boolean', default: false },
    max: { type: 'string' },
  },
});
const knownIds = [...eventRules.map((r) => r.id), publisherQueueId];
const [queue, appArg] = positionals;
if (!queue) {
  console.error(`usage: npm run redrive -- <queue> [--stage <stage>] [--local [<app url>]] [--max <n>]
  <queue>: ${knownIds.join(', ')}; in AWS also a queue name or URL`);
  process.exit(2);
}
const max = values.max === undefined ? undefined : Number(values.max);
if (max !== undefined && !(Number.isInteger(max) && max > 0))
  throw new Error('--max must be a positive integer');

async function local(): Promise<{ source: LetterSource; clients: TargetClients }> {
  if (!knownIds.includes(queue!)) throw new Error(`Locally, <queue> is one of ${knownIds.join(', ')}`);
  const app = (appArg ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
  const stats = (await (await fetch(`${app}/_local/stream/stats`)).json()) as { dynamodbEndpoint?: string };
  if (!stats.dynamodbEndpoint) throw new Error(`${app} is not a running local stack (npm start)`);
  // The local stack's one identity: DynamoDB Local keeps a database per access key.
  Object.assign(process.env, {
    AWS_REGION: localAwsIdentity.region,
    AWS_ACCESS_KEY_ID: localAwsIdentity.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localAwsIdentity.credentials.secretAccessKey,
  });
  const endpoint = `${app}/_local/eventbridge`;
  return {
    source: localSource(app, queue!, queue === publisherQueueId ? localPublisherList : localRuleList(queue!)),
    clients: {
      busName: localBusName,
      eventBridge: new EventBridgeClient({ ...localAwsIdentity, endpoint }),
      streams: new DynamoDBStreamsClient({ ...localAwsIdentity, endpoint: stats.dynamodbEndpoint }),
      eventBridgeEndpoint: endpoint,
    },
  };
}

async function aws(): Promise<{ source: LetterSource; clients: TargetClients }> {
  const sqs = new SQSClient({});
  const name = knownIds.includes(queue!) ? deadLetterQueueName(values.stage, queue!) : queue!;
  return {
    source: sqsSource(sqs, await queueUrlOf(sqs, name)),
    clients: {
      busName: `client-portal-${values.stage}`,
      eventBridge: new EventBridgeClient({}),
      streams: new DynamoDBStreamsClient({}),
    },
  };
}

const { source, clients } = values.local ? await local() : await aws();
console.log(`redrive: ${source.name} → ${clients.busName}`);
const counts = await redrive(source, redriveTargets(clients), {
  ...(max !== undefined ? { max } : {}),
  log: (line) => console.log(`  ${line}`),
});
console.log(
  `redrive: ${counts.received} received, ${counts.redriven} redriven, ${counts.failed} failed, ${counts.unknown} unknown`,
);
process.exitCode = counts.failed + counts.unknown > 0 ? 1 : 0;
