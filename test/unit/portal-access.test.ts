import { describe, expect, it } from 'vitest';
import { defaultAccountSettings } from '../../shared/domain/account.ts';
import { applyContactPatch } from '../../shared/domain/contacts.ts';
import type { ContactRecord } from '../../shared/data/contacts.ts';
import { portalView } from '../../shared/domain/portal-access.ts';

const on = { ...defaultAccountSettings('acc'), portalEnabled: true };
const now = new Date('2026-11-22T12:00:00Z');

const contact = (over: Partial<ContactRecord> = {}): ContactRecord => ({
  id: '01JCONTACT0000000000000000',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@client.test',
  phone: null,
  organizationId: '01JORG000000000000000000000',
  accessVersion: 1,
  rev: 1,
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  ...over,
});

const activeUser = (accessVersion = 1) => ({
  id: 'pu1',
  status: 'active' as const,
  accessVersion,
  email: 'ada@client.test',
  firstName: 'Ada',
  lastName: 'Lovelace',
  jobTitle: null,
  joinedAt: now.toISOString(),
});

describe('B2 eligibility and reasons', () => {
  it('B2 an eligible contact has no reasons', () => {
    expect(portalView(contact(), on, now)).toEqual({ status: 'none', eligible: true, reasons: [] });
  });

  it('B1 B2 lists every reason, portal_disabled first', () => {
    const view = portalView(
      contact({ email: null, organizationId: null }),
      defaultAccountSettings('acc'),
      now,
    );
    expect(view.reasons).toEqual(['portal_disabled', 'missing_email', 'no_organization']);
    expect(view.eligible).toBe(false);
  });

  it('B2 a malformed email is invalid_email, not missing_email', () => {
    expect(portalView(contact({ email: 'ada@' }), on, now).reasons).toEqual(['invalid_email']);
  });

  it('B2 an active portal user is already_active', () => {
    expect(portalView(contact({ portalUser: activeUser() }), on, now)).toMatchObject({
      status: 'active',
      reasons: ['already_active'],
    });
  });
});

describe('B4 invitation status', () => {
  const invitation = (expiresAt: string, accessVersion = 1) => ({
    tokenHash: 'h',
    expiresAt,
    accessVersion,
    invitedAt: now.toISOString(),
    invitedBy: 'r@agency.test',
  });

  it('B4 a pending invitation shows invited with its expiry', () => {
    const view = portalView(contact({ invitation: invitation('2026-11-29T12:00:00.000Z') }), on, now);
    expect(view).toMatchObject({
      status: 'invited',
      invitationExpiresAt: '2026-11-29T12:00:00.000Z',
      eligible: true,
    });
  });

  it('B4 an invitation past its expiry shows expired and can be re-sent', () => {
    const view = portalView(contact({ invitation: invitation('2026-11-22T11:59:59.000Z') }), on, now);
    expect(view).toMatchObject({ status: 'expired', eligible: true });
  });

  it('B17 an invitation made for an older access version does not count', () => {
    const view = portalView(
      contact({ accessVersion: 2, invitation: invitation('2026-11-29T12:00:00.000Z', 1) }),
      on,
      now,
    );
    expect(view.status).toBe('none');
  });
});

describe('B17 B19 B20 access versions', () => {
  it('B17 moving a contact deactivates its portal user and cancels nothing newer', () => {
    const before = contact({ portalUser: activeUser() });
    const after = applyContactPatch(
      before,
      { organizationId: '01JOTHERORG0000000000000000' },
      now.toISOString(),
    );
    expect(after.accessVersion).toBe(2);
    expect(after.portalUser).toMatchObject({ status: 'deactivated', deactivatedCause: 'contact_moved' });
    expect(portalView(after, on, now)).toMatchObject({
      status: 'deactivated',
      deactivatedCause: 'contact_moved',
      eligible: true,
    });
  });

  it('B17 unassigning says contact_unassigned and makes the contact ineligible (B9)', () => {
    const after = applyContactPatch(
      contact({ portalUser: activeUser() }),
      { organizationId: null },
      now.toISOString(),
    );
    expect(portalView(after, on, now)).toMatchObject({
      status: 'deactivated',
      deactivatedCause: 'contact_unassigned',
      reasons: ['no_organization'],
    });
  });

  it('B17 changing the email deactivates and cancels a pending invitation', () => {
    const before = contact({
      invitation: {
        tokenHash: 'h',
        expiresAt: '2026-11-29T00:00:00Z',
        accessVersion: 1,
        invitedAt: '',
        invitedBy: '',
      },
    });
    const after = applyContactPatch(before, { email: 'ada@elsewhere.test' }, now.toISOString());
    expect(after.invitation).toBeUndefined();
    expect(after.accessVersion).toBe(2);
    expect(after.accessEndedCause).toBe('contact_email_changed');
  });

  it('B20 moving back A→B→A does not revive access', () => {
    const a = contact({ portalUser: activeUser() });
    const b = applyContactPatch(a, { organizationId: '01JOTHERORG0000000000000000' }, now.toISOString());
    const back = applyContactPatch(b, { organizationId: a.organizationId }, now.toISOString());
    expect(back.accessVersion).toBe(3);
    expect(portalView(back, on, now).status).toBe('deactivated');
  });

  it('B17 renaming or a same-email change with other case keeps access', () => {
    const before = contact({ portalUser: activeUser() });
    const after = applyContactPatch(
      before,
      { firstName: 'Augusta', email: 'ADA@client.test' },
      now.toISOString(),
    );
    expect(after.accessVersion).toBe(1);
    expect(portalView(after, on, now).status).toBe('active');
  });
});
