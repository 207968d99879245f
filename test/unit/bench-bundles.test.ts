import { describe, expect, it } from 'vitest';
import {
  bundleMarkdown,
  bundleReport,
  contributorsOf,
  packageOf,
  roundOrder,
  type BundleMeasurement,
} from '../../scripts/bench/bundle-stats.ts';

const measurement = (id: string, kb: number, ms: number[]): BundleMeasurement => ({
  id,
  bytes: kb * 1024,
  importMs: ms,
  importCpuMs: ms,
  contributors: { zod: kb * 512, '@smithy/core': kb * 256, '(project) shared/api': kb * 256 },
});

describe('bench:bundles helpers', () => {
  it('attributes bundle bytes to packages, scoped or not, and to project folders', () => {
    expect(packageOf('node_modules/zod/v4/core/schemas.js')).toBe('zod');
    expect(packageOf('node_modules/@aws-sdk/core/dist-es/index.js')).toBe('@aws-sdk/core');
    expect(packageOf('node_modules/a/node_modules/@smithy/core/x.js')).toBe('@smithy/core');
    expect(packageOf('shared/api/routes.ts')).toBe('(project) shared/api');
    expect(packageOf('functions/crm/get-account.ts')).toBe('(project) functions/crm');
    expect(
      contributorsOf({
        'node_modules/zod/a.js': { bytesInOutput: 10 },
        'node_modules/zod/b.js': { bytesInOutput: 5 },
        'shared/http/x.ts': { bytesInOutput: 1 },
      }),
    ).toEqual({ zod: 15, '(project) shared/http': 1 });
  });

  it('runs every function once per round with the baseline before each group of functions', () => {
    const order = roundOrder(['a', 'b', 'c', 'd', 'e'], 'base', 2);
    expect(order.filter((x) => x === 'base')).toHaveLength(3);
    expect(order[0]).toBe('base');
    expect(order.filter((x) => x !== 'base').sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('judges the goals on the largest size ratio, the median import ratio and the largest import ratio', () => {
    const baseline = measurement('(baseline)', 300, [40, 50, 60]);
    const lean = bundleReport(baseline, [
      measurement('crm/a', 400, [55, 60, 65]),
      measurement('crm/b', 330, [50, 52, 54]),
      measurement('crm/c', 310, [70, 72, 74]),
    ]);
    expect(lean.maxSizeRatio).toBeCloseTo(400 / 300);
    expect(lean.medianInitRatio).toBeCloseTo(60 / 50);
    expect(lean.maxInitRatio).toBeCloseTo(72 / 50);
    expect(lean.goalsMet).toBe(true);
    expect(lean.largest.id).toBe('crm/a');
    expect(lean.largest.contributors[0]).toEqual(['zod', 400 * 512]);

    const heavy = bundleReport(baseline, [measurement('crm/a', 700, [90, 95, 100])]);
    expect(heavy.goalsMet).toBe(false);
    expect(bundleMarkdown(heavy)).toContain('| crm/a | 700.0 | 2.33 | 95.0 | 50.0 | 1.90 | 1.90 |');
    expect(bundleMarkdown(heavy)).toContain('**NOT met**');
  });
});
