import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { type BusEventBody, parseDeadLetter, type StreamBatchInfo } from './messages.ts';
import type { Letter, LetterSource } from './sources.ts';

/** Where redriven messages go: the bus, and the stream back through the publisher. */
export interface RedriveTargets {
  busName: string;
  /** One PutEvents call (≤ 10 entries): per entry, whether it was accepted. */
  putEvents(entries: PutEventsRequestEntry[]): Promise<boolean[]>;
  /** The records of a failed batch, read back from the stream (empty: no longer there). */
  readStream(batch: StreamBatchInfo): Promise<DynamoDBRecord[]>;
  /** The stream publisher's own code (shared/events/stream-publisher.ts). */
  publish(records: DynamoDBRecord[]): Promise<DynamoDBBatchResponse>;
}

export interface RedriveCounts {
  /** Messages looked at. */
  received: number;
  /** Put back and then deleted. */
  redriven: number;
  /** Kept in the queue: the redrive failed (the reason is logged). */
  failed: number;
  /** Kept in the queue: not a message this script knows how to redrive. */
  unknown: number;
}

export interface RedriveOptions {
  /** Stop after this many messages (default: until the queue has nothing new). */
  max?: number;
  log?: (line: string) => void;
}

const toEntry = (busName: string, event: BusEventBody): PutEventsRequestEntry => ({
  EventBusName: busName,
  Source: event.source,
  DetailType: event['detail-type'],
  Detail: JSON.stringify(event.detail),
  ...(event.resources?.length ? { Resources: event.resources } : {}),
});

/** PutEvents takes at most 10 entries and 256 KB per call. */
function putChunks<T extends { entry: PutEventsRequestEntry }>(items: T[]): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(item.entry.Detail ?? '') + 200;
    if (current.length === 10 || (current.length > 0 && bytes + size > 250_000)) {
      out.push(current);
      [current, bytes] = [[], 0];
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Moves a dead-letter queue's messages back where they came from: events onto the bus (PutEvents
 * with the original source, detail type and detail), stream batches through the publisher after
 * reading their records back from the stream. A message is deleted only once its redrive
 * succeeded; anything else stays for the next run. Redriving twice is harmless: every handler
 * dedupes on what the event says (docs/redrive.md), and a deleted message is not redriven again.
 */
export async function redrive(
  source: LetterSource,
  targets: RedriveTargets,
  options: RedriveOptions = {},
): Promise<RedriveCounts> {
  const log = options.log ?? (() => {});
  const counts: RedriveCounts = { received: 0, redriven: 0, failed: 0, unknown: 0 };
  const seen = new Set<string>();
  const done = async (letter: Letter) => {
    await source.delete(letter);
    counts.redriven += 1;
  };

  for (;;) {
    const room = options.max === undefined ? Infinity : options.max - counts.received;
    if (room <= 0) break;
    // Messages that failed come back after their visibility timeout: not twice in one run.
    const page = (await source.receive()).filter((l) => !seen.has(l.id)).slice(0, room);
    if (page.length === 0) break;
    counts.received += page.length;
    for (const letter of page) seen.add(letter.id);

    const events: { letter: Letter; entry: PutEventsRequestEntry }[] = [];
    for (const letter of page) {
      const content = parseDeadLetter(letter.body);
      if (content.kind === 'event') events.push({ letter, entry: toEntry(targets.busName, content.event) });
      else if (content.kind === 'stream') {
        try {
          const records = await targets.readStream(content.batch);
          if (records.length === 0)
            throw new Error('its records are no longer in the stream (24-hour retention)');
          const { batchItemFailures } = await targets.publish(records);
          if (batchItemFailures.length > 0)
            throw new Error(
              `the publisher failed on ${batchItemFailures.length} of ${records.length} records`,
            );
          await done(letter);
          log(`redriven ${letter.id}: ${records.length} stream records through the publisher`);
        } catch (error) {
          counts.failed += 1;
          log(`kept ${letter.id}: ${reason(error)}`);
        }
      } else {
        counts.unknown += 1;
        log(`kept ${letter.id}: ${content.reason}`);
      }
    }

    for (const chunk of putChunks(events)) {
      let accepted: boolean[];
      try {
        accepted = await targets.putEvents(chunk.map((e) => e.entry));
      } catch (error) {
        log(`PutEvents failed: ${reason(error)}`);
        accepted = chunk.map(() => false);
      }
      for (const [i, { letter, entry }] of chunk.entries()) {
        if (!accepted[i]) {
          counts.failed += 1;
          log(`kept ${letter.id}: PutEvents refused ${entry.DetailType}`);
          continue;
        }
        try {
          await done(letter);
          log(`redriven ${letter.id}: ${entry.DetailType} back on ${targets.busName}`);
        } catch (error) {
          // On the bus again but still in the queue: a later run puts it once more, which the handlers absorb.
          counts.failed += 1;
          log(`kept ${letter.id}: put back, but the delete failed: ${reason(error)}`);
        }
      }
    }
  }
  return counts;
}
