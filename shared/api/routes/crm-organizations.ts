/** The recruiter API: organizations and their contacts. */
import { listQuery, orgIdParams } from '../schemas/common.ts';
import { organizationCreate, organizationPatch } from '../schemas/crm.ts';
import { type Route, list, read, write } from './route.ts';

export const createOrganization = {
  id: 'crm/create-organization',
  method: 'POST',
  path: '/crm/organizations',
  auth: 'jwt',
  status: 201,
  summary: 'Create an organization',
  body: organizationCreate,
  access: write,
} satisfies Route;

export const listOrganizations = {
  id: 'crm/list-organizations',
  method: 'GET',
  path: '/crm/organizations',
  auth: 'jwt',
  status: 200,
  summary: 'List organizations',
  query: listQuery,
  access: list,
} satisfies Route;

export const getOrganization = {
  id: 'crm/get-organization',
  method: 'GET',
  path: '/crm/organizations/{orgId}',
  auth: 'jwt',
  status: 200,
  summary: 'Read an organization',
  params: orgIdParams,
  access: read,
} satisfies Route;

export const patchOrganization = {
  id: 'crm/update-organization',
  method: 'PATCH',
  path: '/crm/organizations/{orgId}',
  auth: 'jwt',
  status: 200,
  summary: 'Rename an organization',
  params: orgIdParams,
  body: organizationPatch,
  access: write,
} satisfies Route;

export const deleteOrganization = {
  id: 'crm/delete-organization',
  method: 'DELETE',
  path: '/crm/organizations/{orgId}',
  auth: 'jwt',
  status: 204,
  summary: 'Delete an organization (its contacts follow, B15)',
  params: orgIdParams,
  access: write,
} satisfies Route;

export const listOrganizationContacts = {
  id: 'crm/list-organization-contacts',
  method: 'GET',
  path: '/crm/organizations/{orgId}/contacts',
  auth: 'jwt',
  status: 200,
  summary: 'List the contacts of an organization',
  params: orgIdParams,
  query: listQuery,
  access: list,
} satisfies Route;
