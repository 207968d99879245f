import { BatchGetCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../../shared/data/keys.ts';
import { inviteContact } from '../../shared/domain/invitations.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);
const accountId = 'acc-1';
const contactId = '01JCONTACT0000000000000000';
const orgId = '01JORG000000000000000000000';

afterEach(() => {
  ddb.reset();
  ses.reset();
});

describe('B4 when SES refuses the invitation e-mail', () => {
  it('answers 502 email_failed and withdraws the invitation it wrote', async () => {
    // Prepare
    ddb.on(BatchGetCommand).resolves({
      Responses: {
        'unit-table': [
          { ...keys.account(accountId), portalEnabled: true, portalName: 'Northwind' },
          {
            ...keys.contact(accountId, contactId),
            id: contactId,
            firstName: 'Ada',
            lastName: 'L',
            email: 'ada@client.test',
            phone: null,
            organizationId: orgId,
            accessVersion: 1,
            rev: 4,
          },
        ],
      },
    });
    ddb
      .on(GetCommand)
      .resolves({ Item: { ...keys.organization(accountId, orgId), id: orgId, name: 'Acme' } });
    ddb.on(TransactWriteCommand).resolves({});
    ses
      .on(SendEmailCommand)
      .rejects(Object.assign(new Error('Email address is not verified'), { name: 'MessageRejected' }));

    // Act
    const error = await inviteContact(
      { accountId, email: 'r@agency.test', role: 'recruiter' },
      contactId,
    ).catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ kind: 'upstream', code: 'email_failed' });
    const writes = ddb.commandCalls(TransactWriteCommand);
    expect(writes).toHaveLength(2);
    const stored = writes[0]?.args[0].input.TransactItems ?? [];
    const tokenPut = stored.find((i) => String(i.Put?.Item?.PK).startsWith('INVITE#'));
    const withdraw = writes[1]?.args[0].input.TransactItems ?? [];
    expect(withdraw[0]?.Update?.UpdateExpression).toContain('REMOVE invitation');
    expect(withdraw[0]?.Update?.ExpressionAttributeValues?.[':hash']).toBe(
      String(tokenPut?.Put?.Item?.PK).slice('INVITE#'.length),
    );
    expect(withdraw[1]?.Delete?.Key).toEqual(
      tokenPut?.Put?.Item && { PK: tokenPut.Put.Item.PK, SK: '#INVITE' },
    );
  });
});
