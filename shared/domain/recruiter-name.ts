import { getAccountSettings } from '../data/accounts.ts';
import type { Recruiter } from '../http/recruiter-auth.ts';

/**
 * How a recruiter is named wherever clients can read it (remarks): the token's name, else the
 * agency's portal name — never the e-mail address, which is the recruiter's login.
 */
export async function recruiterDisplayName(recruiter: Recruiter): Promise<string> {
  return recruiter.name ?? (await getAccountSettings(recruiter.accountId)).portalName;
}
