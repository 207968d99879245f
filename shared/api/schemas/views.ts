/**
 * What the API answers: the resources of SPEC §3 as zod schemas. They feed the OpenAPI document
 * (and through it the web app's typed client); the local stack checks every answer against them
 * while the tests run, so a schema that drifts from the handlers fails the suite. Functions never
 * import this file: it costs a Lambda nothing.
 */
import * as z from 'zod';
import { auditTypes } from '../../domain/audit.ts';
import { deactivationCauses } from '../../domain/portal-access.ts';
import { trackedEmailTypes } from '../../email/tags.ts';
import { emailStatuses } from '../../events/ses-events.ts';
import { stage } from './common.ts';
import { employmentTypes, requisitionStatuses } from './portal.ts';

const isoTime = z.string().meta({ format: 'date-time' });

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'snake_case, stable: what a program can act on' }),
      message: z.string().meta({ description: 'a sentence a person understands' }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** The answers API Gateway gives itself (JWT authorizer 401, unmatched route 404). */
export const gatewayError = z.object({ message: z.string() }).meta({ id: 'GatewayError' });

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const account = z
  .object({
    id: z.string(),
    portalEnabled: z.boolean(),
    notificationEmail: z.string().nullable(),
    portalName: z.string(),
    updatedAt: isoTime.nullable(),
  })
  .meta({ id: 'Account' });

export const organization = z
  .object({ id: z.string(), name: z.string(), createdAt: isoTime, updatedAt: isoTime })
  .meta({ id: 'Organization' });

export const portalStatuses = ['none', 'invited', 'expired', 'active', 'deactivated'] as const;
export const ineligibleReasons = [
  'portal_disabled',
  'missing_email',
  'invalid_email',
  'no_organization',
  'already_active',
] as const;

export const contactPortal = z
  .object({
    status: z.enum(portalStatuses),
    eligible: z.boolean(),
    reasons: z.array(z.enum(ineligibleReasons)),
    invitationExpiresAt: isoTime.optional(),
    deactivatedCause: z.enum(deactivationCauses).optional(),
  })
  .meta({ id: 'ContactPortal' });

export const lastEmail = z
  .object({
    type: z.enum(trackedEmailTypes).meta({ description: 'the invitation, or a login e-mail (B6, B7)' }),
    status: z.enum(emailStatuses).meta({
      description: 'what SES last reported: sent, delayed, delivered, bounced, rejected or complained',
    }),
    at: isoTime.meta({ description: 'when SES reported it' }),
    reason: z.string().optional().meta({ description: 'why it was not delivered (yet), in words' }),
    code: z.string().optional().meta({ description: 'SES’s own classification, e.g. Permanent/General' }),
    to: z.string().meta({ description: 'the address it went to (may differ from the current one)' }),
  })
  .meta({ id: 'LastEmail' });

export const contact = z
  .object({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    organizationId: z.string().nullable(),
    portal: contactPortal,
    /** Only `GET /crm/contacts/{id}` reads it; absent until an invitation or login e-mail went out. */
    lastEmail: lastEmail.optional(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'Contact' });

export const invitationAnswer = z
  .object({ contactId: z.string(), status: z.literal('invited'), expiresAt: isoTime })
  .meta({ id: 'InvitationAnswer' });

export const auditEntry = z
  .object({
    id: z.string(),
    type: z.enum(auditTypes),
    at: isoTime,
    actor: z.object({ type: z.enum(['recruiter', 'client', 'system']), email: z.string().optional() }),
    cause: z.enum(deactivationCauses).optional(),
    email: z
      .object({
        type: z.enum(trackedEmailTypes),
        status: z.enum(emailStatuses),
        reason: z.string().optional(),
        to: z.string(),
      })
      .optional()
      .meta({ description: 'type `email`: what SES reported of an invitation or login e-mail' }),
  })
  .meta({ id: 'AuditEntry' });

const jobFields = {
  id: z.string(),
  title: z.string(),
  description: z.string(),
  location: z.string().nullable(),
  organizationId: z.string(),
  primaryContactId: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  sharedToPortal: z.boolean(),
  clientAllowedStages: z.array(stage),
  requisitionId: z.string().optional(),
  createdAt: isoTime,
};
export const job = z.object({ ...jobFields, updatedAt: isoTime }).meta({ id: 'Job' });
export const portalJob = z.object(jobFields).meta({ id: 'PortalJob' });

export const candidate = z
  .object({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    headline: z.string().nullable(),
    summary: z.string().nullable(),
    createdAt: isoTime,
  })
  .meta({ id: 'Candidate' });

export const remark = z
  .object({
    /** Absent on a move without a remark. */
    text: z.string().optional(),
    stageFrom: z.optional(stage),
    stageTo: z.optional(stage),
    visibility: z.enum(['internal', 'client']),
    by: z.object({ type: z.enum(['recruiter', 'client']), name: z.string() }),
    at: isoTime,
  })
  .meta({ id: 'Remark' });

const candidateCard = z.object({
  name: z.string(),
  headline: z.string().nullable(),
  summary: z.string().nullable(),
});

export const submission = z
  .object({
    id: z.string(),
    jobId: z.string(),
    candidateId: z.string(),
    candidate: candidateCard,
    stage,
    submittedAt: isoTime,
    remarks: z.array(remark),
  })
  .meta({ id: 'Submission' });

export const portalSubmission = z
  .object({ id: z.string(), candidate: candidateCard, stage, submittedAt: isoTime, remarks: z.array(remark) })
  .meta({ id: 'PortalSubmission' });

const requisitionFields = {
  id: z.string(),
  organizationId: z.string(),
  title: z.string(),
  description: z.string(),
  qualifications: z.string(),
  location: z.string(),
  employmentType: z.enum(employmentTypes),
  openings: z.number().int(),
  salaryMin: z.number().int().nullable(),
  salaryMax: z.number().int().nullable(),
  currency: z.string().nullable(),
  status: z.enum(requisitionStatuses),
  reviewRemarks: z.string().optional(),
  jobId: z.string().optional(),
  submittedBy: z.object({ name: z.string(), email: z.string() }),
  createdAt: isoTime,
  updatedAt: isoTime,
  reviewedAt: isoTime.optional(),
};
export const portalRequisition = z.object(requisitionFields).meta({ id: 'PortalRequisition' });
export const requisition = z
  .object({ ...requisitionFields, submittedByContactId: z.string(), reviewedBy: z.string().optional() })
  .meta({ id: 'Requisition' });

export const requisitionPage = page(requisition).extend({ pendingCount: z.number().int() });

const named = { organization: z.object({ name: z.string() }), agency: z.object({ name: z.string() }) };
export const invitationInfo = z
  .object({
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    ...named,
    expiresAt: isoTime,
  })
  .meta({ id: 'InvitationInfo' });
export const loginLinkInfo = z
  .object({ email: z.string(), ...named, expiresAt: isoTime })
  .meta({ id: 'LoginLinkInfo' });

const portalUser = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
});
export const sessionStarted = z
  .object({ user: portalUser, redirectTo: z.literal('/app') })
  .meta({ id: 'SessionStarted' });
export const loginRequested = z
  .object({
    loginRequestId: z.string().meta({
      description:
        'B24: names this login request (43 base64url characters, the same form for every address); send it with a login code to POST /portal/sessions',
    }),
    message: z.string(),
  })
  .meta({ id: 'LoginRequested' });
export const me = z
  .object({
    user: portalUser,
    organization: z.object({ id: z.string(), name: z.string() }),
    agency: z.object({ name: z.string() }),
  })
  .meta({ id: 'Me' });
