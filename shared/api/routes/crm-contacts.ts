/** The recruiter API: contacts, their portal invitations, access and audit trail. */
import { contactIdParams, contactListQuery, listQuery } from '../schemas/common.ts';
import { contactCreate, contactPatch } from '../schemas/crm.ts';
import { type Route, list, read, write } from './route.ts';

export const createContact = {
  id: 'crm/create-contact',
  method: 'POST',
  path: '/crm/contacts',
  auth: 'jwt',
  status: 201,
  summary: 'Create a contact',
  body: contactCreate,
  access: write,
} satisfies Route;

export const listContacts = {
  id: 'crm/list-contacts',
  method: 'GET',
  path: '/crm/contacts',
  auth: 'jwt',
  status: 200,
  summary: 'List the contacts without an organization (`organization=none`), which cannot be invited (B9)',
  query: contactListQuery,
  access: list,
} satisfies Route;

export const getContact = {
  id: 'crm/get-contact',
  method: 'GET',
  path: '/crm/contacts/{contactId}',
  auth: 'jwt',
  status: 200,
  summary: 'Read a contact with its portal status and eligibility (B2)',
  params: contactIdParams,
  access: read,
} satisfies Route;

export const patchContact = {
  id: 'crm/update-contact',
  method: 'PATCH',
  path: '/crm/contacts/{contactId}',
  auth: 'jwt',
  status: 200,
  summary: 'Update a contact; moving, unassigning or changing the email ends portal access (B17)',
  params: contactIdParams,
  body: contactPatch,
  access: write,
} satisfies Route;

export const deleteContact = {
  id: 'crm/delete-contact',
  method: 'DELETE',
  path: '/crm/contacts/{contactId}',
  auth: 'jwt',
  status: 204,
  summary: 'Delete a contact (B16)',
  params: contactIdParams,
  access: write,
} satisfies Route;

export const inviteContact = {
  id: 'crm/invite-contact',
  method: 'POST',
  path: '/crm/contacts/{contactId}/portal-invitation',
  auth: 'jwt',
  status: 201,
  summary: 'Invite or re-invite a contact to the portal (B2–B4)',
  params: contactIdParams,
  access: { table: 'readWrite', email: true },
} satisfies Route;

export const revokeInvitation = {
  id: 'crm/revoke-invitation',
  method: 'DELETE',
  path: '/crm/contacts/{contactId}/portal-invitation',
  auth: 'jwt',
  status: 204,
  summary: 'Revoke a pending invitation (B4)',
  params: contactIdParams,
  access: write,
} satisfies Route;

export const getContactAudit = {
  id: 'crm/get-contact-audit',
  method: 'GET',
  path: '/crm/contacts/{contactId}/audit',
  auth: 'jwt',
  status: 200,
  summary: 'The portal access audit trail of a contact (B21)',
  params: contactIdParams,
  query: listQuery,
  access: list,
} satisfies Route;

export const revokePortalAccess = {
  id: 'crm/revoke-portal-access',
  method: 'DELETE',
  path: '/crm/contacts/{contactId}/portal-access',
  auth: 'jwt',
  status: 204,
  summary: 'Revoke active portal access by hand (B22)',
  params: contactIdParams,
  access: write,
} satisfies Route;
