import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { logger } from '../clients/logger.ts';
import { addMetric } from '../metrics/metrics.ts';
import { eventsFromRecord } from './from-stream.ts';
import { putEntries, toEntry } from './publish.ts';

/** PutEvents takes at most 10 entries and 256 KB per call. */
const maxEntries = 10;
const maxBytes = 250_000;
const entryRetries = 3;

interface Pending {
  recordIndex: number;
  entry: ReturnType<typeof toEntry>;
}

function chunks(pending: Pending[]): Pending[][] {
  const out: Pending[][] = [];
  let current: Pending[] = [];
  let bytes = 0;
  for (const p of pending) {
    const size = Buffer.byteLength(p.entry.Detail ?? '') + 200;
    if (current.length === maxEntries || (current.length > 0 && bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(p);
    bytes += size;
  }
  if (current.length) out.push(current);
  return out;
}

/** Sends one chunk, retrying only the entries that failed; answers the entries still failing. */
async function sendChunk(chunk: Pending[], pause: (ms: number) => Promise<void>): Promise<Pending[]> {
  let remaining = chunk;
  for (let attempt = 0; attempt <= entryRetries && remaining.length; attempt++) {
    if (attempt > 0) await pause(50 * 2 ** attempt);
    try {
      const accepted = await putEntries(remaining.map((p) => p.entry));
      remaining = remaining.filter((_, i) => !accepted[i]);
    } catch (error) {
      logger.warn('PutEvents failed; retrying', { error, attempt });
    }
  }
  return remaining;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Stream records → domain events → the bus, in record order. At the first record whose events
 * cannot be put after retries, that record and every later one are reported as batch item
 * failures: Lambda retries from there (bisecting, then the on-failure queue), so per-item order is
 * kept and no event is dropped. Events already put may be put again; every handler is idempotent.
 */
export async function publishStreamRecords(
  records: DynamoDBRecord[],
  pause = sleep,
): Promise<DynamoDBBatchResponse> {
  const pending: Pending[] = [];
  let firstFailed = records.length;
  for (const [recordIndex, record] of records.entries()) {
    try {
      for (const event of eventsFromRecord(record))
        pending.push({ recordIndex, entry: toEntry(event.detailType, event.detail) });
    } catch (error) {
      // A poison record: it and everything after it go back to the event source mapping, which
      // bisects down to it and finally sends it to the on-failure queue.
      logger.error('stream record could not be turned into events', {
        error,
        sequenceNumber: record.dynamodb?.SequenceNumber,
      });
      firstFailed = recordIndex;
      break;
    }
  }
  for (const chunk of chunks(pending.filter((p) => p.recordIndex < firstFailed))) {
    if ((chunk[0]?.recordIndex ?? 0) >= firstFailed) break;
    const failed = await sendChunk(chunk, pause);
    // Only what is still refused after the retries: those records go back to the event source mapping.
    if (failed.length > 0) addMetric('EventsFailed', failed.length);
    for (const f of failed) firstFailed = Math.min(firstFailed, f.recordIndex);
  }
  const batchItemFailures = records
    .slice(firstFailed)
    .map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' }))
    .filter((f) => f.itemIdentifier);
  if (batchItemFailures.length)
    logger.error('stream records left for retry', { count: batchItemFailures.length });
  return { batchItemFailures };
}
