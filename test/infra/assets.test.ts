import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appFunctions, projectRoot } from '../../lib/build/app-functions.ts';
import { routeList } from '../../shared/api/routes.ts';
import { appFunctionsOf, buildTestApp } from './app-fixture.ts';

/**
 * The deployed code of each function, read from the asset the template points to: one build of
 * all functions, one folder per function, and in it that function's code only.
 */
type Deployed = ReturnType<typeof appFunctionsOf>[number];
let deployed: Deployed[];

beforeAll(() => {
  deployed = appFunctionsOf(buildTestApp().stacks);
});

const accessOf = new Map(appFunctions().map((f) => [f.handlerId, f.access]));
const cases = () => appFunctions().map((f) => [f.handlerId] as const);
const find = (handlerId: string) => {
  const found = deployed.find((d) => d.handlerId === handlerId);
  if (!found) throw new Error(`${handlerId} is not in the app`);
  return found;
};
/** The project files a bundle was built from, by its source map (paths relative to the project). */
const sourcesOf = (assetDir: string) =>
  (JSON.parse(readFileSync(join(assetDir, 'index.mjs.map'), 'utf8')) as { sources: string[] }).sources
    .filter((s) => !s.includes('node_modules/'))
    .map((s) => relative(projectRoot, resolve(assetDir, s)));

describe('each function deploys its own bundle', () => {
  it('every function of the app has a bundle of its own', () => {
    expect(deployed.map((d) => d.handlerId).sort()).toEqual([...accessOf.keys()].sort());
    expect(new Set(deployed.map((d) => d.assetDir)).size).toBe(deployed.length);
  });

  it.each(cases())('%s: its asset holds its handler and source map only, and no other handler', (id) => {
    const { assetDir, fn } = find(id);
    expect(readdirSync(assetDir).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    expect(fn.Properties?.Handler).toBe('index.handler');
    const code = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    expect(code).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);

    const sources = sourcesOf(assetDir);
    expect(sources.filter((s) => s.startsWith('functions/'))).toEqual([`functions/${id}.ts`]);
    // Its own route (and so its own schemas), no other route of the table.
    const ownRoutes = routeList.filter((r) => code.includes(`"${r.id}"`)).map((r) => r.id);
    expect(ownRoutes).toEqual(routeList.some((r) => r.id === id) ? [id] : []);
  });

  it.each(cases())(
    '%s: carries the SES and EventBridge clients only if it uses them, and no Secrets Manager client',
    (id) => {
      const code = readFileSync(join(find(id).assetDir, 'index.mjs'), 'utf8');
      const access = accessOf.get(id)!;
      // Each SDK client carries its service's namespace in its schemas.
      expect(code.includes('com.amazonaws.sesv2'), 'SES').toBe(Boolean(access.email));
      expect(code.includes('com.amazonaws.eventbridge'), 'EventBridge').toBe(Boolean(access.events));
      // Secrets are read through the Parameters and Secrets extension (a layer), never an SDK client.
      expect(code.includes('com.amazonaws.secretsmanager'), 'Secrets Manager').toBe(false);
      // The full zod (every locale) never; zod/mini only.
      expect(code).not.toMatch(/"Zod(String|Object)"/);
    },
  );

  it.each(cases())('%s: has the secrets extension, its cache off, exactly when it reads a secret', (id) => {
    const { fn } = find(id);
    const access = accessOf.get(id)!;
    // The cursor and login-code secrets, and on every route the origin secret that the HTTP chain
    // checks (shared/http/http-chain.ts).
    const isRoute = routeList.some((r) => r.id === id);
    const reads = Boolean(access.cursor || access.loginCode || isRoute);
    const layers = JSON.stringify(fn.Properties?.Layers ?? []);
    const variables = (fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)
      ?.Variables;
    // AWS's layer for arm64: its ARN, or (region-agnostic stacks) aws-cdk-lib's map of it by region.
    const arm64Layer = /Parameters-and-Secrets-Lambda-Extension-Arm64|Paramsandsecrets.*arm64/;
    expect(arm64Layer.test(layers), 'layer').toBe(reads);
    if (reads) expect(variables).toMatchObject({ PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED: 'false' });
    else expect(variables?.PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED).toBeUndefined();
  });
});
