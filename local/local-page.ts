import { escapeHtml } from '../shared/email/html.ts';
import type { HttpAnswer } from './lambda-result.ts';

/**
 * The local stack's own small pages (its links at `/_local/`, "the web app is not built"). They
 * obey the origin's CSP like every page: no inline style or script, the style is a file of its own.
 */
export const localStylesheetPath = '/_local/local.css';

export const localStylesheet = `body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1f2933; }
h1 { font-size: 1.6rem; }
code, pre { background: #f4f5f7; border-radius: 4px; }
code { padding: 0 0.25rem; }
pre { padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; }
td, th { text-align: left; padding: 0.25rem 1rem 0.25rem 0; vertical-align: top; }
`;

export function localPage(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${localStylesheetPath}"></head>
<body>
<h1>${escapeHtml(title)}</h1>
${bodyHtml}
</body></html>
`;
}

export const textAnswer = (
  statusCode: number,
  contentType: string,
  text: string,
  cacheControl = 'no-store',
): HttpAnswer => ({
  statusCode,
  headers: { 'content-type': contentType, 'cache-control': cacheControl },
  cookies: [],
  body: Buffer.from(text),
});

export const htmlAnswer = (statusCode: number, html: string) =>
  textAnswer(statusCode, 'text/html; charset=utf-8', html);
