import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../clients/dynamodb.ts';
import { isConditionFailure } from './dynamo-errors.ts';
import { itemTypes, withoutKeys, type Item } from './items.ts';
import { keys } from './keys.ts';
import { gsi1Page, type PageRequest } from './paging.ts';

export interface Candidate {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  headline: string | null;
  summary: string | null;
  createdAt: string;
}

const candidateFromItem = (item: Item) => withoutKeys<Candidate>(item);

export async function putCandidate(accountId: string, candidate: Candidate): Promise<void> {
  await db.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.candidate(accountId, candidate.id),
        ...keys.candidateList(accountId),
        GSI1SK: candidate.id,
        type: itemTypes.candidate,
        ...candidate,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export async function getCandidate(accountId: string, candidateId: string): Promise<Candidate | undefined> {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: keys.candidate(accountId, candidateId) }),
  );
  return Item ? candidateFromItem(Item) : undefined;
}

/** Its submissions leave every pipeline asynchronously (B18). */
export async function deleteCandidate(accountId: string, candidateId: string): Promise<boolean> {
  try {
    await db.send(
      new DeleteCommand({
        TableName: tableName,
        Key: keys.candidate(accountId, candidateId),
        ConditionExpression: 'attribute_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function listCandidates(accountId: string, page: PageRequest) {
  const result = await gsi1Page(keys.candidateList(accountId).GSI1PK, page);
  return { items: result.items.map(candidateFromItem), nextCursor: result.nextCursor };
}
