import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routeList } from '../../shared/api/routes.ts';

const portal = routeList.filter((r) => r.path.startsWith('/portal/'));

describe('SPEC §3 the portal route table', () => {
  it('has exactly the five public routes; every other /portal route is behind the session check', () => {
    const publicRoutes = portal.filter((r) => r.auth === 'public').map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes.sort()).toEqual([
      'GET /portal/invitations/{token}',
      'GET /portal/login-links/{token}',
      'POST /portal/login-links',
      'POST /portal/sessions',
      'POST /portal/signup',
    ]);
    expect(portal.filter((r) => r.auth !== 'public').every((r) => r.auth === 'session')).toBe(true);
  });

  it.each(portal.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s is built with the handler its auth requires',
    (_key, r) => {
      const source = readFileSync(new URL(`../../functions/${r.id}.ts`, import.meta.url), 'utf8');
      const factory = r.auth === 'public' ? 'publicPortalHandler(' : /[^c]portalHandler\(/;
      if (typeof factory === 'string') expect(source).toContain(factory);
      else expect(source).toMatch(factory);
      if (r.auth === 'session') expect(source).not.toContain('publicPortalHandler(');
    },
  );

  it('every /crm route is behind the JWT authorizer', () => {
    expect(routeList.filter((r) => r.path.startsWith('/crm/')).every((r) => r.auth === 'jwt')).toBe(true);
  });
});
