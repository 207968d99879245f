/** Events on the project's own bus: one source, detail types named in the past tense. */
export const eventSource = 'client-portal';

export const detailTypes = {
  loginLinksRequested: 'LoginLinksRequested',
  organizationDeleted: 'OrganizationDeleted',
  contactDeleted: 'ContactDeleted',
  contactOrganizationChanged: 'ContactOrganizationChanged',
  contactEmailChanged: 'ContactEmailChanged',
  portalAccessRevoked: 'PortalAccessRevoked',
  jobDeleted: 'JobDeleted',
  candidateDeleted: 'CandidateDeleted',
  requisitionSubmitted: 'RequisitionSubmitted',
  requisitionReviewed: 'RequisitionReviewed',
  candidateMovedByClient: 'CandidateMovedByClient',
  candidateRemarkedByClient: 'CandidateRemarkedByClient',
} as const;
export type DetailType = (typeof detailTypes)[keyof typeof detailTypes];

export interface LoginLinksRequested {
  email: string;
  requestedAt: string;
  /** SHA-256 of the loginRequestId the route answered (B24); absent on events from before B24. */
  loginRequestIdHash?: string;
}

/** The access that ended: the handlers touch only what was made for this version or earlier (B20). */
export interface AccessEnded {
  accountId: string;
  contactId: string;
  /** The access version that ended. */
  accessVersion: number;
  /** The portal user that held it, if any. */
  portalUserId?: string;
  portalUserEmail?: string;
  /** The invitation pending for it, if any (its token pointer is removed). */
  invitationTokenHash?: string;
  organizationId: string | null;
  /** Whether this version's portal user was active when it ended (then it is audited). */
  wasActive: boolean;
  cause:
    | 'contact_deleted'
    | 'contact_unassigned'
    | 'contact_moved'
    | 'contact_email_changed'
    | 'revoked_by_recruiter';
  at: string;
}

export interface OrganizationDeleted {
  accountId: string;
  organizationId: string;
  at: string;
  /** Set on follow-up events when one run could not finish a large organization. */
  resumeAfter?: Record<string, unknown>;
}

export interface JobDeleted {
  accountId: string;
  jobId: string;
}

export interface CandidateDeleted {
  accountId: string;
  candidateId: string;
}

export interface RequisitionChanged {
  accountId: string;
  requisitionId: string;
  organizationId: string;
  title: string;
  status: string;
  reviewRemarks?: string;
  submittedBy: { name: string; email: string };
}

export interface ClientActedOnCandidate {
  accountId: string;
  jobId: string;
  submissionId: string;
  candidateName: string;
  /** The client remarks this change added (a move, a remark, or both). */
  entries: { text?: string; stageFrom?: string; stageTo?: string; by: { name: string }; at: string }[];
}
