import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { endPortalAccess } from '../../../shared/domain/access-end.ts';
import { flushMetrics } from '../../../shared/metrics/flush.ts';
import { type EmittedMetrics, onMetricsPublished } from '../../../shared/metrics/metrics.ts';
import { totalOf } from '../../support/metrics.ts';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());

const alreadyAudited = () =>
  Object.assign(new Error('Transaction cancelled'), {
    name: 'TransactionCanceledException',
    CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
  });

describe('B15–B21 deactivations are counted once', () => {
  it('the same AccessEnded event twice counts one deactivation, by its cause', async () => {
    // Prepare: nothing to revoke; the audit guard is written the first time and found the second.
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(TransactWriteCommand).resolvesOnce({}).rejects(alreadyAudited());
    const emitted: EmittedMetrics[] = [];
    const stop = onMetricsPublished((doc) => emitted.push(doc));
    const event = {
      accountId: 'acc-1',
      contactId: 'c1',
      accessVersion: 3,
      organizationId: 'org-2',
      newOrganizationId: 'org-3',
      wasActive: true,
      cause: 'contact_moved' as const,
      at: '2026-01-01T00:00:00.000Z',
    };
    // Act
    await endPortalAccess(event);
    flushMetrics();
    await endPortalAccess(event);
    flushMetrics();
    stop();
    // Assess
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(2);
    expect(totalOf(emitted, 'Deactivations', { cause: 'contact_moved' })).toBe(1);
    expect(emitted).toHaveLength(1);
  });
});
