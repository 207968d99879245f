/** The recruiter API: the account settings. */
import { accountPatch } from '../schemas/crm.ts';
import { type Route, read, write } from './route.ts';

export const getAccount = {
  id: 'crm/get-account',
  method: 'GET',
  path: '/crm/account',
  auth: 'jwt',
  status: 200,
  summary: 'Read the account settings',
  access: read,
} satisfies Route;

export const patchAccount = {
  id: 'crm/update-account',
  method: 'PATCH',
  path: '/crm/account',
  auth: 'jwt',
  status: 200,
  summary: 'Change the account settings (admin only)',
  body: accountPatch,
  access: write,
} satisfies Route;
