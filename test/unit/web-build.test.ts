import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebBuildInfo } from '../../lib/build/web-build-info.ts';
import {
  buildSources,
  buildWebApp,
  ensureWebBuilt,
  readBuildInfo,
  webBuildProblem,
} from '../../lib/build/web-build.ts';

let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'web-build-'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

const info = (over: Partial<WebBuildInfo> = {}): WebBuildInfo => ({
  mode: 'production',
  nodeEnv: 'production',
  production: true,
  sources: ['web/src/main.tsx'],
  ...over,
});

/** A web/dist stand-in: index.html, maybe a build-info.json, and the asset names given. */
async function fakeDist(name: string, buildInfo: WebBuildInfo | undefined, assets: string[] = []) {
  const dist = join(base, name);
  await mkdir(join(dist, 'assets'), { recursive: true });
  for (const asset of assets) await writeFile(join(dist, 'assets', asset), 'export {};');
  if (buildInfo) await writeFile(join(dist, 'build-info.json'), JSON.stringify(buildInfo));
  // Written last: newer than every source of the repository, so only the build's kind can make it stale.
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  return dist;
}

async function rebuilds(dist: string) {
  const lines: string[] = [];
  const built: string[] = [];
  await ensureWebBuilt((line) => lines.push(line), {
    dist,
    build: async (outDir) => void built.push(outDir),
  });
  return { rebuilt: built.length === 1, log: lines.join('\n') };
}

describe('the web build is always the production build', () => {
  it('G1 a build started under vitest (NODE_ENV=test), as the browser suite starts it, is the production build: no jsx-dev-runtime chunk, and NODE_ENV is test again afterwards', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    const dist = join(base, 'real');
    await buildWebApp({ outDir: dist });
    expect(process.env.NODE_ENV).toBe('test');

    const assets = await readdir(join(dist, 'assets'));
    expect(assets.filter((a) => a.includes('jsx-dev-runtime'))).toEqual([]);
    const written = readBuildInfo(dist);
    expect(written).toMatchObject({ mode: 'production', nodeEnv: 'production', production: true });
    expect(webBuildProblem(dist)).toBeUndefined();
    // The entry chunk and the CSS of the production build: React's development build alone is ~130 KB gz.
    const index = await readFile(join(dist, 'index.html'), 'utf8');
    const entry = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map(
      (m) => m[1] as string,
    );
    expect(entry.some((file) => file.endsWith('.js'))).toBe(true);
    let gz = 0;
    for (const file of entry) gz += gzipSync(await readFile(join(dist, file))).length;
    expect(gz / 1024).toBeLessThan(100);
  });

  it('G8 the staleness check follows every shared/ file the bundle holds (shared/util too), read from the build', () => {
    const written = readBuildInfo(join(base, 'real'));
    expect(written?.sources).toEqual(
      expect.arrayContaining([
        'shared/api/schemas/portal.ts',
        'shared/util/text-characters.ts',
        'shared/util/token-pattern.ts',
      ]),
    );
    expect(written?.sources.some((s) => s.includes('node_modules'))).toBe(false);
    const sources = buildSources(written);
    expect(sources.some((s) => s.endsWith('/shared/util/token-pattern.ts'))).toBe(true);
    expect(sources.some((s) => s.endsWith('/web/src'))).toBe(true);
  });

  it('G1 ensureWebBuilt rebuilds a dist that is not a production build, and leaves a fresh production build alone', async () => {
    const development = await rebuilds(
      await fakeDist('dev', info({ mode: 'development', nodeEnv: 'test', production: false })),
    );
    expect(development).toEqual({ rebuilt: true, log: expect.stringContaining('not a production build') });

    // A build from before build-info.json existed: its kind is unknown, so it is built again.
    expect((await rebuilds(await fakeDist('unmarked', undefined))).rebuilt).toBe(true);
    // React's development runtime in the chunks outweighs what the file claims.
    const devRuntime = await rebuilds(await fakeDist('dev-runtime', info(), ['jsx-dev-runtime-Abc123.js']));
    expect(devRuntime).toEqual({ rebuilt: true, log: expect.stringContaining('jsx-dev-runtime-Abc123.js') });
    expect((await rebuilds(join(base, 'missing'))).rebuilt).toBe(true);

    expect(await rebuilds(await fakeDist('fresh', info()))).toEqual({ rebuilt: false, log: '' });
  });

  it('a production build older than its sources is built again', async () => {
    const dist = await fakeDist('old', info({ sources: ['shared/util/token-pattern.ts'] }));
    await utimes(join(dist, 'index.html'), new Date(0), new Date(0));
    expect(webBuildProblem(dist)).toMatch(/^older than /);
    expect((await rebuilds(dist)).rebuilt).toBe(true);
  });
});
