/**
 * `npm run bench:bundles`: what every function carries, and what that costs at a cold start.
 *
 * Builds every function (routes, rule handlers, the stream publisher) exactly as `cdk synth` does —
 * the same one esbuild run of lib/build/function-bundles.ts — and the baseline
 * (scripts/bench/baseline-handler.ts: one DocumentClient, one GetItem) with the same options, then
 * imports each bundle in fresh Node processes — with `--enable-source-maps`, as
 * Lambda runs them, and only the environment variables its function gets — interleaving the
 * baseline, BENCH_RUNS rounds (default 15; fewer only for a quick look). Prints a Markdown table (KB, size ratio,
 * median import ms, baseline ms, init ratio), the largest contributors of the largest bundle and
 * whether the goals are met (exit 1 if not). Progress goes to stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { appFunctions, projectRoot } from '../lib/build/app-functions.ts';
import { buildFunctionBundles, esbuildOptions } from '../lib/build/function-bundles.ts';
import type { RouteAccess } from '../shared/api/routes.ts';
import { envNames } from '../shared/config/env.ts';
import {
  bundleMarkdown,
  bundleReport,
  contributorsOf,
  roundOrder,
  type BundleMeasurement,
} from './bench/bundle-stats.ts';

const runs = Number(process.env.BENCH_RUNS ?? 15);
const baselineEvery = 4;
const log = (line: string) => process.stderr.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

interface Target {
  id: string;
  env: Record<string, string>;
  file?: string;
  measurement?: BundleMeasurement;
}

const secretArn = (name: string) => `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${name}`;

/**
 * The variables CDK gives a function with this access (values are placeholders): `bindAccess`'s,
 * plus the origin secret every API route function checks (`bindOriginSecret`).
 */
function environmentOf(access: RouteAccess | undefined, isRoute = false): Record<string, string> {
  const env: Record<string, string> = { [envNames.table]: 'bench-table' };
  if (access?.email) {
    env[envNames.emailFrom] = 'no-reply@example.com';
    env[envNames.sesConfigurationSet] = 'bench-configuration-set';
    env[envNames.portalBaseUrl] = 'https://portal.example.com';
  }
  if (access?.cursor)
    env[envNames.cursorSecretArn] = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:bench';
  if (access?.events) env[envNames.eventBusName] = 'bench-bus';
  if (access?.loginCode) env[envNames.loginCodeSecretArn] = secretArn('login-code');
  if (isRoute) env[envNames.originSecretArn] = secretArn('origin');
  return env;
}

const functions: Target[] = appFunctions().map(({ handlerId, access }) => ({
  id: handlerId,
  env: environmentOf(access, /^(crm|portal)\//.test(handlerId)),
}));
const baseline: Target = { id: '(baseline)', env: environmentOf(undefined) };
const baselineEntry = new URL('./bench/baseline-handler.ts', import.meta.url).pathname;

/** The functions as `cdk synth` builds them; the baseline alone, with the same options. */
async function buildAll(outRoot: string): Promise<number> {
  const started = performance.now();
  const { metafile } = await buildFunctionBundles(join(outRoot, 'functions'));
  const seconds = (performance.now() - started) / 1000;
  for (const target of functions)
    setBundle(target, join(outRoot, 'functions', target.id, 'index.mjs'), metafile);
  const base = await build({
    ...esbuildOptions,
    entryPoints: [{ in: baselineEntry, out: 'index' }],
    outdir: join(outRoot, 'baseline'),
  });
  setBundle(baseline, join(outRoot, 'baseline', 'index.mjs'), base.metafile);
  return seconds;
}

function setBundle(target: Target, file: string, metafile: Metafile): void {
  // Metafile paths are relative to esbuild's working directory, the project root.
  const output = Object.entries(metafile.outputs).find(([path]) => resolve(projectRoot, path) === file)?.[1];
  if (!output) throw new Error(`No output ${file} for ${target.id}`);
  target.file = file;
  target.measurement = {
    id: target.id,
    bytes: statSync(file).size,
    importMs: [],
    importCpuMs: [],
    contributors: contributorsOf(output.inputs),
  };
}

const importScript = [
  'const t0 = performance.now();',
  'const c0 = process.cpuUsage();',
  'const m = await import(process.env.BENCH_MODULE);',
  'const ms = performance.now() - t0;',
  'const cpu = process.cpuUsage(c0);',
  "if (typeof m.handler !== 'function') { process.stderr.write('no handler export'); process.exit(2); }",
  'process.stdout.write(`${ms} ${(cpu.user + cpu.system) / 1000}`);',
].join('\n');

/** One fresh process: the import of the bundle alone, timed inside the process (wall and CPU ms). */
function importOnce(target: Target): [number, number] {
  const result = spawnSync(
    process.execPath,
    ['--enable-source-maps', '--no-warnings', '--input-type=module', '-e', importScript],
    {
      env: {
        PATH: process.env.PATH ?? '',
        AWS_REGION: 'eu-west-1',
        AWS_EC2_METADATA_DISABLED: 'true',
        POWERTOOLS_SERVICE_NAME: 'client-portal',
        BENCH_MODULE: pathToFileURL(target.file!).href,
        ...target.env,
      },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  const [ms, cpu] = result.stdout.split(' ').map(Number);
  if (result.status !== 0 || !Number.isFinite(ms) || !Number.isFinite(cpu))
    throw new Error(`${target.id} did not import (exit ${result.status}): ${result.stderr}`);
  return [ms!, cpu!];
}

async function main(): Promise<void> {
  const outRoot = mkdtempSync(join(tmpdir(), 'bench-bundles-'));
  try {
    log(`Load average before: ${load()} (${process.version})`);
    if (!(runs >= 15)) log(`BENCH_RUNS=${runs}: fewer than 15 rounds, a quick look only`);
    const buildSeconds = await buildAll(outRoot);
    log(
      `Built ${functions.length} functions in ${buildSeconds.toFixed(1)} s (one esbuild run), and the baseline`,
    );

    // Warm the file cache and catch a bundle that cannot load before timing anything.
    for (const target of [baseline, ...functions]) importOnce(target);
    for (let round = 1; round <= runs; round++) {
      for (const target of roundOrder(functions, baseline, baselineEvery)) {
        const [ms, cpu] = importOnce(target);
        target.measurement!.importMs.push(ms);
        target.measurement!.importCpuMs.push(cpu);
      }
      log(`Round ${round}/${runs} done (load ${load()})`);
    }

    const report = bundleReport(
      baseline.measurement!,
      functions.map((f) => f.measurement!),
    );
    console.log(`# Bundles: ${functions.length} functions against the baseline\n`);
    console.log(
      `${runs} rounds, fresh processes, baseline interleaved every ${baselineEvery} functions ` +
        `(${report.baseline.runs} baseline runs); one build of all functions ${buildSeconds.toFixed(1)} s; ` +
        `load average at the end ${load()}; ${process.version}\n`,
    );
    console.log(bundleMarkdown(report));
    if (!report.goalsMet) process.exitCode = 1;
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }
}

await main();
