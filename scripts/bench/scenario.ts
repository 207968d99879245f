/** The whole scenario: one agency, every route of the route table, in dependency order. */
import { routes } from '../../shared/api/routes.ts';
import * as crm from './scenario-crm.ts';
import * as portal from './scenario-portal.ts';
import type { Recorder } from './recorder.ts';

export interface ScenarioContext {
  bench: Recorder;
  /** A recruiter (admin) token of a fresh account. */
  token: string;
  mailUrl: string;
  /** Unique per run, so mails of this run are told apart. */
  mailDomain: string;
  log(line: string): void;
}

export async function runScenario({
  bench,
  token,
  mailUrl,
  mailDomain,
  log,
}: ScenarioContext): Promise<void> {
  const c: crm.Crm = { bench, token, mailDomain };
  const p: portal.Portal = { bench, mailUrl };

  log('  account, organizations, contacts');
  await crm.setUpAccount(c);
  const orgs = await crm.organizations(c);
  const people = await crm.contacts(c, orgs.main);

  log('  invitations and sign-ups');
  for (const contact of [people.client, people.second, people.pending]) await crm.invite(c, contact.id);
  await crm.inviteIneligible(c, people.noEmail.id);
  const cookie = await portal.signUp(p, people.client.email, 'Cleo');
  await portal.signUp(p, people.second.email, 'Sam');
  await portal.consumedInvitation(p, people.client.email);

  log('  jobs, candidates, submissions');
  const { jobId, candidateId } = await crm.jobAndCandidate(c, orgs.main, people.client.id);
  const submissionId = await crm.submission(c, jobId, candidateId);

  log('  portal pipeline and requisitions');
  await portal.pipeline(p, cookie, jobId, submissionId);
  const reqs = await portal.requisitions(p, cookie);
  await crm.reviewRequisitions(c, reqs.approve, reqs.reject);

  log('  login links and codes (asynchronous e-mail, up to 5 s each)');
  const linkCookie = await portal.loginByLink(p, people.client.email);
  const loginCookie = (await portal.loginByCode(p, people.client.email)) ?? linkCookie;
  await crm.audit(c, people.client.id);
  log('  timing the session check against the JWT check');
  await bench.compare(
    { route: routes.me, options: { cookie } },
    { route: routes.getAccount, options: { token } },
  );
  await portal.logOut(p, loginCookie ?? cookie);

  log('  revocations and deletes');
  await crm.revocations(c, people.second.id, people.pending.id);
  await crm.teardown(c, { jobId, candidateId, contactId: people.noEmail.id, orgId: orgs.spare });
}
