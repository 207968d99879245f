/** Attributes that are storage mechanics, never part of a domain object. */
const storageAttributes = new Set([
  'PK',
  'SK',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
  'GSI3PK',
  'GSI3SK',
  'ttl',
  'type',
]);

export type Item = Record<string, unknown>;

export function withoutKeys<T>(item: Item): T {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) if (!storageAttributes.has(k)) out[k] = v;
  return out as T;
}

/** Entity type tags: the stream publisher turns changes of these into domain events. */
export const itemTypes = {
  account: 'account',
  organization: 'organization',
  contact: 'contact',
  contactTombstone: 'contactTombstone',
  audit: 'audit',
  invitationToken: 'invitationToken',
  job: 'job',
  candidate: 'candidate',
  submission: 'submission',
  historyEntry: 'historyEntry',
  submissionGuard: 'submissionGuard',
  session: 'session',
  loginLink: 'loginLink',
  loginRequest: 'loginRequest',
  newestLoginRequest: 'newestLoginRequest',
  loginEmail: 'loginEmail',
  rateCounter: 'rateCounter',
  requisition: 'requisition',
  counter: 'counter',
  notificationSent: 'notificationSent',
  auditGuard: 'auditGuard',
  emailStatus: 'emailStatus',
} as const;
