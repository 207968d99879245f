import type { DeactivationCause } from './portal-access.ts';

export const auditTypes = [
  'invited',
  'reinvited',
  'invitation_revoked',
  'joined',
  'logged_in',
  'deactivated',
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
}

export const recruiterActor = (email: string): AuditActor => ({ type: 'recruiter', email });
