import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routeList, routeModules, routes } from '../../shared/api/routes.ts';

describe('the route table', () => {
  it('holds every route of every resource module once: no name shadows another module’s', () => {
    const names = routeModules.flatMap((m) => Object.keys(m));
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(routes).sort()).toEqual([...names].sort());
  });

  it('has a route for every function file under functions/crm and functions/portal', () => {
    const files = ['crm', 'portal'].flatMap((dir) =>
      readdirSync(new URL(`../../functions/${dir}/`, import.meta.url))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => `${dir}/${f.slice(0, -3)}`),
    );
    expect(routeList.map((r) => r.id).sort()).toEqual(files.sort());
  });
});
