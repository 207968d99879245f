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
    const first = text.slice(text.indexOf('Open first:'), text.indexOf('The local stack'));
    const order = [
      'http://localhost:3000/\n',
      'http://localhost:3000/recruiter',
      'http://localhost:8005',
      '/docs/api',
    ].map((url) => first.indexOf(url));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('http://localhost:3000/_local/');
    expect(text).toContain('export TOKEN=eyJ.token');
    expect(text).toContain('/crm/contacts/01JADA/portal-invitation');
    expect(text).not.toContain('build:web');
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
