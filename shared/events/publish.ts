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

/** A refused entry is put again this often, after 50, 100, 200 ms: well inside any caller's timeout. */
const entryRetries = 3;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Puts one event on the project's bus. EventBridge refuses single entries of a successful call
 * on passing trouble (InternalFailure, ThrottlingException) and the SDK does not retry those, so
 * a refused entry is put again; one still refused after that is an error (and one `EventsFailed`).
 */
export async function publishEvent(detailType: string, detail: object, pause = sleep): Promise<void> {
  const entry = toEntry(detailType, detail);
  for (let attempt = 0; ; attempt++) {
    let accepted: boolean | undefined;
    try {
      [accepted] = await putEntries([entry]);
    } finally {
      // Counted once, when the event is given up: on the last refusal, or when the call itself fails.
      if (!accepted && (attempt >= entryRetries || accepted === undefined)) addMetric('EventsFailed');
    }
    if (accepted) return;
    if (attempt >= entryRetries) throw new Error(`PutEvents refused ${detailType} ${attempt + 1} times`);
    await pause(50 * 2 ** attempt);
  }
}
