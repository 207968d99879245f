import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { escapeHtml } from '../shared/email/html.ts';
import { contentTypeOf } from './content-types.ts';
import { gatewayError, type HttpAnswer } from './lambda-result.ts';
import { htmlAnswer, localPage } from './local-page.ts';

/** Paths the API (and the local helpers) own: their answers, 404s included, stay JSON. */
const apiSpaces = ['/crm', '/portal', '/_local'] as const;
export const isApiPath = (path: string) => apiSpaces.some((p) => path === p || path.startsWith(`${p}/`));

/** Answers a page or file request, or undefined when the request is not one (an API path, a POST). */
export type SiteHandler = (method: string, path: string) => Promise<HttpAnswer | undefined>;

export const buildWebCommand = 'npm run build:web';

/**
 * How recruiters sign in, as the web app reads it: here through the local token issuer. In AWS the
 * Web stack puts the Cognito managed-login settings at the same path; the local stack's Cognito-mode
 * sites (local/stack.ts `openCognitoSite`) serve such settings too.
 */
export const authConfigPath = '/auth-config.json';
export const localAuthConfig = { mode: 'local' } as const;
/** Hashed file names: a changed file is a new URL, so these may be cached for good. */
const immutable = 'public, max-age=31536000, immutable';
const revalidate = 'no-cache';

/**
 * The URL path as file segments, or undefined when it could name anything outside the web root:
 * `..`, `.`, dot-files, encoded slashes or backslashes, NUL, or undecodable escapes.
 */
function segmentsOf(path: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of path.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (/[/\\\0]/.test(segment) || segment.startsWith('.')) return undefined;
    if (segment !== '') segments.push(segment);
  }
  return segments;
}

const within = (root: string, file: string) => {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

function fileAnswer(file: string, body: Buffer, cacheControl: string): HttpAnswer {
  return {
    statusCode: 200,
    headers: {
      'content-type': contentTypeOf(file),
      'content-length': String(body.length),
      'cache-control': cacheControl,
    },
    cookies: [],
    body,
  };
}

/** A regular file under the root (symbolic links resolved and checked too), or undefined. */
async function readWithin(root: string, segments: string[]): Promise<Buffer | undefined> {
  const candidate = join(root, ...segments);
  if (!within(root, candidate)) return undefined;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!within(realRoot, realFile) || !(await stat(realFile)).isFile()) return undefined;
    return await readFile(realFile);
  } catch {
    return undefined;
  }
}

export function notBuiltPage(webRoot: string): string {
  return localPage(
    'The portal web app is not built',
    `<p>This local stack serves the portal web app from <code>${escapeHtml(webRoot)}</code>, and there is no
<code>index.html</code> there yet. Build it with</p>
<pre>${escapeHtml(buildWebCommand)}</pre>
<p>and reload this page. The API answers meanwhile; the local stack's links are at
<a href="/_local/">/_local/</a>.</p>`,
  );
}

/**
 * The web app on the API's origin, as CloudFront serves it in AWS: GET and HEAD of a path outside
 * the API spaces. A file under the web root is served as it is; a path without a file extension is
 * a page route of the app and gets `index.html` (the app routes on the client); a missing file with
 * an extension is a 404. The root is read on every request, so a build made while the stack runs is
 * picked up.
 */
export function createStaticSite(options: {
  webRoot: string;
  /** What `/auth-config.json` says; default the local sign-in. */
  authConfig?: object;
}): SiteHandler {
  const root = resolve(options.webRoot);
  const authConfig = Buffer.from(JSON.stringify(options.authConfig ?? localAuthConfig));
  return async (method, path) => {
    if ((method !== 'GET' && method !== 'HEAD') || isApiPath(path)) return undefined;
    if (path === authConfigPath) return fileAnswer('auth-config.json', authConfig, revalidate);
    const segments = segmentsOf(path);
    if (!segments) return gatewayError(404, 'Not Found');
    const last = segments.at(-1) ?? '';
    if (extname(last) === '') {
      const index = await readWithin(root, ['index.html']);
      if (!index) return htmlAnswer(503, notBuiltPage(root));
      return fileAnswer('index.html', index, revalidate);
    }
    const body = await readWithin(root, segments);
    if (!body) return gatewayError(404, 'Not Found');
    return fileAnswer(last, body, segments[0] === 'assets' ? immutable : revalidate);
  };
}
