import { BatchGetCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../../shared/data/keys.ts';
import { readContact } from '../../shared/domain/contacts.ts';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());

const accountId = 'acc-1';
const contactId = '01JCONTACT0000000000000000';
const contact = {
  ...keys.contact(accountId, contactId),
  id: contactId,
  firstName: 'Ada',
  lastName: 'L',
  email: 'ada@client.test',
  phone: null,
  organizationId: '01JORG000000000000000000000',
  accessVersion: 1,
  rev: 2,
  portalUser: { id: 'pu1', status: 'active', accessVersion: 1, email: 'ada@client.test' },
};

function tableHolds(organizationExists: boolean) {
  ddb.on(BatchGetCommand).resolves({
    Responses: { 'unit-table': [contact, { ...keys.account(accountId), portalEnabled: true }] },
  });
  ddb
    .on(GetCommand)
    .resolves(organizationExists ? { Item: { id: contact.organizationId, name: 'Acme' } } : {});
}

describe('B15 B19 between deleting an organization and the cascade reaching its contacts', () => {
  it('B19 the contact already reads deactivated (organization_deleted) and cannot be invited', async () => {
    tableHolds(false);
    const view = await readContact(accountId, contactId);
    expect(view.portal).toEqual({
      status: 'deactivated',
      deactivatedCause: 'organization_deleted',
      eligible: false,
      reasons: ['no_organization'],
    });
  });

  it('while the organization exists the contact is active, at the cost of one more read only for portal users', async () => {
    tableHolds(true);
    expect((await readContact(accountId, contactId)).portal.status).toBe('active');
    expect(ddb.commandCalls(GetCommand)).toHaveLength(1);
    ddb.reset();
    ddb.on(BatchGetCommand).resolves({
      Responses: {
        'unit-table': [
          { ...contact, portalUser: undefined },
          { ...keys.account(accountId), portalEnabled: true },
        ],
      },
    });
    await readContact(accountId, contactId);
    expect(ddb.commandCalls(GetCommand)).toHaveLength(0);
  });
});
