import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { eventBridge } from '../clients/eventbridge.ts';
import { envNames, requireEnv } from '../config/env.ts';
import { addMetric } from '../metrics/metrics.ts';
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
  const accepted = entries.map((_, i) => !result.Entries?.[i]?.ErrorCode);
  const published = accepted.filter(Boolean).length;
  if (published > 0) addMetric('EventsPublished', published);
  return accepted;
}

/** Puts one event on the project's bus; a refused entry is an error (and an `EventsFailed`). */
export async function publishEvent(detailType: string, detail: object): Promise<void> {
  let accepted: boolean | undefined;
  try {
    [accepted] = await putEntries([toEntry(detailType, detail)]);
  } finally {
    if (!accepted) addMetric('EventsFailed');
  }
  if (!accepted) throw new Error(`PutEvents refused ${detailType}`);
}
