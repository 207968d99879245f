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

  it('the committed copy and the web client types are fresh (run `npm run openapi` after changing shared/api)', async () => {
    expect(await staleArtefacts()).toEqual([]);
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
