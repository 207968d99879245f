import { describe, expect, it } from 'vitest';
import { defaultAccountSettings } from '../../shared/domain/account.ts';
import type { PortalFacts } from '../../shared/domain/portal-access.ts';
import {
  refusalOf,
  refusalOfEnded,
  sessionRefusals,
  type SessionFacts,
  type SessionSubjects,
} from '../../shared/domain/session-refusal.ts';

const now = new Date('2026-11-22T12:00:00Z');
const later = new Date(now.getTime() + 3_600_000).toISOString();
const earlier = new Date(now.getTime() - 1000).toISOString();

const session = (over: Partial<SessionFacts> = {}): SessionFacts => ({
  portalUserId: 'pu1',
  accessVersion: 2,
  organizationId: 'org1',
  idleExpiresAt: later,
  absoluteExpiresAt: later,
  ...over,
});
const contact = (over: Partial<PortalFacts> = {}): PortalFacts => ({
  email: 'ada@client.test',
  organizationId: 'org1',
  accessVersion: 2,
  portalUser: {
    id: 'pu1',
    status: 'active',
    accessVersion: 2,
    email: 'ada@client.test',
    firstName: 'Ada',
    lastName: 'Lovelace',
    jobTitle: null,
    joinedAt: earlier,
  },
  ...over,
});
const subjects = (over: Partial<SessionSubjects> = {}): SessionSubjects => ({
  contact: contact(),
  organization: { id: 'org1' },
  account: { ...defaultAccountSettings('acc'), portalEnabled: true },
  ...over,
});

describe('B19 why a session is refused, for its holder', () => {
  it('a live session of an active portal user is not refused', () => {
    expect(refusalOf(session(), subjects(), now)).toBeUndefined();
  });

  it.each<[string, Partial<SessionSubjects>]>([
    ['B16 the contact was deleted', { contact: undefined }],
    ['B15 the organization was deleted', { organization: undefined }],
    [
      'B17 the contact was moved (new access version and organization)',
      { contact: contact({ accessVersion: 3, organizationId: 'org2' }) },
    ],
    ['B17 the contact was unassigned', { contact: contact({ accessVersion: 3, organizationId: null }) }],
    ['B17 the e-mail changed (new access version)', { contact: contact({ accessVersion: 3 }) }],
    [
      'B22 the recruiter revoked the access',
      { contact: contact({ portalUser: { ...contact().portalUser!, status: 'deactivated' } }) },
    ],
    [
      'B20 a newer portal user holds the contact now',
      { contact: contact({ portalUser: { ...contact().portalUser!, id: 'pu2' } }) },
    ],
  ])('%s: access_removed', (_what, over) => {
    expect(refusalOf(session(), subjects(over), now)).toBe('access_removed');
  });

  it('B1 the add-on is off: portal_unavailable', () => {
    const account = { ...defaultAccountSettings('acc'), portalEnabled: false };
    expect(refusalOf(session(), subjects({ account }), now)).toBe('portal_unavailable');
  });

  it.each(['idleExpiresAt', 'absoluteExpiresAt'] as const)('past its %s: session_expired', (field) => {
    expect(refusalOf(session({ [field]: earlier }), subjects(), now)).toBe('session_expired');
  });

  it('a removed access outranks the add-on being off and an expired session', () => {
    const account = { ...defaultAccountSettings('acc'), portalEnabled: false };
    expect(
      refusalOf(session({ idleExpiresAt: earlier }), subjects({ contact: undefined, account }), now),
    ).toBe('access_removed');
    expect(refusalOf(session({ idleExpiresAt: earlier }), subjects({ account }), now)).toBe(
      'portal_unavailable',
    );
  });

  it('a session ended on purpose answers from its own item', () => {
    expect(refusalOfEnded(session({ endedBecause: 'logged_out' }))).toBe('session_expired');
    expect(refusalOfEnded(session({ endedBecause: 'access_removed' }))).toBe('access_removed');
    expect(refusalOfEnded(session())).toBeUndefined();
  });

  it('every code has a sentence a person understands', () => {
    for (const message of Object.values(sessionRefusals)) expect(message).toMatch(/^[A-Z].+\.$/);
  });
});
