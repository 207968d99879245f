import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

let sequence = 1000;

/** A stream record as Lambda delivers it (DynamoDB JSON images). */
export function streamRecord(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  images: { old?: Record<string, unknown>; new?: Record<string, unknown> },
  extra: Partial<DynamoDBRecord> = {},
): DynamoDBRecord {
  const item = images.new ?? images.old ?? {};
  sequence++;
  return {
    eventID: `ev-${sequence}`,
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      ApproximateCreationDateTime: 1_790_000_000,
      Keys: marshall({ PK: item.PK, SK: item.SK }) as never,
      ...(images.old ? { OldImage: marshall(images.old, { removeUndefinedValues: true }) as never } : {}),
      ...(images.new ? { NewImage: marshall(images.new, { removeUndefinedValues: true }) as never } : {}),
      SequenceNumber: String(sequence),
      SizeBytes: 100,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    ...extra,
  };
}

export const contactItem = (over: Record<string, unknown> = {}) => ({
  PK: 'A#acc-1#C#c1',
  SK: '#CONTACT',
  type: 'contact',
  id: 'c1',
  firstName: 'Ada',
  lastName: 'L',
  email: 'ada@client.test',
  organizationId: 'o1',
  accessVersion: 1,
  rev: 3,
  portalUser: { id: 'pu1', status: 'active', accessVersion: 1, email: 'ada@client.test' },
  ...over,
});

export const organizationItem = {
  PK: 'A#acc-1#O#o1',
  SK: '#ORG',
  type: 'organization',
  id: 'o1',
  name: 'Acme',
};
