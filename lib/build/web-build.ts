import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInfoFile, type WebBuildInfo } from './web-build-info.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
export const webRoot = join(repo, 'web', 'dist');
const webConfig = join(repo, 'web', 'vite.config.ts');
/**
 * What every build reads: the app's own folders and files, and the lock file (a changed dependency).
 * The `shared/` modules it imports come from the last build's `build-info.json`, which lists every
 * file of the repository the bundle holds; a newly imported one arrives through a changed file here.
 */
const fixedSources = [
  join(repo, 'web', 'src'),
  join(repo, 'web', 'public'),
  join(repo, 'web', 'index.html'),
  webConfig,
  join(repo, 'lib', 'build', 'web-build-info.ts'),
  join(repo, 'package-lock.json'),
];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export function readBuildInfo(dist: string): WebBuildInfo | undefined {
  try {
    return JSON.parse(readFileSync(join(dist, buildInfoFile), 'utf8')) as WebBuildInfo;
  } catch {
    return undefined;
  }
}

/** The files whose change makes a build stale: the fixed ones, and those the build says it holds. */
export function buildSources(info: WebBuildInfo | undefined): string[] {
  return [...fixedSources, ...(info?.sources ?? []).map((file) => join(repo, file))];
}

/** React's development runtime in a chunk name: what a build under NODE_ENV=development|test bundles. */
function devRuntimeChunks(dist: string): string[] {
  const assets = join(dist, 'assets');
  return existsSync(assets) ? readdirSync(assets).filter((name) => name.includes('jsx-dev-runtime')) : [];
}

/**
 * Why `dist` must be built again, or undefined when it is a fresh production build: missing, not
 * a production build (no `build-info.json`, or one that says otherwise, or a `jsx-dev-runtime`
 * chunk), or older than one of its sources.
 */
export function webBuildProblem(dist: string, options: { checkSources?: boolean } = {}): string | undefined {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return 'not built';
  const info = readBuildInfo(dist);
  if (!info) return `not a production build (no ${buildInfoFile})`;
  if (!info.production) return `not a production build (mode ${info.mode}, NODE_ENV ${info.nodeEnv})`;
  const dev = devRuntimeChunks(dist);
  if (dev.length > 0) return `not a production build (${dev.join(', ')})`;
  if (options.checkSources === false) return undefined;
  const built = statSync(index).mtimeMs;
  const newer = buildSources(info).find((source) => newestChange(source) >= built);
  return newer ? `older than ${newer.slice(repo.length)}` : undefined;
}

/**
 * The production build of the web app into `outDir` (default web/dist). NODE_ENV is production for
 * the build (web/vite.config.ts sets it) and the caller's own value comes back afterwards: under
 * vitest it is `test`, and Vite would otherwise bundle React's development runtime.
 */
export async function buildWebApp(options: { outDir?: string } = {}): Promise<void> {
  const before = process.env.NODE_ENV;
  const outDir = options.outDir ?? webRoot;
  try {
    process.env.NODE_ENV = 'production';
    const { build } = await import('vite');
    await build({ configFile: webConfig, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
  const problem = webBuildProblem(outDir, { checkSources: false });
  if (problem) throw new Error(`The web build in ${outDir} is ${problem}.`);
}

/**
 * The production build of the web app, built when web/dist is missing, is not a production build,
 * or is older than its sources (a few seconds): before `npm start` serves it (what CloudFront
 * serves, under the same CSP), and before `cdk synth`/`cdk deploy` hands it to the Web stack, so a
 * deploy never ships a stale or development build.
 */
export async function ensureWebBuilt(
  log: (line: string) => void,
  options: { dist?: string; build?: (outDir: string) => Promise<void> } = {},
): Promise<void> {
  const dist = options.dist ?? webRoot;
  const problem = webBuildProblem(dist);
  if (!problem) return;
  log(`Building the web app (web/dist: ${problem}) …`);
  const started = Date.now();
  await (options.build ?? ((outDir) => buildWebApp({ outDir })))(dist);
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
