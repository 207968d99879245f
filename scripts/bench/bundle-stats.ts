/**
 * Pure helpers of `npm run bench:bundles`: the run order, package attribution from an esbuild
 * metafile, ratios against the baseline and the report. No I/O here.
 */
import { median } from './format.ts';

export interface BundleMeasurement {
  /** Handler id, `crm/get-account`; the baseline is `(baseline)`. */
  id: string;
  bytes: number;
  /** Import times in ms, one per fresh process: wall clock, and the process's CPU time (user + system). */
  importMs: number[];
  importCpuMs: number[];
  /** Output bytes by package (`(project) shared/api` for our own code). */
  contributors: Record<string, number>;
}

/** The goals of issue 8, as ratios to the baseline. */
export const goals = { maxSizeRatio: 1.4, medianInitRatio: 1.3, maxInitRatio: 1.5 } as const;

/** `node_modules/@aws-sdk/core/dist/x.js` → `@aws-sdk/core`; `shared/api/routes.ts` → `(project) shared/api`. */
export function packageOf(inputPath: string): string {
  const parts = inputPath.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at >= 0) {
    const first = parts[at + 1] ?? '?';
    return first.startsWith('@') ? `${first}/${parts[at + 2] ?? '?'}` : first;
  }
  const own = parts.filter((p) => p !== '..' && p !== '.');
  return `(project) ${own.slice(0, Math.min(2, own.length - 1)).join('/') || own.join('/')}`;
}

/** Sums `bytesInOutput` of one output's inputs by package. */
export function contributorsOf(inputs: Record<string, { bytesInOutput: number }>): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const name = packageOf(path);
    sums[name] = (sums[name] ?? 0) + bytesInOutput;
  }
  return sums;
}

/**
 * One round: every function once, in a shuffled order, with the baseline before the first and
 * after every `every` functions — so load that comes and goes hits both alike.
 */
export function roundOrder<T>(items: readonly T[], baseline: T, every: number, random = Math.random): T[] {
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  const order: T[] = [];
  shuffled.forEach((item, i) => {
    if (i % every === 0) order.push(baseline);
    order.push(item);
  });
  return order;
}

export interface BundleRow {
  id: string;
  kb: number;
  sizeRatio: number;
  medianMs: number;
  initRatio: number;
  /** Median import CPU time over the baseline's: steadier than wall time on a loaded machine. */
  cpuRatio: number;
}

export interface BundleReport {
  baseline: { kb: number; medianMs: number; medianCpuMs: number; runs: number };
  rows: BundleRow[];
  maxSizeRatio: number;
  /** The median over functions of their median import time, and its ratio to the baseline's. */
  medianMs: number;
  medianInitRatio: number;
  maxInitRatio: number;
  medianCpuRatio: number;
  goalsMet: boolean;
  largest: { id: string; contributors: [string, number][] };
}

const medianOf = (values: readonly number[]) => median(values) ?? Number.NaN;

export function bundleReport(
  baseline: BundleMeasurement,
  functions: readonly BundleMeasurement[],
): BundleReport {
  const baseMs = medianOf(baseline.importMs);
  const baseCpuMs = medianOf(baseline.importCpuMs);
  const rows = functions
    .map((f) => {
      const medianMs = medianOf(f.importMs);
      return {
        id: f.id,
        kb: f.bytes / 1024,
        sizeRatio: f.bytes / baseline.bytes,
        medianMs,
        initRatio: medianMs / baseMs,
        cpuRatio: medianOf(f.importCpuMs) / baseCpuMs,
      };
    })
    .sort((a, b) => b.kb - a.kb || a.id.localeCompare(b.id));
  const medianMs = medianOf(rows.map((r) => r.medianMs));
  const maxSizeRatio = Math.max(...rows.map((r) => r.sizeRatio));
  const maxInitRatio = Math.max(...rows.map((r) => r.initRatio));
  const medianInitRatio = medianMs / baseMs;
  const biggest = [...functions].sort((a, b) => b.bytes - a.bytes)[0];
  return {
    baseline: {
      kb: baseline.bytes / 1024,
      medianMs: baseMs,
      medianCpuMs: baseCpuMs,
      runs: baseline.importMs.length,
    },
    rows,
    maxSizeRatio,
    medianMs,
    medianInitRatio,
    maxInitRatio,
    medianCpuRatio: medianOf(rows.map((r) => r.cpuRatio)),
    goalsMet:
      maxSizeRatio <= goals.maxSizeRatio &&
      medianInitRatio <= goals.medianInitRatio &&
      maxInitRatio <= goals.maxInitRatio,
    largest: {
      id: biggest?.id ?? '–',
      contributors: Object.entries(biggest?.contributors ?? {}).sort((a, b) => b[1] - a[1]),
    },
  };
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const mark = (ok: boolean) => (ok ? 'met' : '**NOT met**');

export function bundleMarkdown(report: BundleReport, top = 12): string {
  const { baseline: base } = report;
  const lines = [
    '| function | KB | size ratio | median import ms | baseline ms | init ratio | CPU ratio |',
    '|---|---:|---:|---:|---:|---:|---:|',
    `| _(baseline: DocumentClient + one GetItem)_ | ${f1(base.kb)} | 1.00 | ${f1(base.medianMs)} | ${f1(base.medianMs)} | 1.00 | 1.00 |`,
  ];
  for (const r of report.rows)
    lines.push(
      `| ${r.id} | ${f1(r.kb)} | ${f2(r.sizeRatio)} | ${f1(r.medianMs)} | ${f1(base.medianMs)} | ${f2(r.initRatio)} | ${f2(r.cpuRatio)} |`,
    );
  lines.push(
    '',
    `Largest bundle: ${report.largest.id}; its largest contributors:`,
    '',
    '| package | KB |',
    '|---|---:|',
    ...report.largest.contributors.slice(0, top).map(([name, bytes]) => `| ${name} | ${f1(bytes / 1024)} |`),
    '',
    `- size: largest ratio ${f2(report.maxSizeRatio)} (goal ≤ ${goals.maxSizeRatio}): ${mark(report.maxSizeRatio <= goals.maxSizeRatio)}`,
    `- import: median ${f1(report.medianMs)} ms against ${f1(base.medianMs)} ms, ratio ${f2(report.medianInitRatio)} (goal ≤ ${goals.medianInitRatio}): ${mark(report.medianInitRatio <= goals.medianInitRatio)}`,
    `- import: largest ratio ${f2(report.maxInitRatio)} (goal ≤ ${goals.maxInitRatio}): ${mark(report.maxInitRatio <= goals.maxInitRatio)}`,
    `- import CPU time (user + system, for a loaded machine): baseline ${f1(base.medianCpuMs)} ms, median ratio ${f2(report.medianCpuRatio)}`,
  );
  return lines.join('\n');
}
