import { execFileSync } from 'node:child_process';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '../../shared/api/routes.ts';
import { buildTestApp, resourcesOf, routeTemplate, wiringOf } from './app-fixture.ts';

/**
 * Every Lambda must load with exactly the environment CDK gives it: a module that reads a variable
 * its function is not given would crash every cold start in AWS, while the local stack (which sets
 * everything for everyone) never notices. Handlers are imported in child processes whose
 * environment holds only the variables of their function in the template.
 */
type Group = { names: string[]; entries: string[] };
const groups = new Map<string, Group>();

function add(entry: string, variables: Record<string, unknown>) {
  const names = Object.keys(variables).sort();
  const key = names.join(',');
  const group = groups.get(key) ?? { names, entries: [] };
  group.entries.push(entry);
  groups.set(key, group);
}

beforeAll(() => {
  const { stacks } = buildTestApp();
  for (const route of routeList) {
    const { fn } = wiringOf(routeTemplate(stacks, route), route);
    add(`functions/${route.id}.ts`, fn.Properties?.Environment?.Variables ?? {});
  }
  const pipeline = Template.fromStack(stacks.pipeline);
  for (const fn of Object.values(resourcesOf(pipeline, 'AWS::Lambda::Function'))) {
    const entry = /\((functions\/[^)]+\.ts)\)$/.exec(String(fn.Properties?.Description ?? ''))?.[1];
    if (entry) add(entry, fn.Properties?.Environment?.Variables ?? {});
  }
});

describe('each function loads with only the environment CDK gives it', () => {
  it('every route and pipeline handler imports cleanly in its own environment', () => {
    expect(groups.size).toBeGreaterThan(2);
    for (const { names, entries } of groups.values()) {
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '',
        AWS_REGION: 'eu-west-1',
        AWS_EC2_METADATA_DISABLED: 'true',
      };
      for (const name of names)
        env[name] = name.endsWith('_URL') ? 'https://portal.example.com' : `test-${name.toLowerCase()}`;
      const script = `for (const e of ${JSON.stringify(entries)}) { const m = await import('./' + e); if (typeof m.handler !== 'function') throw new Error(e + ': no handler'); }`;
      const run = () =>
        execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
          env,
          stdio: 'pipe',
          cwd: process.cwd(),
        });
      expect(run, `${entries.join(', ')} with ${names.join(', ')}`).not.toThrow();
    }
  });
});
