import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { publishEvent as PublishEvent } from '../../../shared/events/publish.ts';

const eventBridge = mockClient(EventBridgeClient);
const noPause = async () => {};
const refused = {
  FailedEntryCount: 1,
  Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }],
};
let publishEvent: typeof PublishEvent;

beforeAll(async () => {
  ({ publishEvent } = await import('../../../shared/events/publish.ts'));
});
afterEach(() => eventBridge.reset());

describe('publishing one event (routes, the cascade’s hand-over)', () => {
  it('puts an entry refused inside a successful PutEvents (FailedEntryCount 1) again, and succeeds', async () => {
    // Prepare
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce(refused)
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });
    // Act
    await publishEvent('LoginLinksRequested', { email: 'a@b.test' }, noPause);
    // Assess
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.args[0].input.Entries?.[0]).toMatchObject({
      DetailType: 'LoginLinksRequested',
      Detail: JSON.stringify({ email: 'a@b.test' }),
    });
  });

  it('fails after four refusals of the same entry, so the caller can answer or retry', async () => {
    eventBridge.on(PutEventsCommand).resolves(refused);
    await expect(publishEvent('OrganizationDeleted', { organizationId: 'o1' }, noPause)).rejects.toThrow(
      'PutEvents refused OrganizationDeleted 4 times',
    );
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(4);
  });
});
