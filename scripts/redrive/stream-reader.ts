import {
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { toLambdaRecord } from '../../local/stream-record.ts';
import type { StreamBatchInfo } from './messages.ts';

/** Empty pages in a row before an open shard counts as read to its end. */
const emptyPagesToStop = 3;

/**
 * The records of a failed batch, read back from the stream: an iterator AT_SEQUENCE_NUMBER the
 * batch's first record, then GetRecords until past its last one. Records of the range that the
 * mapping's filter dropped come along; the publisher makes no event of them, as it would not.
 * Sequence numbers compare as integers (they are decimal strings of growing length).
 */
export async function readBatchRecords(
  streams: DynamoDBStreamsClient,
  batch: StreamBatchInfo,
): Promise<DynamoDBRecord[]> {
  const end = BigInt(batch.endSequenceNumber);
  const { ShardIterator } = await streams.send(
    new GetShardIteratorCommand({
      StreamArn: batch.streamArn,
      ShardId: batch.shardId,
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      SequenceNumber: batch.startSequenceNumber,
    }),
  );
  const out: DynamoDBRecord[] = [];
  let iterator = ShardIterator;
  let empty = 0;
  while (iterator && empty < emptyPagesToStop) {
    const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
    const records = page.Records ?? [];
    empty = records.length === 0 ? empty + 1 : 0;
    for (const record of records) {
      const sequence = record.dynamodb?.SequenceNumber;
      if (sequence === undefined) continue;
      if (BigInt(sequence) > end) return out;
      out.push(toLambdaRecord(record, batch.streamArn));
    }
    iterator = page.NextShardIterator;
  }
  return out;
}
