/** The recruiter side of the benchmark scenario: every `/crm` route, in dependency order. */
import { routes } from '../../shared/api/routes.ts';
import { field } from './http.ts';
import type { Recorder } from './recorder.ts';

/** A well-formed id that exists nowhere: the cheap 404 case. */
export const unknownId = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

export interface Crm {
  bench: Recorder;
  token: string;
  mailDomain: string;
}

export interface Contact {
  id: string;
  email: string;
}

export async function setUpAccount({ bench, token, mailDomain }: Crm): Promise<void> {
  await bench.hit(routes.getAccount, { token });
  await bench.hit(routes.getAccount, { label: '401 no token', expect: 401 });
  await bench.hit(routes.patchAccount, {
    token,
    body: { portalEnabled: true, portalName: 'Bench Agency', notificationEmail: `notify@${mailDomain}` },
  });
}

/** Two organizations: `main` for the whole scenario, `spare` to delete at the end. */
export async function organizations({ bench, token }: Crm): Promise<{ main: string; spare: string }> {
  const main = field(
    await bench.hit(routes.createOrganization, { token, body: { name: 'Acme Corp' } }),
    'id',
  );
  const spare = field(
    await bench.hit(routes.createOrganization, { token, body: { name: 'Spare Ltd' } }),
    'id',
  );
  await bench.hit(routes.listOrganizations, { token });
  await bench.hit(routes.getOrganization, { token, params: { orgId: main } });
  await bench.hit(routes.getOrganization, {
    token,
    params: { orgId: unknownId },
    label: '404 unknown id',
    expect: 404,
  });
  await bench.hit(routes.patchOrganization, {
    token,
    params: { orgId: main },
    body: { name: 'Acme Corporation' },
  });
  return { main, spare };
}

async function createContact(crm: Crm, orgId: string, name: string, withEmail = true): Promise<Contact> {
  const email = `${name.toLowerCase()}@${crm.mailDomain}`;
  const body = {
    firstName: name,
    lastName: 'Client',
    organizationId: orgId,
    ...(withEmail ? { email } : {}),
  };
  return { id: field(await crm.bench.hit(routes.createContact, { token: crm.token, body }), 'id'), email };
}

/**
 * The client who signs up, a second client (access revoked later), one left pending, one without
 * e-mail, and one without an organization.
 */
export async function contacts(crm: Crm, orgId: string) {
  const { bench, token } = crm;
  const client = await createContact(crm, orgId, 'Cleo');
  const second = await createContact(crm, orgId, 'Sam');
  const pending = await createContact(crm, orgId, 'Pat');
  const noEmail = await createContact(crm, orgId, 'Nina', false);
  await bench.hit(routes.getContact, { token, params: { contactId: client.id } });
  await bench.hit(routes.patchContact, {
    token,
    params: { contactId: client.id },
    body: { phone: '+49 30 1234567' },
  });
  await bench.hit(routes.listOrganizationContacts, { token, params: { orgId } });
  // A contact without an organization, found by the list of those (B9).
  await bench.hit(routes.createContact, { token, body: { firstName: 'Noor', lastName: 'Freelance' } });
  await bench.hit(routes.listContacts, { token, query: { organization: 'none' } });
  return { client, second, pending, noEmail };
}

export async function invite({ bench, token }: Crm, contactId: string): Promise<void> {
  await bench.hit(routes.inviteContact, { token, params: { contactId } });
}

export async function inviteIneligible({ bench, token }: Crm, contactId: string): Promise<void> {
  await bench.hit(routes.inviteContact, {
    token,
    params: { contactId },
    label: '422 no e-mail',
    expect: 422,
  });
}

/** A job for the organization with the signed-up client as primary contact, shared to the portal. */
export async function jobAndCandidate({ bench, token }: Crm, orgId: string, primaryContactId: string) {
  const job = await bench.hit(routes.createJob, {
    token,
    body: {
      title: 'Platform Engineer',
      description: 'Runs the platform.',
      organizationId: orgId,
      primaryContactId,
    },
  });
  const jobId = field(job, 'id');
  await bench.hit(routes.listJobs, { token });
  await bench.hit(routes.getJob, { token, params: { jobId } });
  await bench.hit(routes.getJob, {
    token,
    params: { jobId: unknownId },
    label: '404 unknown id',
    expect: 404,
  });
  await bench.hit(routes.patchJob, { token, params: { jobId }, body: { location: 'Berlin' } });
  await bench.hit(routes.shareJob, { token, params: { jobId } });

  const candidate = await bench.hit(routes.createCandidate, {
    token,
    body: { firstName: 'Ada', lastName: 'Lovelace', headline: 'Engineer', summary: 'Analytical engines.' },
  });
  const candidateId = field(candidate, 'id');
  await bench.hit(routes.listCandidates, { token });
  await bench.hit(routes.getCandidate, { token, params: { candidateId } });
  return { jobId, candidateId };
}

export async function submission({ bench, token }: Crm, jobId: string, candidateId: string): Promise<string> {
  const submissionId = field(
    await bench.hit(routes.createSubmission, { token, params: { jobId }, body: { candidateId } }),
    'id',
  );
  await bench.hit(routes.listSubmissions, { token, params: { jobId } });
  await bench.hit(routes.patchSubmission, {
    token,
    params: { jobId, submissionId },
    body: { stage: 'interview', remark: 'Strong first call.', remarkVisibility: 'client' },
  });
  return submissionId;
}

export async function reviewRequisitions(
  { bench, token }: Crm,
  approveId: string,
  rejectId: string,
): Promise<void> {
  await bench.hit(routes.listRequisitions, { token });
  await bench.hit(routes.approveRequisition, { token, params: { reqId: approveId } });
  await bench.hit(routes.rejectRequisition, {
    token,
    params: { reqId: rejectId },
    body: { remarks: 'We already have this role covered.' },
  });
}

export async function audit({ bench, token }: Crm, contactId: string): Promise<void> {
  await bench.hit(routes.getContactAudit, { token, params: { contactId } });
}

export async function revocations({ bench, token }: Crm, activeId: string, pendingId: string): Promise<void> {
  await bench.hit(routes.revokePortalAccess, { token, params: { contactId: activeId } });
  await bench.hit(routes.revokeInvitation, { token, params: { contactId: pendingId } });
}

export async function teardown(
  { bench, token }: Crm,
  ids: { jobId: string; candidateId: string; contactId: string; orgId: string },
): Promise<void> {
  await bench.hit(routes.unshareJob, { token, params: { jobId: ids.jobId } });
  await bench.hit(routes.deleteCandidate, { token, params: { candidateId: ids.candidateId } });
  await bench.hit(routes.deleteJob, { token, params: { jobId: ids.jobId } });
  await bench.hit(routes.deleteContact, { token, params: { contactId: ids.contactId } });
  await bench.hit(routes.deleteOrganization, { token, params: { orgId: ids.orgId } });
}
