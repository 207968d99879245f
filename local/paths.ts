import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Resolved from this file, not from the working directory, so `npm start` and vitest agree. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** `--persist` keeps DynamoDB Local's files and the per-run secrets here (git-ignored). */
export const localDataDir = join(projectRoot, '.local');

export const handlerFile = (routeId: string) => join(projectRoot, 'functions', `${routeId}.ts`);

/** The web app's build output (`npm run build:web`), served by the local server on the API's origin. */
export const defaultWebRoot = join(projectRoot, 'web', 'dist');
