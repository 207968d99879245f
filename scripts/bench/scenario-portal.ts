/** The client side of the benchmark scenario: every `/portal` route, in dependency order. */
import { routes } from '../../shared/api/routes.ts';
import { field, sessionCookie, waitForLoginCode, waitForToken } from './http.ts';
import type { Recorder } from './recorder.ts';
import { unknownId } from './scenario-crm.ts';

export interface Portal {
  bench: Recorder;
  mailUrl: string;
}

/** Reads the sign-up token from the invitation e-mail, looks at the invitation, signs up. */
export async function signUp({ bench, mailUrl }: Portal, email: string, firstName: string): Promise<string> {
  const token = await waitForToken(mailUrl, email, '/signup');
  if (!token) throw new Error(`no /signup?token= link in a mail to ${email}`);
  await bench.hit(routes.getInvitation, { params: { token } });
  const reply = await bench.hit(routes.signup, {
    body: { token, firstName, lastName: 'Client', jobTitle: 'CTO' },
  });
  return sessionCookie(reply);
}

export async function consumedInvitation({ bench, mailUrl }: Portal, email: string): Promise<void> {
  const token = await waitForToken(mailUrl, email, '/signup');
  if (!token) throw new Error(`no /signup?token= link in a mail to ${email}`);
  await bench.hit(routes.getInvitation, { params: { token }, label: '404 used token', expect: 404 });
}

export async function pipeline({ bench }: Portal, cookie: string, jobId: string, submissionId: string) {
  await bench.hit(routes.me, { cookie });
  await bench.hit(routes.me, { label: '401 no cookie', expect: 401 });
  await bench.hit(routes.listPortalJobs, { cookie });
  await bench.hit(routes.getPortalJob, { cookie, params: { jobId } });
  await bench.hit(routes.getPortalJob, {
    cookie,
    params: { jobId: unknownId },
    label: '404 unknown id',
    expect: 404,
  });
  await bench.hit(routes.listPortalCandidates, { cookie, params: { jobId } });
  const params = { jobId, submissionId };
  await bench.hit(routes.moveCandidate, {
    cookie,
    params,
    body: { stage: 'shortlisted', remark: 'Looks great.' },
  });
  await bench.hit(routes.remarkCandidate, { cookie, params, body: { remark: 'Can we meet her on Monday?' } });
}

const requisition = (title: string) => ({
  title,
  description: 'We need help with this role.',
  qualifications: 'Five years of experience.',
  location: 'Berlin',
  employmentType: 'full_time',
  openings: 1,
  salaryMin: 60_000,
  salaryMax: 80_000,
  currency: 'EUR',
});

/** Three requisitions: one to approve, one to reject, one withdrawn by the client. */
export async function requisitions({ bench }: Portal, cookie: string) {
  const create = async (title: string) =>
    field(await bench.hit(routes.createRequisition, { cookie, body: requisition(title) }), 'id');
  const [approve, reject, withdraw] = [
    await create('Data Engineer'),
    await create('Designer'),
    await create('Intern'),
  ];
  await bench.hit(routes.listPortalRequisitions, { cookie });
  await bench.hit(routes.getPortalRequisition, { cookie, params: { reqId: approve } });
  await bench.hit(routes.patchPortalRequisition, {
    cookie,
    params: { reqId: approve },
    body: { openings: 2 },
  });
  await bench.hit(routes.withdrawRequisition, { cookie, params: { reqId: withdraw } });
  return { approve, reject };
}

/**
 * B7: a login link by e-mail (sent asynchronously by an event handler), checked, then exchanged
 * for a session. Answers the new session cookie, or undefined when there is none.
 */
export async function loginByLink({ bench, mailUrl }: Portal, email: string): Promise<string | undefined> {
  const notMeasured = (reason: string) => {
    bench.markNotMeasured(routes.getLoginLink, reason);
    bench.markNotMeasured(routes.createSession, reason);
    return undefined;
  };
  const requested = await bench.hit(routes.requestLoginLinks, { body: { email }, sourceIp: '198.51.100.7' });
  if (requested.status === 500 && !process.env.EVENT_BUS_NAME) {
    bench.markNotMeasured(routes.requestLoginLinks, '500: EVENT_BUS_NAME is not set, no local event bus');
    return notMeasured('no login link without the local event bus');
  }
  if (requested.status !== routes.requestLoginLinks.status)
    return notMeasured(`login-links answered ${requested.status}`);
  const token = await waitForToken(mailUrl, email, '/login/continue');
  if (!token) return notMeasured('no /login/continue?token= mail within 5 s');
  await bench.hit(routes.getLoginLink, { params: { token } });
  const session = await bench.hit(routes.createSession, { body: { token } });
  // A failed login is reported (not covered, exit 1); the scenario goes on with the sign-up session.
  return session.status === routes.createSession.status ? sessionCookie(session) : undefined;
}

/**
 * B24: a second login request (the newest now), then its e-mailed code: one wrong code (counted,
 * refused) and the right one, which starts a session. Answers the session cookie, if any.
 */
export async function loginByCode({ bench, mailUrl }: Portal, email: string): Promise<string | undefined> {
  const requested = await bench.hit(routes.requestLoginLinks, {
    body: { email },
    sourceIp: '198.51.100.8',
    label: 'second request (B24)',
  });
  if (requested.status !== routes.requestLoginLinks.status) return undefined;
  const loginRequestId = field(requested, 'loginRequestId');
  const code = await waitForLoginCode(mailUrl, email, 2);
  if (!code) {
    bench.markNotMeasured(routes.createSession, 'no second login e-mail with a code within 5 s');
    return undefined;
  }
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  await bench.hit(routes.createSession, {
    body: { loginRequestId, code: wrong },
    label: '401 wrong code (B24)',
    expect: 401,
  });
  const session = await bench.hit(routes.createSession, {
    body: { loginRequestId, code: `${code.slice(0, 3)} ${code.slice(3)}` },
    label: 'by code (B24)',
  });
  return session.status === routes.createSession.status ? sessionCookie(session) : undefined;
}

export async function logOut({ bench }: Portal, cookie: string): Promise<void> {
  await bench.hit(routes.deleteSession, { cookie });
}
