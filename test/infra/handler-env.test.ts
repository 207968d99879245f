import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { appFunctions } from '../../lib/build/app-functions.ts';
import { appFunctionsOf, buildTestApp } from './app-fixture.ts';

/**
 * Every Lambda must load with exactly the environment CDK gives it: a module that reads a variable
 * its function is not given would crash every cold start in AWS, while the local stack (which sets
 * everything for everyone) never notices. The real assets — the bundles CDK deploys — are imported
 * in child processes whose environment holds only the variables of their function in the template.
 */
type Group = { variables: Record<string, unknown>; bundles: string[] };
const groups = new Map<string, Group>();

beforeAll(() => {
  const { stacks } = buildTestApp();
  for (const { assetDir, variables } of appFunctionsOf(stacks)) {
    const key = Object.keys(variables).sort().join(',');
    const group = groups.get(key) ?? { variables, bundles: [] };
    group.bundles.push(pathToFileURL(join(assetDir, 'index.mjs')).href);
    groups.set(key, group);
  }
});

describe('each function loads with only the environment CDK gives it', () => {
  it('every route and pipeline bundle imports cleanly in its own environment', () => {
    expect(groups.size).toBeGreaterThan(2);
    expect([...groups.values()].flatMap((g) => g.bundles)).toHaveLength(appFunctions().length);
    for (const { variables, bundles } of groups.values()) {
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '',
        AWS_REGION: 'eu-west-1',
        AWS_EC2_METADATA_DISABLED: 'true',
      };
      // Literal values as given (NODE_OPTIONS=--enable-source-maps loads each source map too);
      // references to other resources as placeholders.
      for (const [name, value] of Object.entries(variables))
        env[name] =
          typeof value === 'string'
            ? value
            : name.endsWith('_URL')
              ? 'https://portal.example.com'
              : `test-${name.toLowerCase()}`;
      const names = Object.keys(variables);
      const script = `for (const b of ${JSON.stringify(bundles)}) { const m = await import(b); if (typeof m.handler !== 'function') throw new Error(b + ': no handler'); }`;
      const run = () =>
        execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], {
          env,
          stdio: 'pipe',
        });
      expect(run, `${bundles.join(', ')} with ${names.join(', ')}`).not.toThrow();
    }
  });
});
