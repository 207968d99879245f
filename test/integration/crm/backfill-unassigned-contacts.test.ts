import { randomBytes } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../../local/table.ts';
import { backfillUnassignedContacts } from '../../../scripts/backfill/unassigned-contacts.ts';
import { itemTypes } from '../../../shared/data/items.ts';
import { keys } from '../../../shared/data/keys.ts';
import { stackInfo } from '../../support/api.ts';

/**
 * `npm run backfill:unassigned-contacts`: contacts without an organization stored before
 * `GET /crm/contacts?organization=none` existed had no entry in its index list (GSI1). The backfill
 * Scans, so it runs on a table of its own (made from the one table definition), not on the shared
 * test table that other files fill with thousands of items meanwhile.
 */
const info = stackInfo();
const base = new DynamoDBClient({
  endpoint: info.dynamodbEndpoint,
  region: info.region,
  credentials: info.credentials,
});
const db = DynamoDBDocumentClient.from(base);
const table = `backfill-${randomBytes(4).toString('hex')}`;
const accountId = 'acme';
const orgId = '01ORG0000000000000000000AA';

/** A contact item as `contactItem` writes it today, or (`before`) as it was stored before the list. */
function contact(id: string, organizationId: string | null, before = false) {
  const list = organizationId
    ? keys.contactsOfOrganization(accountId, organizationId)
    : keys.contactsWithoutOrganization(accountId);
  return {
    ...keys.contact(accountId, id),
    ...(before && !organizationId ? {} : { ...list, GSI1SK: id }),
    type: itemTypes.contact,
    id,
    firstName: id,
    lastName: 'Tester',
    email: null,
    phone: null,
    organizationId,
    accessVersion: 1,
    rev: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const gsi1 = async (GSI1PK: string) =>
  (
    await db.send(
      new QueryCommand({
        TableName: table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': GSI1PK },
      }),
    )
  ).Items ?? [];
const ids = (items: Record<string, unknown>[]) => items.map((item) => item.id);

beforeAll(async () => {
  await ensureTable(base, table);
  const items = [
    contact('alan', null, true), // stored before the list existed
    contact('grace', null), // written since: already listed
    contact('ada', orgId), // in an organization
    {
      ...keys.organization(accountId, orgId),
      GSI1PK: keys.organizationList(accountId).GSI1PK,
      GSI1SK: orgId,
    },
    { ...keys.account(accountId), type: itemTypes.account },
  ];
  await db.send(
    new BatchWriteCommand({ RequestItems: { [table]: items.map((Item) => ({ PutRequest: { Item } })) } }),
  );
});
afterAll(() => base.send(new DeleteTableCommand({ TableName: table })));

describe('backfill of the contacts without an organization', () => {
  it('B9 lists an older contact without an organization, leaves the others alone, and adds nothing the second time', async () => {
    const noOrganization = keys.contactsWithoutOrganization(accountId).GSI1PK;
    expect(ids(await gsi1(noOrganization))).toEqual(['grace']);

    const lines: string[] = [];
    const first = await backfillUnassignedContacts(db, table, (line) => lines.push(line));
    expect(first).toEqual({ scanned: 5, added: 1, skipped: 0, pages: 1 });
    expect(lines).toEqual([`added ${accountId} alan`]);

    const listed = await gsi1(noOrganization);
    expect(ids(listed)).toEqual(['alan', 'grace']);
    // Only the index attributes were added: the contact is otherwise as it was stored.
    expect(listed[0]).toEqual({ ...contact('alan', null), GSI1PK: noOrganization, GSI1SK: 'alan' });
    expect(ids(await gsi1(keys.contactsOfOrganization(accountId, orgId).GSI1PK))).toEqual(['ada']);

    expect(await backfillUnassignedContacts(db, table)).toEqual({
      scanned: 5,
      added: 0,
      skipped: 0,
      pages: 1,
    });
  });

  it('skips a contact given an organization between the Scan and its update', async () => {
    await db.send(new PutCommand({ TableName: table, Item: contact('linus', null, true) }));
    // The recruiter assigns Linus just before the backfill's update reaches him.
    let assigned = false;
    const racing = {
      send: async (command: Parameters<typeof db.send>[0]) => {
        if (command instanceof UpdateCommand && !assigned) {
          assigned = true;
          await db.send(new PutCommand({ TableName: table, Item: contact('linus', orgId) }));
        }
        return db.send(command as never);
      },
    } as unknown as DynamoDBDocumentClient;

    expect(await backfillUnassignedContacts(racing, table)).toMatchObject({ added: 0, skipped: 1 });
    expect(ids(await gsi1(keys.contactsWithoutOrganization(accountId).GSI1PK))).toEqual(['alan', 'grace']);
    expect(ids(await gsi1(keys.contactsOfOrganization(accountId, orgId).GSI1PK))).toEqual(['ada', 'linus']);
  });
});
