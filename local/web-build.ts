import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
export const webRoot = join(repo, 'web', 'dist');
/** What the build reads: the app, and the route table's schemas its forms and client use. */
const sources = [
  join(repo, 'web', 'src'),
  join(repo, 'web', 'public'),
  join(repo, 'web', 'index.html'),
  join(repo, 'web', 'vite.config.ts'),
  join(repo, 'shared', 'api'),
];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/**
 * `npm start` serves the production build of the web app (what CloudFront serves, under the same
 * CSP). It builds it first when web/dist is missing or older than its sources: a few seconds.
 */
export async function ensureWebBuilt(log: (line: string) => void): Promise<void> {
  const index = join(webRoot, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built > Math.max(...sources.map(newestChange))) return;
  log('Building the web app (web/dist) …');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: join(repo, 'web', 'vite.config.ts'), logLevel: 'warn' });
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
