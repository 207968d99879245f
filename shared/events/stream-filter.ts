import { eventfulTypes } from './from-stream.ts';

/**
 * Lambda event-source filter patterns for the table's stream (OR'ed): only items that can make a
 * domain event reach the publisher — never sessions, login links, counters or markers — and never
 * TTL expiries (the service's own deletions carry a userIdentity). CDK puts these on the event
 * source mapping; the local stream poller applies the very same patterns.
 */
export const streamFilterPatterns: Record<string, unknown>[] = [
  { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { type: { S: [...eventfulTypes] } } } },
  {
    eventName: ['REMOVE'],
    dynamodb: { OldImage: { type: { S: [...eventfulTypes] } } },
    userIdentity: { type: [{ exists: false }] },
  },
];
