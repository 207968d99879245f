import type { _Record, AttributeValue as SdkValue } from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord, StreamRecord } from 'aws-lambda';
import { localAwsIdentity } from './aws-identity.ts';

type SdkImage = Record<string, SdkValue>;
type Image = Record<string, AttributeValue>;

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * Lambda hands the function the wire JSON, where binary is base64; the SDK has already decoded it
 * into Uint8Array, so B and BS (at any depth) go back to base64. Everything else is JSON as is.
 */
function jsonValue(value: SdkValue): AttributeValue {
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.M !== undefined) return { M: jsonImage(value.M) };
  if (value.L !== undefined) return { L: value.L.map(jsonValue) };
  return value as unknown as AttributeValue;
}

const jsonImage = (image: SdkImage): Image =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, jsonValue(value)]));

const optionalImage = (field: 'Keys' | 'NewImage' | 'OldImage', image: SdkImage | undefined) =>
  image ? { [field]: jsonImage(image) } : {};

/**
 * One GetRecords record → the `DynamoDBRecord` a Lambda event source mapping delivers: the
 * creation time in epoch seconds (the SDK parses it into a Date), the stream ARN as the event
 * source, lower-case `userIdentity` only on service deletions (TTL). The region is the one every
 * local client uses: DynamoDB Local writes its own placeholder (`ddblocal`), which no handler
 * would ever see in AWS.
 */
export function toLambdaRecord(record: _Record, streamArn: string): DynamoDBRecord {
  const stream = record.dynamodb ?? {};
  const created = stream.ApproximateCreationDateTime;
  const dynamodb: StreamRecord = {
    ...(created ? { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) } : {}),
    ...optionalImage('Keys', stream.Keys),
    ...optionalImage('NewImage', stream.NewImage),
    ...optionalImage('OldImage', stream.OldImage),
    ...(stream.SequenceNumber !== undefined ? { SequenceNumber: stream.SequenceNumber } : {}),
    ...(stream.SizeBytes !== undefined ? { SizeBytes: stream.SizeBytes } : {}),
    ...(stream.StreamViewType !== undefined ? { StreamViewType: stream.StreamViewType } : {}),
  };
  const identity = record.userIdentity;
  return {
    ...(record.eventID !== undefined ? { eventID: record.eventID } : {}),
    ...(record.eventName !== undefined ? { eventName: record.eventName } : {}),
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: localAwsIdentity.region,
    eventSourceARN: streamArn,
    dynamodb,
    ...(identity ? { userIdentity: { type: identity.Type, principalId: identity.PrincipalId } } : {}),
  };
}

/** A short label for logs and the local views: the keys, as plain strings where they are. */
export function recordLabel(record: DynamoDBRecord): string {
  const keys = record.dynamodb?.Keys ?? {};
  const parts = Object.keys(keys)
    .sort()
    .map((name) => `${name}=${keys[name]?.S ?? keys[name]?.N ?? JSON.stringify(keys[name])}`);
  return `${record.eventName ?? '?'} ${parts.join(' ')} (#${record.dynamodb?.SequenceNumber ?? '?'})`;
}
