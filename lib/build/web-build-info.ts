import { isAbsolute, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

/** What a build of the web app says about itself, next to its index.html (`web/dist/build-info.json`). */
export interface WebBuildInfo {
  /** Vite's mode and NODE_ENV during the build; a build is only good to ship when `production` is true. */
  mode: string;
  nodeEnv: string | null;
  /** Production (minified, React's production runtime), and no chunk holds `react/jsx-dev-runtime`. */
  production: boolean;
  /** Every file of this repository the bundle holds (relative paths, outside node_modules): web/src and shared/. */
  sources: string[];
}

export const buildInfoFile = 'build-info.json';

/**
 * Writes `build-info.json` into the build: whether it is the production build, and which of the
 * repository's files went into it, read from the bundle itself, so the staleness check of
 * `lib/build/web-build.ts` follows every `shared/` module the app imports without a hand list.
 */
export function webBuildInfo(repo: string): Plugin {
  let mode = '';
  let isProduction = false;
  return {
    name: 'client-portal-build-info',
    apply: 'build',
    configResolved(config) {
      mode = config.mode;
      isProduction = config.isProduction;
    },
    generateBundle(_options, bundle) {
      const sources = new Set<string>();
      let devRuntime = false;
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds) {
          if (id.includes('jsx-dev-runtime')) devRuntime = true;
          const file = id.split('?')[0] ?? id;
          const rel = relative(repo, file);
          if (isAbsolute(file) && !rel.startsWith('..') && !rel.split(sep).includes('node_modules'))
            sources.add(rel.split(sep).join('/'));
        }
      }
      const info: WebBuildInfo = {
        mode,
        nodeEnv: process.env.NODE_ENV ?? null,
        production: isProduction && !devRuntime,
        sources: [...sources].sort(),
      };
      this.emitFile({ type: 'asset', fileName: buildInfoFile, source: `${JSON.stringify(info, null, 2)}\n` });
    },
  };
}
