/**
 * What a dead-letter message of the event pipeline says, by its three shapes (docs/redrive.md):
 * an EventBridge rule target's dead letter is the event itself; a Lambda async on-failure record
 * carries the event as `requestPayload`; the stream mapping's on-failure record carries only
 * `DDBStreamBatchInfo`, the shard and sequence-number range of the records, not the records.
 */
export interface BusEventBody {
  id?: string;
  source: string;
  'detail-type': string;
  detail: unknown;
  resources?: string[];
}

export interface StreamBatchInfo {
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  streamArn: string;
  batchSize?: number;
}

export type DeadLetterContent =
  | { kind: 'event'; event: BusEventBody }
  | { kind: 'stream'; batch: StreamBatchInfo }
  | { kind: 'unknown'; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const asEvent = (v: unknown): BusEventBody | undefined =>
  isObject(v) && typeof v.source === 'string' && typeof v['detail-type'] === 'string' && 'detail' in v
    ? (v as unknown as BusEventBody)
    : undefined;

export function parseDeadLetter(body: string): DeadLetterContent {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { kind: 'unknown', reason: 'the body is not JSON' };
  }
  const direct = asEvent(value);
  if (direct) return { kind: 'event', event: direct };
  if (!isObject(value)) return { kind: 'unknown', reason: 'the body is not an object' };
  const payload = asEvent(value.requestPayload);
  if (payload) return { kind: 'event', event: payload };
  const info = value.DDBStreamBatchInfo;
  if (
    isObject(info) &&
    typeof info.shardId === 'string' &&
    typeof info.startSequenceNumber === 'string' &&
    typeof info.endSequenceNumber === 'string' &&
    typeof info.streamArn === 'string'
  )
    return { kind: 'stream', batch: info as unknown as StreamBatchInfo };
  return { kind: 'unknown', reason: 'neither an event, an async invocation record nor a stream batch' };
}
