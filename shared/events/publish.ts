import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { eventBridge } from '../clients/eventbridge.ts';
import { envNames, requireEnv } from '../config/env.ts';
import { eventSource } from './catalog.ts';

// Read once, at first use, like the other per-access settings.
let bus: string | undefined;
const busName = () => (bus ??= requireEnv(envNames.eventBusName));

export const toEntry = (detailType: string, detail: object): PutEventsRequestEntry => ({
  EventBusName: busName(),
  Source: eventSource,
  DetailType: detailType,
  Detail: JSON.stringify(detail),
});

/**
 * One PutEvents call (≤ 10 entries). Answers, per entry, whether it was accepted: entries can
 * fail inside a successful call (FailedEntryCount > 0), and those must be retried, never dropped.
 */
export async function putEntries(entries: PutEventsRequestEntry[]): Promise<boolean[]> {
  const result = await eventBridge().send(new PutEventsCommand({ Entries: entries }));
  return entries.map((_, i) => !result.Entries?.[i]?.ErrorCode);
}

/** Puts one event on the project's bus; a refused entry is an error. */
export async function publishEvent(detailType: string, detail: object): Promise<void> {
  const [accepted] = await putEntries([toEntry(detailType, detail)]);
  if (!accepted) throw new Error(`PutEvents refused ${detailType}`);
}
