/**
 * The esbuild options aws-cdk-lib's NodejsFunction derives from the project's one bundling block
 * (lib/constructs/portal-function.ts), so the bench builds each function as `cdk synth` does:
 * one esbuild run per function, `index.mjs` with its source map.
 */
import type { BuildOptions } from 'esbuild';
import { bundling, handlerEntry, projectRoot } from '../../lib/constructs/portal-function.ts';

export function cdkEsbuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    absWorkingDir: projectRoot,
    platform: 'node',
    target: bundling.target ?? 'node22',
    format: bundling.format === 'esm' ? 'esm' : 'cjs',
    outfile: `${outdir}/index.mjs`,
    minify: bundling.minify ?? false,
    sourcemap: bundling.sourceMap ?? false,
    sourcesContent: bundling.sourcesContent ?? true,
    mainFields: bundling.mainFields ?? [],
    external: bundling.externalModules ?? [],
    banner: bundling.banner ? { js: bundling.banner } : {},
    logLevel: 'warning',
    metafile: true,
  };
}

export const entryOf = handlerEntry;
