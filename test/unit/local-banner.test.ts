import { describe, expect, it } from 'vitest';
import { banner, type BannerInfo } from '../../local/banner.ts';
import { HealthRegistry } from '../../local/health.ts';
import type { LocalStack } from '../../local/stack.ts';

const stack = {
  urls: {
    app: 'http://localhost:3000',
    portal: 'http://localhost:3000',
    mail: 'http://localhost:8005',
    dynamodb: 'http://localhost:8000',
  },
  tableName: 'client-portal-local',
  webRoot: '/repo/web/dist',
} as LocalStack;
const info: BannerInfo = {
  startedMs: 4200,
  persist: false,
  token: 'eyJ.token',
  seed: { skipped: false, invitableContactId: '01JADA', counts: { organizations: 2 } },
  webBuilt: true,
};

describe('npm start: the banner says what to open first', () => {
  it('the portal, the recruiter console, the mail viewer and the API reference come first, in that order', () => {
    const text = banner(stack, info);
    const first = text.slice(text.indexOf('Open first:'), text.indexOf('Try it in the browser:'));
    const order = [
      'http://localhost:3000/\n',
      'http://localhost:3000/recruiter',
      'http://localhost:8005',
      '/docs/api',
    ].map((url) => first.indexOf(url));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(first).toMatch(
      /Recruiter console +http:\/\/localhost:3000\/recruiter +\(choose "Continue as demo admin"\)/,
    );
    expect(text).not.toContain('build:web');
  });

  it('walks a new person through the browser before any curl: sign in as demo admin, invite Ada, join from the mail', () => {
    const text = banner(stack, info);
    const steps = text.slice(text.indexOf('Try it in the browser:'), text.indexOf('The local stack'));
    expect(steps).toContain('open http://localhost:3000/recruiter and choose "Continue as demo admin"');
    expect(steps).toContain('open Ada Lovelace (Acme Robotics), then More actions → Invite to Client Portal');
    expect(steps).toContain('in the mail viewer http://localhost:8005');
    expect(steps).toContain('"No organization"');
    expect(steps).not.toContain('curl');
    expect(text.indexOf('Try it in the browser:')).toBeLessThan(text.indexOf('curl'));
  });

  it('keeps the fixed points scripts and the README rely on: the links page, the token, the invite by curl', () => {
    const text = banner(stack, info);
    expect(text).toContain('http://localhost:3000/_local/');
    expect(text).toContain('\nexport TOKEN=eyJ.token\n');
    expect(text).toContain(
      'curl -s -X POST http://localhost:3000/crm/contacts/01JADA/portal-invitation -H "authorization: Bearer $TOKEN"',
    );
    expect(text).toContain('http://localhost:3000/_local/health');
    expect(text).toContain('http://localhost:8005/store');
  });

  it('without the demo data, the browser steps start from an empty agency and curl names no contact', () => {
    const text = banner(stack, { ...info, seed: 'disabled' });
    expect(text).toContain('not seeded (--no-seed)');
    expect(text).toContain('switch the Client Portal add-on on in Settings');
    expect(text).not.toContain('Ada Lovelace');
    expect(text).toContain('/crm/contacts/<contactId>');
  });

  it('says how to build the web app when it is not built', () => {
    expect(banner(stack, { ...info, webBuilt: false })).toContain('npm run build:web');
  });
});

describe('npm start: /_local/health waits for the demo data', () => {
  it('a component registered as pending keeps health at starting until it reports ready', async () => {
    const health = new HealthRegistry();
    health.register('dynamodb', async () => true);
    health.register('seed', async () => false);
    expect(await health.report()).toEqual({
      status: 'starting',
      components: { dynamodb: 'ok', seed: 'unavailable' },
    });
    health.register('seed', async () => true);
    expect((await health.report()).status).toBe('ok');
  });
});
