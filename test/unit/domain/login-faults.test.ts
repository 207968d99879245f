import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../shared/data/keys.ts';
import { logIn, logInWithCode } from '../../../shared/domain/login.ts';
import { loginCodeHash } from '../../../shared/domain/login-codes.ts';
import { hashToken } from '../../../shared/util/tokens.ts';
import { fakeSecretsExtension } from '../../support/fake-secrets-extension.ts';

/** B24 faults a real engine cannot make on demand: a failing key read, a mixed cancellation. */
const ddb = mockClient(DynamoDBDocumentClient);
let extension: Awaited<ReturnType<typeof fakeSecretsExtension>>;
beforeAll(async () => (extension = await fakeSecretsExtension()));
afterAll(async () => extension?.close());
const localKey = process.env.LOGIN_CODE_SECRET as string;
afterEach(() => {
  ddb.reset();
  extension.reset();
  process.env.LOGIN_CODE_SECRET = localKey;
  delete process.env.LOGIN_CODE_SECRET_ARN;
});

const loginRequestId = 'R'.repeat(43);
const requestIdHash = hashToken(loginRequestId);
const code = '042917';
const ids = {
  accountId: 'acc-1',
  organizationId: '01JORG000000000000000000000',
  contactId: '01JCONTACT0000000000000000',
  portalUserId: 'pu1',
  accessVersion: 1,
};
const requestStamp = `2026-01-01T00:00:00.000Z#${requestIdHash}`;

/** A login request with one right code (as the counting UpdateItem returns it) and what it logs into. */
function tableHoldsALogin() {
  const now = Date.now();
  ddb.on(UpdateCommand).resolves({
    Attributes: {
      ...keys.loginRequest(requestIdHash),
      emailHash: 'e'.repeat(64),
      requestStamp,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 15 * 60_000).toISOString(),
      attempts: 1,
      codes: [{ ...ids, codeHash: loginCodeHash(localKey, requestIdHash, code), linkHash: 'l'.repeat(64) }],
    },
  });
  ddb.on(BatchGetCommand).resolves({
    Responses: {
      'unit-table': [
        {
          ...keys.contact(ids.accountId, ids.contactId),
          id: ids.contactId,
          email: 'ada@client.test',
          organizationId: ids.organizationId,
          accessVersion: 1,
          portalUser: { id: ids.portalUserId, status: 'active', accessVersion: 1, email: 'ada@client.test' },
        },
        { ...keys.organization(ids.accountId, ids.organizationId), id: ids.organizationId, name: 'Acme' },
        { ...keys.account(ids.accountId), portalEnabled: true, portalName: 'Northwind' },
        { ...keys.newestLoginRequest('e'.repeat(64)), requestStamp },
      ],
    },
  });
}

/** The login transaction's steps: Delete LOGIN#, 3 ConditionChecks, 2 Puts; one collided, one failed. */
const mixedCancellation = () =>
  new TransactionCanceledException({
    $metadata: {},
    message: 'Transaction cancelled, please refer cancellation reasons for specific reasons',
    CancellationReasons: [
      { Code: 'ConditionalCheckFailed' },
      { Code: 'TransactionConflict' },
      { Code: 'None' },
      { Code: 'None' },
      { Code: 'None' },
      { Code: 'None' },
    ],
  });

describe('B7 B24 logging in when the login-code key or the login transaction fails', () => {
  it('B24 while the login-code key cannot be read, a code attempt fails without spending an attempt', async () => {
    delete process.env.LOGIN_CODE_SECRET;
    process.env.LOGIN_CODE_SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:1:secret:login-code';
    extension.fail({ status: 400, body: 'ThrottlingException: Rate exceeded' });
    tableHoldsALogin();
    await expect(logInWithCode(loginRequestId, code)).rejects.toThrow(/ThrottlingException/);
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('B24 a right code whose login transaction is cancelled for mixed reasons (a failed condition and a conflict) gets the ordinary refusal, not a 500', async () => {
    tableHoldsALogin();
    ddb.on(TransactWriteCommand).rejects(mixedCancellation());
    await expect(logInWithCode(loginRequestId, code)).rejects.toMatchObject({
      kind: 'unauthorized',
      code: 'login_code_invalid',
    });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('B7 a link whose login transaction is cancelled for mixed reasons answers link_not_found, not a 500', async () => {
    tableHoldsALogin();
    const now = Date.now();
    ddb.on(GetCommand).resolves({
      Item: {
        ...keys.loginLink('l'.repeat(64)),
        ...ids,
        emailHash: 'e'.repeat(64),
        requestStamp,
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(now + 15 * 60_000).toISOString(),
      },
    });
    ddb.on(TransactWriteCommand).rejects(mixedCancellation());
    await expect(logIn('T'.repeat(43))).rejects.toMatchObject({
      kind: 'not_found',
      code: 'login_link_not_found',
    });
  });
});
