import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { eventBridge } from '../clients/eventbridge.ts';
import { envNames, requireEnv } from '../config/env.ts';
import { eventSource } from './catalog.ts';

const busName = requireEnv(envNames.eventBusName);

/** Puts one event on the project's bus; a refused entry is an error, never silently dropped. */
export async function publishEvent(detailType: string, detail: object): Promise<void> {
  const result = await eventBridge.send(
    new PutEventsCommand({
      Entries: [{ EventBusName: busName, Source: eventSource, DetailType: detailType, Detail: JSON.stringify(detail) }],
    }),
  );
  if ((result.FailedEntryCount ?? 0) > 0) {
    const entry = result.Entries?.[0];
    throw new Error(`PutEvents refused ${detailType}: ${entry?.ErrorCode ?? '?'} ${entry?.ErrorMessage ?? ''}`);
  }
}
