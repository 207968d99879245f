import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client.ts';
import type { components } from '../../lib/api/schema';
import { allPages } from '../../lib/all-pages.ts';

export type Account = components['schemas']['Account'];
export type Organization = components['schemas']['Organization'];
export type Contact = components['schemas']['Contact'];
export type ContactPortal = components['schemas']['ContactPortal'];
export type AuditEntry = components['schemas']['AuditEntry'];

/**
 * Every recruiter query key starts with `['crm', <resource>]`, so a mutation invalidates one
 * resource (`crmKeys.contacts.all`) or one item of it, and signing out drops `['crm']` at once.
 */
export const crmKeys = {
  all: ['crm'] as const,
  account: ['crm', 'account'] as const,
  organizations: {
    all: ['crm', 'organizations'] as const,
    list: ['crm', 'organizations', 'list'] as const,
    one: (orgId: string) => ['crm', 'organizations', orgId] as const,
  },
  contacts: {
    all: ['crm', 'contacts'] as const,
    byOrganization: (orgId: string) => ['crm', 'contacts', 'by-organization', orgId] as const,
    withoutOrganization: ['crm', 'contacts', 'without-organization'] as const,
    one: (contactId: string) => ['crm', 'contacts', contactId] as const,
    audit: (contactId: string) => ['crm', 'contacts', contactId, 'audit'] as const,
  },
  jobs: {
    all: ['crm', 'jobs'] as const,
    list: ['crm', 'jobs', 'list'] as const,
    one: (jobId: string) => ['crm', 'jobs', jobId] as const,
    submissions: (jobId: string) => ['crm', 'jobs', jobId, 'submissions'] as const,
  },
  candidates: {
    all: ['crm', 'candidates'] as const,
    list: ['crm', 'candidates', 'list'] as const,
    one: (candidateId: string) => ['crm', 'candidates', candidateId] as const,
  },
  requisitions: {
    all: ['crm', 'requisitions'] as const,
    list: (status?: string) => ['crm', 'requisitions', 'list', status ?? 'all'] as const,
    pendingCount: ['crm', 'requisitions', 'pending-count'] as const,
  },
};

export const accountQuery = queryOptions({
  queryKey: crmKeys.account,
  queryFn: () => unwrap(api.GET('/crm/account')),
});

/** Every organization of the account, by name. */
export const organizationsQuery = queryOptions({
  queryKey: crmKeys.organizations.list,
  queryFn: async () => {
    const items = await allPages((cursor) =>
      unwrap(api.GET('/crm/organizations', { params: { query: { limit: 100, cursor } } })),
    );
    return items.sort((a, b) => a.name.localeCompare(b.name));
  },
});

export const organizationQuery = (orgId: string) =>
  queryOptions({
    queryKey: crmKeys.organizations.one(orgId),
    queryFn: () => unwrap(api.GET('/crm/organizations/{orgId}', { params: { path: { orgId } } })),
  });

/** By last name, then first name. */
const byName = (a: Contact, b: Contact) =>
  a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName);

/** Every contact of one organization, by last name. */
export const organizationContactsQuery = (orgId: string) =>
  queryOptions({
    queryKey: crmKeys.contacts.byOrganization(orgId),
    queryFn: async () => {
      const items = await allPages((cursor) =>
        unwrap(
          api.GET('/crm/organizations/{orgId}/contacts', {
            params: { path: { orgId }, query: { limit: 100, cursor } },
          }),
        ),
      );
      return items.sort(byName);
    },
  });

/** Every contact that belongs to no organization (so cannot be invited, B9), by last name. */
export const contactsWithoutOrganizationQuery = queryOptions({
  queryKey: crmKeys.contacts.withoutOrganization,
  queryFn: async () => {
    const items = await allPages((cursor) =>
      unwrap(api.GET('/crm/contacts', { params: { query: { organization: 'none', limit: 100, cursor } } })),
    );
    return items.sort(byName);
  },
});

export const contactQuery = (contactId: string) =>
  queryOptions({
    queryKey: crmKeys.contacts.one(contactId),
    queryFn: () => unwrap(api.GET('/crm/contacts/{contactId}', { params: { path: { contactId } } })),
  });

/** A contact's access changes, newest first. */
export const contactAuditQuery = (contactId: string) =>
  queryOptions({
    queryKey: crmKeys.contacts.audit(contactId),
    queryFn: async () => {
      const items = await allPages((cursor) =>
        unwrap(
          api.GET('/crm/contacts/{contactId}/audit', {
            params: { path: { contactId }, query: { limit: 100, cursor } },
          }),
        ),
      );
      return items.sort((a, b) => b.at.localeCompare(a.at));
    },
  });

/** The navigation's badge: how many requisitions wait for review. */
export const pendingRequisitionsCountQuery = queryOptions({
  queryKey: crmKeys.requisitions.pendingCount,
  queryFn: async () =>
    (await unwrap(api.GET('/crm/requisitions', { params: { query: { status: 'pending', limit: 1 } } })))
      .pendingCount,
});

/** "Ada Lovelace" */
export const contactName = (contact: Pick<Contact, 'firstName' | 'lastName'>) =>
  `${contact.firstName} ${contact.lastName}`.trim();
