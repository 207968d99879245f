import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { ContactRecord } from '../data/contacts.ts';
import { itemTypes } from '../data/items.ts';
import { accountIdOfKey } from '../data/keys.ts';
import { detailTypes, type AccessEnded, type DetailType } from './catalog.ts';

export interface DomainEvent {
  detailType: DetailType;
  detail: object;
}

// Stream images are untyped DynamoDB items; each branch reads them as the record type of its item type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Image = Record<string, any>;

const image = (raw: Record<string, unknown> | undefined): Image | undefined =>
  raw ? unmarshall(raw as Record<string, AttributeValue>) : undefined;

/** TTL deletions are the service tidying up, never a domain event. */
export const isTtlExpiry = (r: DynamoDBRecord) =>
  r.eventName === 'REMOVE' &&
  r.userIdentity?.type === 'Service' &&
  r.userIdentity?.principalId === 'dynamodb.amazonaws.com';

/** The item types whose changes can make events; the stream filter lets only these through. */
export const eventfulTypes = [
  itemTypes.organization,
  itemTypes.contact,
  itemTypes.job,
  itemTypes.candidate,
  itemTypes.requisition,
  itemTypes.historyEntry,
] as const;

function accessEnded(
  before: ContactRecord,
  accountId: string,
  cause: AccessEnded['cause'],
  at: string,
): AccessEnded {
  return {
    accountId,
    contactId: before.id,
    accessVersion: before.accessVersion,
    organizationId: before.organizationId,
    cause,
    at,
    wasActive:
      before.portalUser?.status === 'active' && before.portalUser.accessVersion === before.accessVersion,
    ...(before.portalUser
      ? { portalUserId: before.portalUser.id, portalUserEmail: before.portalUser.email }
      : {}),
    ...(before.invitation ? { invitationTokenHash: before.invitation.tokenHash } : {}),
  };
}

function contactEvents(
  kind: string,
  before: ContactRecord | undefined,
  after: ContactRecord | undefined,
  accountId: string,
  at: string,
): DomainEvent[] {
  if (kind === 'REMOVE' && before)
    return [
      {
        detailType: detailTypes.contactDeleted,
        detail: accessEnded(before, accountId, 'contact_deleted', at),
      },
    ];
  if (kind !== 'MODIFY' || !before || !after) return [];
  if (after.accessVersion !== before.accessVersion) {
    const cause = after.accessEndedCause ?? 'contact_moved';
    const detailType =
      cause === 'contact_email_changed'
        ? detailTypes.contactEmailChanged
        : detailTypes.contactOrganizationChanged;
    return [
      {
        detailType,
        detail: {
          ...accessEnded(before, accountId, cause as AccessEnded['cause'], at),
          newOrganizationId: after.organizationId,
        },
      },
    ];
  }
  const revoked =
    before.portalUser?.status === 'active' &&
    after.portalUser?.status === 'deactivated' &&
    after.portalUser.id === before.portalUser.id &&
    after.portalUser.deactivatedCause === 'revoked_by_recruiter';
  return revoked
    ? [
        {
          detailType: detailTypes.portalAccessRevoked,
          detail: accessEnded(before, accountId, 'revoked_by_recruiter', at),
        },
      ]
    : [];
}

/** One stream record → the domain events it means (usually none or one). */
export function eventsFromRecord(record: DynamoDBRecord): DomainEvent[] {
  if (isTtlExpiry(record)) return [];
  const before = image(record.dynamodb?.OldImage as Record<string, unknown> | undefined);
  const after = image(record.dynamodb?.NewImage as Record<string, unknown> | undefined);
  const item = after ?? before;
  const accountId = accountIdOfKey(String(item?.PK ?? ''));
  if (!item || !accountId) return [];
  const kind = record.eventName ?? '';
  const at = new Date(
    (record.dynamodb?.ApproximateCreationDateTime ?? Date.now() / 1000) * 1000,
  ).toISOString();
  switch (item.type) {
    case itemTypes.organization:
      return kind === 'REMOVE'
        ? [
            {
              detailType: detailTypes.organizationDeleted,
              detail: { accountId, organizationId: item.id, at },
            },
          ]
        : [];
    case itemTypes.contact:
      return contactEvents(
        kind,
        before as ContactRecord | undefined,
        after as ContactRecord | undefined,
        accountId,
        at,
      );
    case itemTypes.job:
      return kind === 'REMOVE'
        ? [{ detailType: detailTypes.jobDeleted, detail: { accountId, jobId: item.id } }]
        : [];
    case itemTypes.candidate:
      return kind === 'REMOVE'
        ? [{ detailType: detailTypes.candidateDeleted, detail: { accountId, candidateId: item.id } }]
        : [];
    case itemTypes.requisition: {
      const summary = {
        accountId,
        requisitionId: item.id,
        organizationId: item.organizationId,
        title: item.title,
        status: item.status,
        submittedBy: item.submittedBy,
        ...(item.reviewRemarks ? { reviewRemarks: item.reviewRemarks } : {}),
      };
      if (kind === 'INSERT' && item.status === 'pending')
        return [{ detailType: detailTypes.requisitionSubmitted, detail: summary }];
      const reviewed =
        kind === 'MODIFY' &&
        before?.status === 'pending' &&
        ['approved', 'rejected'].includes(String(after?.status));
      return reviewed ? [{ detailType: detailTypes.requisitionReviewed, detail: summary }] : [];
    }
    case itemTypes.historyEntry: {
      // B23: a client's move or remark is one new history entry.
      if (kind !== 'INSERT' || item.by?.type !== 'client') return [];
      const { text, stageFrom, stageTo, by, at: entryAt } = item;
      const entry = {
        ...(text ? { text } : {}),
        by: { name: by.name },
        at: entryAt,
        ...(stageTo ? { stageFrom, stageTo } : {}),
      };
      return [
        {
          detailType: stageTo ? detailTypes.candidateMovedByClient : detailTypes.candidateRemarkedByClient,
          detail: {
            accountId,
            jobId: item.jobId,
            submissionId: item.submissionId,
            candidateName: item.candidateName,
            entries: [entry],
          },
        },
      ];
    }
    default:
      return [];
  }
}
