import { describe, expect, it } from 'vitest';
import { eventsFromRecord } from '../../../shared/events/from-stream.ts';
import { contactItem, organizationItem, streamRecord } from './fixtures.ts';

describe('stream records → domain events', () => {
  it('B15 an organization removal is OrganizationDeleted', () => {
    expect(eventsFromRecord(streamRecord('REMOVE', { old: organizationItem }))).toEqual([
      {
        detailType: 'OrganizationDeleted',
        detail: { accountId: 'acc-1', organizationId: 'o1', at: expect.any(String) },
      },
    ]);
  });

  it('B16 a contact removal is ContactDeleted with the access that ended', () => {
    const [event] = eventsFromRecord(streamRecord('REMOVE', { old: contactItem() }));
    expect(event).toMatchObject({
      detailType: 'ContactDeleted',
      detail: {
        accountId: 'acc-1',
        contactId: 'c1',
        accessVersion: 1,
        portalUserId: 'pu1',
        wasActive: true,
        cause: 'contact_deleted',
      },
    });
  });

  it('B17 a new access version is ContactOrganizationChanged or ContactEmailChanged with its cause', () => {
    const moved = eventsFromRecord(
      streamRecord('MODIFY', {
        old: contactItem(),
        new: contactItem({ organizationId: 'o2', accessVersion: 2, accessEndedCause: 'contact_moved' }),
      }),
    );
    expect(moved[0]).toMatchObject({
      detailType: 'ContactOrganizationChanged',
      detail: { cause: 'contact_moved', accessVersion: 1, newOrganizationId: 'o2' },
    });
    const email = eventsFromRecord(
      streamRecord('MODIFY', {
        old: contactItem(),
        new: contactItem({ email: 'x@y.test', accessVersion: 2, accessEndedCause: 'contact_email_changed' }),
      }),
    );
    expect(email[0]?.detailType).toBe('ContactEmailChanged');
  });

  it('a rename makes no event', () => {
    expect(
      eventsFromRecord(
        streamRecord('MODIFY', { old: contactItem(), new: contactItem({ firstName: 'Augusta' }) }),
      ),
    ).toEqual([]);
  });

  it('TTL expiries are not domain events', () => {
    const ttl = streamRecord(
      'REMOVE',
      { old: organizationItem },
      { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } },
    );
    expect(eventsFromRecord(ttl)).toEqual([]);
  });

  it('B14 B23 requisition submitted and reviewed; a withdrawal makes no e-mail event', () => {
    const req = {
      PK: 'A#acc-1#REQ#r1',
      SK: '#REQ',
      type: 'requisition',
      id: 'r1',
      organizationId: 'o1',
      title: 'T',
      status: 'pending',
      submittedBy: { name: 'C', email: 'c@x.test' },
    };
    expect(eventsFromRecord(streamRecord('INSERT', { new: req }))[0]?.detailType).toBe(
      'RequisitionSubmitted',
    );
    expect(
      eventsFromRecord(
        streamRecord('MODIFY', { old: req, new: { ...req, status: 'rejected', reviewRemarks: 'No' } }),
      )[0],
    ).toMatchObject({
      detailType: 'RequisitionReviewed',
      detail: { status: 'rejected', reviewRemarks: 'No' },
    });
    expect(
      eventsFromRecord(streamRecord('MODIFY', { old: req, new: { ...req, status: 'withdrawn' } })),
    ).toEqual([]);
  });

  it('B23 a client move is CandidateMovedByClient, a client remark CandidateRemarkedByClient; a recruiter entry makes no event', () => {
    const entry = (over: Record<string, unknown>) => ({
      PK: 'A#acc-1#J#j1',
      SK: 'SUB#s1#H#t#e1',
      type: 'historyEntry',
      jobId: 'j1',
      submissionId: 's1',
      candidateName: 'Linus',
      visibility: 'client',
      by: { type: 'client', name: 'Cleo' },
      at: 't',
      ...over,
    });
    const [moved] = eventsFromRecord(
      streamRecord('INSERT', { new: entry({ stageFrom: 'submitted', stageTo: 'interview' }) }),
    );
    expect(moved).toMatchObject({
      detailType: 'CandidateMovedByClient',
      detail: {
        jobId: 'j1',
        submissionId: 's1',
        candidateName: 'Linus',
        entries: [{ stageFrom: 'submitted', stageTo: 'interview', by: { name: 'Cleo' } }],
      },
    });
    // A move without a remark carries no remark text (none is stored either).
    expect(moved?.detail).not.toHaveProperty('entries.0.text');
    expect(eventsFromRecord(streamRecord('INSERT', { new: entry({ text: 'Hi' }) }))[0]?.detailType).toBe(
      'CandidateRemarkedByClient',
    );
    const recruiter = entry({ by: { type: 'recruiter', name: 'R' }, visibility: 'internal' });
    expect(eventsFromRecord(streamRecord('INSERT', { new: recruiter }))).toEqual([]);
  });
});
