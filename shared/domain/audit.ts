import type { TrackedEmailType } from '../email/tags.ts';
import type { EmailStatus } from '../events/ses-events.ts';
import type { DeactivationCause } from './portal-access.ts';

export const auditTypes = [
  'invited',
  'reinvited',
  'invitation_revoked',
  'joined',
  'logged_in',
  'deactivated',
  // How SES says an invitation or login e-mail went (delivered, bounced, complained, …).
  'email',
] as const;
export type AuditType = (typeof auditTypes)[number];

export interface AuditActor {
  type: 'recruiter' | 'client' | 'system';
  email?: string;
}

/** B21: one access change of one contact. */
export interface AuditEntry {
  id: string;
  type: AuditType;
  at: string;
  actor: AuditActor;
  cause?: DeactivationCause;
  /** Type `email`: which e-mail, what became of it and why. */
  email?: { type: TrackedEmailType; status: EmailStatus; reason?: string; to: string };
}

export const recruiterActor = (email: string): AuditActor => ({ type: 'recruiter', email });
