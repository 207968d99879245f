/**
 * Key builders, defined once. Every partition key of tenant data starts with `A#<accountId>`;
 * the only keys without it are pointer-only lookups (token hashes, login requests, login e-mail
 * index, rate-limit counters), which hold nothing but the ids to follow. See shared/data/ACCESS-PATTERNS.md.
 */
const account = (accountId: string) => `A#${accountId}`;
const sessionPrefix = 'SESSION#';

export const keys = {
  account: (accountId: string) => ({ PK: account(accountId), SK: '#ACCOUNT' }),

  organization: (accountId: string, orgId: string) => ({
    PK: `${account(accountId)}#O#${orgId}`,
    SK: '#ORG',
  }),
  organizationList: (accountId: string) => ({ GSI1PK: `${account(accountId)}#ORGS` }),

  contact: (accountId: string, contactId: string) => ({
    PK: `${account(accountId)}#C#${contactId}`,
    SK: '#CONTACT',
  }),
  contactTombstone: (accountId: string, contactId: string) => ({
    PK: `${account(accountId)}#C#${contactId}`,
    SK: '#TOMBSTONE',
  }),
  contactPartition: (accountId: string, contactId: string) => `${account(accountId)}#C#${contactId}`,
  contactsOfOrganization: (accountId: string, orgId: string) => ({
    GSI1PK: `${account(accountId)}#O#${orgId}#CONTACTS`,
  }),
  /** The contacts that belong to no organization: the other half of the contacts' GSI1 entries. */
  contactsWithoutOrganization: (accountId: string) => ({
    GSI1PK: `${account(accountId)}#NOORG#CONTACTS`,
  }),
  auditEntry: (accountId: string, contactId: string, at: string, entryId: string) => ({
    PK: `${account(accountId)}#C#${contactId}`,
    SK: `AUDIT#${at}#${entryId}`,
  }),
  auditPrefix: 'AUDIT#',
  /** The contact's last tracked e-mail and how SES says it went (sorts between #CONTACT and #TOMBSTONE). */
  emailStatus: (accountId: string, contactId: string) => ({
    PK: `${account(accountId)}#C#${contactId}`,
    SK: '#EMAIL',
  }),

  invitationToken: (tokenHash: string) => ({ PK: `INVITE#${tokenHash}`, SK: '#INVITE' }),

  // Portal side: pointer-only keys (token hashes, e-mail index, counters) and their per-contact indexes.
  session: (tokenHash: string) => ({ PK: `${sessionPrefix}${tokenHash}`, SK: '#SESSION' }),
  sessionPrefix,
  sessionsOfContact: (accountId: string, contactId: string) => ({
    GSI1PK: `${account(accountId)}#C#${contactId}#SESSIONS`,
  }),
  loginLink: (tokenHash: string) => ({ PK: `LOGIN#${tokenHash}`, SK: '#LOGIN' }),
  loginLinksOfContact: (accountId: string, contactId: string) => ({
    GSI1PK: `${account(accountId)}#C#${contactId}#LOGINLINKS`,
  }),
  /** One login request (B24): its codes' keyed hashes and the wrong-code counter, by the id's hash. */
  loginRequest: (requestIdHash: string) => ({ PK: `LOGINREQ#${requestIdHash}`, SK: '#LOGINREQ' }),
  /** Which login request of this e-mail is the newest: only its links and codes work (B24). */
  newestLoginRequest: (emailHash: string) => ({ PK: `LOGINNEWEST#${emailHash}`, SK: '#NEWEST' }),
  /** One entry per (agency, contact) that may log in with this e-mail; the e-mail is stored hashed. */
  loginEmail: (emailHash: string, accountId: string, contactId: string) => ({
    PK: `LOGINEMAIL#${emailHash}`,
    SK: `${accountId}#${contactId}`,
  }),
  loginEmailPartition: (emailHash: string) => `LOGINEMAIL#${emailHash}`,
  rateCounter: (kind: 'email' | 'address', subject: string, window: number) => ({
    PK: `RATE#${kind}#${subject}#${window}`,
    SK: '#RATE',
  }),

  requisition: (accountId: string, reqId: string) => ({
    PK: `${account(accountId)}#REQ#${reqId}`,
    SK: '#REQ',
  }),
  requisitionList: (accountId: string) => ({ GSI1PK: `${account(accountId)}#REQS` }),
  requisitionsOfOrganization: (accountId: string, orgId: string) => ({
    GSI2PK: `${account(accountId)}#O#${orgId}#REQS`,
  }),
  pendingRequisitions: (accountId: string) => ({ PK: account(accountId), SK: '#PENDING_REQUISITIONS' }),

  job: (accountId: string, jobId: string) => ({ PK: `${account(accountId)}#J#${jobId}`, SK: '#JOB' }),
  jobList: (accountId: string) => ({ GSI1PK: `${account(accountId)}#JOBS` }),
  jobsOfPrimaryContact: (accountId: string, contactId: string) => ({
    GSI3PK: `${account(accountId)}#C#${contactId}#JOBS`,
  }),
  sharedJobsOfOrganization: (accountId: string, orgId: string) => ({
    GSI2PK: `${account(accountId)}#O#${orgId}#SHARED_JOBS`,
  }),

  candidate: (accountId: string, candidateId: string) => ({
    PK: `${account(accountId)}#CAND#${candidateId}`,
    SK: '#CANDIDATE',
  }),
  candidateList: (accountId: string) => ({ GSI1PK: `${account(accountId)}#CANDIDATES` }),

  submission: (accountId: string, jobId: string, submissionId: string) => ({
    PK: `${account(accountId)}#J#${jobId}`,
    SK: `SUB#${submissionId}`,
  }),
  submissionPrefix: 'SUB#',
  /** One entry of a submission's history (B12): under the submission, in time order. */
  historyEntry: (accountId: string, jobId: string, submissionId: string, at: string, entryId: string) => ({
    PK: `${account(accountId)}#J#${jobId}`,
    SK: `SUB#${submissionId}#H#${at}#${entryId}`,
  }),
  submissionGuard: (accountId: string, jobId: string, candidateId: string) => ({
    PK: `${account(accountId)}#J#${jobId}`,
    SK: `~CAND#${candidateId}`, // sorts after every SUB# item, so pipeline queries skip it
  }),
  submissionsOfCandidate: (accountId: string, candidateId: string) => ({
    GSI1PK: `${account(accountId)}#CAND#${candidateId}#SUBS`,
  }),
} as const;

/** The account id of a tenant partition key (`A#<accountId>#…`); ids never contain `#`. */
export const accountIdOfKey = (pk: string): string | undefined =>
  pk.startsWith('A#') ? pk.split('#')[1] : undefined;
