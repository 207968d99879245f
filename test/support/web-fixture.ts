import { fileURLToPath } from 'node:url';

/** The integration stack's web root: a tiny stand-in for the web build (index.html, an asset, openapi.json). */
export const webFixture = fileURLToPath(new URL('../fixtures/web/', import.meta.url));
