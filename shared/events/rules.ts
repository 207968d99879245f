/**
 * The rule table: which events run which handler. CDK creates one EventBridge rule per entry on
 * the project's bus (with a retry policy and a dead-letter queue); the local stack's bus matches
 * the same entries and invokes the same handler files (`functions/<handler>.ts`).
 */
import type { RouteAccess } from '../api/routes.ts';
import { detailTypes as t, eventSource } from './catalog.ts';
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
  handler: string;
  access: RouteAccess;
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
  }),
  rule({
    id: 'cascade-organization',
    description: 'B15: deleting an organization deletes its contacts (continuing in follow-up events)',
    detailTypes: [t.organizationDeleted],
    handler: 'events/cascade-organization',
    access: { table: 'readWrite', events: true },
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
    access: { table: 'readWrite' },
  }),
  rule({
    id: 'release-primary-contact',
    description: 'B10: a deleted or departed contact is no longer a job’s primary contact',
    detailTypes: [t.contactDeleted, t.contactOrganizationChanged],
    handler: 'events/release-primary-contact',
    access: { table: 'readWrite' },
  }),
  rule({
    id: 'remove-job-pipeline',
    description: 'B18: a deleted job takes its pipeline and remarks with it',
    detailTypes: [t.jobDeleted],
    handler: 'events/remove-job-pipeline',
    access: { table: 'readWrite' },
  }),
  rule({
    id: 'remove-candidate-submissions',
    description: 'B18: a deleted candidate leaves every pipeline',
    detailTypes: [t.candidateDeleted],
    handler: 'events/remove-candidate-submissions',
    access: { table: 'readWrite' },
  }),
  rule({
    id: 'notify-agency',
    description:
      "B23: the account's notification address hears of requisitions and clients' moves and remarks",
    detailTypes: [t.requisitionSubmitted, t.candidateMovedByClient, t.candidateRemarkedByClient],
    handler: 'events/notify-agency',
    access: { table: 'readWrite', email: true },
  }),
  rule({
    id: 'notify-submitter',
    description: 'B14: the submitting client hears whether the requisition was approved or rejected',
    detailTypes: [t.requisitionReviewed],
    handler: 'events/notify-submitter',
    access: { table: 'readWrite', email: true },
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
  },
];

/** The stream consumer: the table's stream → domain events on the bus (not a rule target). */
export const streamPublisher = {
  id: 'publish-stream',
  handler: 'events/publish-stream',
  access: { table: 'read', events: true } satisfies RouteAccess,
} as const;
