import { describe, expect, it } from 'vitest';
import { seedDemoAgency } from '../../local/seed-demo.ts';
import { api, linkIn, newAccountId, recruiterToken, stackInfo, waitForMail } from '../support/api.ts';
import { waitFor } from '../support/pipeline.ts';
import { portalApi, sessionCookieFrom } from '../support/portal.ts';

type Named = { id: string; name?: string; firstName?: string };
const byName = (items: Named[], name: string) => items.find((i) => i.name === name || i.firstName === name);

/**
 * The README's walk-through, step by step, on the data `npm start` seeds (for an account of its
 * own here, so the test owns its tenant): the README and the demo data tell one story.
 */
describe("the README's walk-through on the seeded demo agency", () => {
  it('B2 B4 B5 B10 B11 B12 B22 B23: Ada Lovelace of Acme Robotics is invited, joins, interviews a candidate and loses access', async () => {
    const accountId = newAccountId();
    const token = await recruiterToken({ accountId, role: 'admin', email: `admin@${accountId}.test` });
    const seeded = await seedDemoAgency(stackInfo().appUrl, token);
    expect(seeded.skipped).toBe(false);

    const acme = byName((await api('GET', '/crm/organizations', { token })).json.items, 'Acme Robotics');
    const contacts = (await api('GET', `/crm/organizations/${acme?.id}/contacts`, { token })).json.items;
    const ada = byName(contacts, 'Ada');
    expect(ada?.id).toBe(seeded.invitableContactId);
    const contact = await api('GET', `/crm/contacts/${ada?.id}`, { token });
    expect(contact.json.portal).toEqual({ status: 'none', eligible: true, reasons: [] });

    expect((await api('POST', `/crm/contacts/${ada?.id}/portal-invitation`, { token })).status).toBe(201);
    const mail = await waitForMail(
      (m) =>
        m.destination.to.includes('ada.lovelace@acme-robotics.example') &&
        m.subject.includes('Northwind Talent'),
      { count: 1 },
    );
    const signupToken = linkIn(mail, '/signup')?.searchParams.get('token');
    const invitation = await api('GET', `/portal/invitations/${signupToken}`);
    expect(invitation.json).toMatchObject({
      organization: { name: 'Acme Robotics' },
      agency: { name: 'Northwind Talent' },
    });
    const signup = await portalApi('POST', '/portal/signup', {
      body: { token: signupToken, firstName: 'Ada', lastName: 'Lovelace' },
    });
    expect(signup.status).toBe(201);
    const cookie = sessionCookieFrom(signup);

    const jobs = (await portalApi('GET', '/portal/jobs', { cookie })).json.items;
    expect(jobs.map((j: { title: string }) => j.title)).toEqual(['Senior Robotics Engineer']);
    const pipeline = (await portalApi('GET', `/portal/jobs/${jobs[0].id}/candidates`, { cookie })).json.items;
    expect(
      pipeline.map((s: { candidate: { name: string }; stage: string; remarks: { text?: string }[] }) => [
        s.candidate.name,
        s.stage,
        s.remarks.map((r) => r.text),
      ]),
    ).toEqual([
      ['Katherine Johnson', 'submitted', []],
      ['Margaret Hamilton', 'shortlisted', ['Led the flight software team; available from March.']],
    ]);

    const katherine = pipeline.find(
      (s: { candidate: { name: string } }) => s.candidate.name === 'Katherine Johnson',
    );
    const moved = await portalApi('POST', `/portal/jobs/${jobs[0].id}/candidates/${katherine.id}/moves`, {
      cookie,
      body: { stage: 'interview', remark: 'Let us meet her next week.' },
    });
    expect(moved.json.stage).toBe('interview');
    const notice = await waitForMail(
      (m) =>
        m.destination.to.includes('recruiting@northwind-talent.example') &&
        m.subject === 'Client moved Katherine Johnson',
      { count: 1 },
    );
    expect(notice.body.text).toContain('from submitted to interview: "Let us meet her next week."');

    expect((await api('DELETE', `/crm/contacts/${ada?.id}/portal-access`, { token })).status).toBe(204);
    const refused = await portalApi('GET', '/portal/me', { cookie });
    expect([refused.status, refused.json.error.code]).toEqual([401, 'access_removed']);
    await waitFor(async () => {
      const audit = (await api('GET', `/crm/contacts/${ada?.id}/audit`, { token })).json.items;
      return audit.map((e: { type: string }) => e.type).join() === 'invited,joined,deactivated';
    });
  });
});
