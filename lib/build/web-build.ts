import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
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
 * The production build of the web app, built when web/dist is missing or older than its sources
 * (a few seconds): before `npm start` serves it (what CloudFront serves, under the same CSP), and
 * before `cdk synth`/`cdk deploy` hands it to the Web stack, so a deploy never ships a stale app.
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
