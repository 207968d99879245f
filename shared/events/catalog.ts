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

/**
 * Long work that runs short of time republishes its event with this field set to where it stopped
 * (shared/events/hand-off.ts); a rule that must not see those follow-ups says so in its pattern.
 */
export const handOffField = 'resumeAfter';
/** Where a follow-up event resumes; each handler decides what it holds (a DynamoDB key, a pass). */
export type ResumeAfter = Record<string, unknown>;

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
  /** Set on follow-up events: how many runs came before (the cleaned-up items leave their indexes). */
  resumeAfter?: ResumeAfter;
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
  resumeAfter?: ResumeAfter;
  /**
   * The delayed second pass (docs/long-work.md): set on the follow-up that reads the organization's
   * contacts once more, not before this time (ISO), once the index has caught up with writes made
   * just before the deletion.
   */
  recheckAt?: string;
}

export interface JobDeleted {
  accountId: string;
  jobId: string;
  /** Set on follow-up events: the last key of the job's partition already deleted. */
  resumeAfter?: ResumeAfter;
}

export interface CandidateDeleted {
  accountId: string;
  candidateId: string;
  /** Set on follow-up events: the index key of the last submission already removed. */
  resumeAfter?: ResumeAfter;
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
