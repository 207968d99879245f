import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { webBuildInfo } from '../lib/build/web-build-info.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));

/**
 * The portal web app. `npm run build:web` writes web/dist, which the local stack serves on the
 * API's origin and the Web stack uploads to S3. `npm run dev:web` is the hot-reloading variant
 * (proxying the API to a running `npm start`).
 *
 * Every build is the production build, whoever starts it: Vite keeps a NODE_ENV it finds set, and
 * under vitest (NODE_ENV=test) that meant React's development runtime, three times the size. The
 * build writes `build-info.json` (lib/build/web-build-info.ts), which `ensureWebBuilt` checks.
 */
export default defineConfig(({ command }) => {
  // Read by Vite right after this file (config.isProduction): the callers in this repository restore
  // their own NODE_ENV afterwards (buildWebApp in lib/build/web-build.ts).
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config();
});

const config = (): UserConfig => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), webBuildInfo(repo)],
  resolve: { alias: { '@shared': `${repo}shared` } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The CSP allows no inline script: never inline the module preload polyfill or small assets as data: scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'es2022',
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    strictPort: true,
    host: '127.0.0.1',
    proxy: Object.fromEntries(
      // /auth-config.json too: the stack says how recruiters sign in (a 404 means local in dev).
      ['/crm', '/portal', '/_local', '/auth-config.json'].map((prefix) => [
        prefix,
        { target: `http://127.0.0.1:${process.env.PORT ?? 3000}`, changeOrigin: false },
      ]),
    ),
  },
});
