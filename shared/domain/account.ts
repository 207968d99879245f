import type { AccountPatch } from '../api/schemas/crm.ts';
import { getAccountSettings, updateAccountSettings } from '../data/accounts.ts';
import { forbidden } from './errors.ts';
import type { Recruiter } from '../http/recruiter-auth.ts';

export interface AccountSettings {
  id: string;
  portalEnabled: boolean;
  notificationEmail: string | null;
  portalName: string;
  updatedAt: string | null;
}

/** A new account has the add-on off (B1). */
export const defaultAccountSettings = (accountId: string): AccountSettings => ({
  id: accountId,
  portalEnabled: false,
  notificationEmail: null,
  portalName: 'Client Portal',
  updatedAt: null,
});

export const readAccount = (accountId: string) => getAccountSettings(accountId);

/** Only an admin may change the account (B1). */
export async function changeAccount(recruiter: Recruiter, patch: AccountPatch): Promise<AccountSettings> {
  if (recruiter.role !== 'admin')
    throw forbidden('forbidden', 'Only an account admin can change these settings.');
  return updateAccountSettings(recruiter.accountId, patch);
}
