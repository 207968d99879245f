import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { envNames } from '../../shared/config/env.ts';
import type { publishStreamRecords as PublishStreamRecords } from '../../shared/events/stream-publisher.ts';
import type { RedriveTargets } from './redrive.ts';

import { readBatchRecords } from './stream-reader.ts';

export interface TargetClients {
  busName: string;
  eventBridge: EventBridgeClient;
  streams: DynamoDBStreamsClient;
  /** Where the publisher's own client sends PutEvents (the local bus); unset: EventBridge itself. */
  eventBridgeEndpoint?: string;
}

/**
 * The bus and the publisher as the pipeline has them. The publisher is its own module
 * (shared/events/stream-publisher.ts), run here: it reads the bus name (and the local endpoint)
 * from the environment at its first PutEvents, so both are set before it is imported.
 */
export function redriveTargets(clients: TargetClients): RedriveTargets {
  let publisher: Promise<{ publishStreamRecords: typeof PublishStreamRecords }> | undefined;
  const loadPublisher = () => {
    process.env[envNames.eventBusName] = clients.busName;
    if (clients.eventBridgeEndpoint) process.env[envNames.eventBridgeEndpoint] = clients.eventBridgeEndpoint;
    return (publisher ??= import('../../shared/events/stream-publisher.ts'));
  };
  return {
    busName: clients.busName,
    async putEvents(entries) {
      const result = await clients.eventBridge.send(new PutEventsCommand({ Entries: entries }));
      return entries.map((_, i) => Boolean(result.Entries?.[i]?.EventId) && !result.Entries?.[i]?.ErrorCode);
    },
    readStream: (batch) => readBatchRecords(clients.streams, batch),
    async publish(records) {
      const { publishStreamRecords } = await loadPublisher();
      return publishStreamRecords(records);
    },
  };
}
