/**
 * How every function is built: ONE esbuild run with one entry point per function and one output
 * folder per function (`<outdir>/<handlerId>/index.mjs` and its source map), each folder handed to
 * CDK as that function's asset. esbuild parses the shared code and node_modules once for all 59
 * functions instead of once per function, which is what makes `cdk synth` take seconds.
 *
 * The handlers are ESM TypeScript; the output is minified ESM for Node 22 with linked source maps
 * (Lambda runs with `--enable-source-maps`) and without sources content. Bundled CommonJS
 * dependencies still call `require` for Node built-ins, which ESM does not define: the banner
 * provides it. The AWS SDK is bundled rather than taken from the runtime, so the deployed code runs
 * the exact SDK versions pinned and tested here. No code splitting: a function's folder holds its
 * whole code and nothing of another function's. package.json declares the project's modules free
 * of import-time side effects, so a module none of whose exports a function uses is left out
 * together with what it imports (for instance the cursor secret's client of a route that lists
 * nothing).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { appFunctions, handlerEntry, projectRoot } from './app-functions.ts';

/** Where `npm run synth` builds (git-ignored); tests build into a temporary folder of their own. */
export const defaultBundlesDir = join(projectRoot, '.build', 'functions');

export const esbuildOptions = {
  bundle: true,
  absWorkingDir: projectRoot,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  mainFields: ['module', 'main'],
  outExtension: { '.js': '.mjs' },
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  splitting: false,
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
  metafile: true,
} as const satisfies BuildOptions;

export interface FunctionBundles {
  outdir: string;
  /** The folder that is a function's asset: its `index.mjs` and `index.mjs.map`, nothing else. */
  assetDirOf(handlerId: string): string;
}

/** Bundles built before, e.g. by the infra tests' global setup. */
export function functionBundlesIn(outdir: string): FunctionBundles {
  return {
    outdir,
    assetDirOf(handlerId) {
      const dir = join(outdir, handlerId);
      if (!existsSync(join(dir, 'index.mjs')))
        throw new Error(
          `functions/${handlerId}.ts is not built in ${outdir} (see lib/build/function-bundles.ts)`,
        );
      return dir;
    },
  };
}

/** The metafile of the last build: which inputs went into which function's bundle. */
export const metafilePath = (outdir: string) => join(outdir, 'metafile.json');

/** Builds every function of the app in one esbuild run, replacing whatever `outdir` held. */
export async function buildFunctionBundles(
  outdir: string = defaultBundlesDir,
  handlerIds: readonly string[] = appFunctions().map((f) => f.handlerId),
): Promise<FunctionBundles & { metafile: Metafile }> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const { metafile } = await build({
    ...esbuildOptions,
    entryPoints: handlerIds.map((id) => ({ in: handlerEntry(id), out: `${id}/index` })),
    outdir,
  });
  writeFileSync(metafilePath(outdir), JSON.stringify(metafile));
  return { ...functionBundlesIn(outdir), metafile };
}
