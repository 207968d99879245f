/**
 * The rule table: which events run which handler. CDK creates one EventBridge rule per entry on
 * the project's bus (with a retry policy and a dead-letter queue); the local stack's bus matches
 * the same entries and invokes the same handler files (`functions/<handler>.ts`).
 */
import type { RouteAccess } from '../api/routes.ts';
import { detailTypes as t, eventSource, handOffField } from './catalog.ts';
import { sesDetailTypes, sesEventSource } from './ses-events.ts';

export interface EventRule {
  id: string;
  description: string;
  /**
   * Where the rule listens: the project's bus (default) or the account's default bus, the only
   * one SES publishes its e-mail events to (CDK narrows that rule to this stage's configuration set).
   */
  bus?: 'project' | 'default';
  source: string;
  detailTypes: string[];
  /**
   * Extra conditions on the event's detail, in EventBridge's pattern syntax (literal values and
   * `{ exists: boolean }` only, which the local bus matches too).
   */
  detail?: Record<string, unknown[]>;
  handler: string;
  access: RouteAccess;
  /**
   * The function's timeout, sized to its work: CDK sets it, the local bus enforces it. Long work
   * checks its remaining time per batch and hands the rest over (docs/long-work.md).
   */
  timeoutSeconds: number;
}

const rule = (r: Omit<EventRule, 'source'>): EventRule => ({ ...r, source: eventSource });

/** The bus a rule listens on. */
export const busOf = (r: EventRule): 'project' | 'default' => r.bus ?? 'project';

export const eventRules: EventRule[] = [
  rule({
    id: 'send-login-links',
    description: 'B7, B24: e-mail one login link and code per agency to a portal user who asked for one',
    detailTypes: [t.loginLinksRequested],
    handler: 'events/send-login-links',
    access: { table: 'readWrite', email: true, loginCode: true },
    // One SES send per agency of that e-mail: a handful of calls.
    timeoutSeconds: 20,
  }),
  rule({
    id: 'cascade-organization',
    description: 'B15: deleting an organization deletes its contacts (continuing in follow-up events)',
    detailTypes: [t.organizationDeleted],
    handler: 'events/cascade-organization',
    access: { table: 'readWrite', events: true },
    // 500-contact pages, 25 deletions a transaction; hands the rest over before the end.
    timeoutSeconds: 120,
  }),
  rule({
    id: 'end-portal-access',
    description:
      'B15–B21: deactivate the portal user, revoke sessions and links, cancel the invitation, audit',
    detailTypes: [
      t.contactDeleted,
      t.contactOrganizationChanged,
      t.contactEmailChanged,
      t.portalAccessRevoked,
    ],
    handler: 'events/end-portal-access',
    access: { table: 'readWrite', events: true },
    // Every session and login link of one contact: usually a few, hands over when there are many.
    timeoutSeconds: 60,
  }),
  rule({
    id: 'release-primary-contact',
    description: 'B10: a deleted or departed contact is no longer a job’s primary contact',
    detailTypes: [t.contactDeleted, t.contactOrganizationChanged],
    // A hand-off of end-portal-access repeats these detail types; this rule has done its part already.
    detail: { [handOffField]: [{ exists: false }] },
    handler: 'events/release-primary-contact',
    access: { table: 'readWrite' },
    timeoutSeconds: 30,
  }),
  rule({
    id: 'remove-job-pipeline',
    description: 'B18: a deleted job takes its pipeline and remarks with it',
    detailTypes: [t.jobDeleted],
    handler: 'events/remove-job-pipeline',
    access: { table: 'readWrite', events: true },
    // A job's whole partition, 25 keys a batch; hands the rest over before the end.
    timeoutSeconds: 120,
  }),
  rule({
    id: 'remove-candidate-submissions',
    description: 'B18: a deleted candidate leaves every pipeline',
    detailTypes: [t.candidateDeleted],
    handler: 'events/remove-candidate-submissions',
    access: { table: 'readWrite', events: true },
    timeoutSeconds: 120,
  }),
  rule({
    id: 'notify-agency',
    description:
      "B23: the account's notification address hears of requisitions and clients' moves and remarks",
    detailTypes: [t.requisitionSubmitted, t.candidateMovedByClient, t.candidateRemarkedByClient],
    handler: 'events/notify-agency',
    access: { table: 'readWrite', email: true },
    timeoutSeconds: 20,
  }),
  rule({
    id: 'notify-submitter',
    description: 'B14: the submitting client hears whether the requisition was approved or rejected',
    detailTypes: [t.requisitionReviewed],
    handler: 'events/notify-submitter',
    access: { table: 'readWrite', email: true },
    timeoutSeconds: 20,
  }),
  {
    id: 'record-email-status',
    description:
      'SES delivery events of invitation and login e-mails: the contact shows the last one and its audit keeps it',
    bus: 'default',
    source: sesEventSource,
    detailTypes: Object.keys(sesDetailTypes),
    handler: 'events/record-email-status',
    // The contact check, the status and the audit entry (one transaction), and the login request.
    access: {
      table: 'readWrite',
      tableActions: [
        'dynamodb:GetItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:UpdateItem',
        'dynamodb:PutItem',
      ],
    },
    // One event, one contact (a login e-mail: a few): a lookup and a transaction each.
    timeoutSeconds: 20,
  },
];

/** The stream consumer: the table's stream → domain events on the bus (not a rule target). */
export const streamPublisher = {
  id: 'publish-stream',
  handler: 'events/publish-stream',
  access: { table: 'read', events: true } satisfies RouteAccess,
  // A batch of up to 100 records, 10 events a PutEvents call, with retries of refused entries.
  timeoutSeconds: 60,
} as const;
