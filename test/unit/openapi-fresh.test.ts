import { describe, expect, it } from 'vitest';
import { routeList } from '../../shared/api/routes.ts';
import { openApiDocument } from '../../shared/api/openapi.ts';
import { staleArtefacts } from '../../scripts/openapi/generate.ts';

describe('the OpenAPI document', () => {
  it('has one operation per route of the route table, with its success status', () => {
    const doc = openApiDocument();
    for (const route of routeList) {
      const op = doc.paths?.[route.path]?.[route.method.toLowerCase() as 'get'];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(Object.keys(op?.responses ?? {})).toContain(String(route.status));
    }
  });

  it('the committed copy, the web client types and docs/api.md are fresh (run `npm run openapi` after changing shared/api)', async () => {
    expect(await staleArtefacts()).toEqual([]);
  });

  it('G7 docs/api.md names every route with its auth, its request body fields and every response status', async () => {
    const { readFile } = await import('node:fs/promises');
    const { artefactPaths } = await import('../../scripts/openapi/generate.ts');
    const page = await readFile(artefactPaths.reference, 'utf8');
    const doc = openApiDocument();
    for (const route of routeList) {
      const heading = `### ${route.method} ${route.path}\n`;
      const start = page.indexOf(heading);
      expect(start, heading).toBeGreaterThanOrEqual(0);
      const section = page.slice(start, page.indexOf('\n### ', start + heading.length));
      expect(section).toContain(route.summary);
      expect(section).toContain('- **Auth:** ');
      const op = doc.paths?.[route.path]?.[route.method.toLowerCase() as 'get'];
      for (const status of Object.keys(op?.responses ?? {}))
        expect(section).toMatch(new RegExp(`\\| ${status} +\\|`));
      if (route.body) expect(section).toContain('**Request body**');
    }
    // The portal's own 401 codes, in the page a person reads.
    expect(page).toContain('`session_expired`');
    expect(page).toContain('`access_removed`');
  });
});

describe('the response contract the integration tests enforce', () => {
  it('refuses an answer outside the documented shape and accepts a documented one', async () => {
    const { assertResponseContract } = await import('../support/response-contract.ts');
    const org = {
      id: '01J0000000000000000000000A',
      name: 'Globex',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(() => assertResponseContract('GET', `/crm/organizations/${org.id}`, 200, org)).not.toThrow();
    expect(() =>
      assertResponseContract('GET', `/crm/organizations/${org.id}`, 200, { ...org, name: 7 }),
    ).toThrow(/documented shape/);
    expect(() =>
      assertResponseContract('DELETE', `/crm/organizations/${org.id}`, 204, { id: org.id }),
    ).toThrow(/body/);
  });
});
