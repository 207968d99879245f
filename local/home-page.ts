import type { StackUrls } from './stack-types.ts';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Stands in at `/` until the portal web app is served from there. */
export function homePage(urls: StackUrls): string {
  const rows: [string, string][] = [
    ['API (recruiter /crm, portal /portal)', urls.app],
    ['Portal base URL (links in e-mails)', urls.portal],
    ['Mail viewer (local SES)', urls.mail],
    ['Stored mail as JSON', `${urls.mail}/store`],
    ['Health', `${urls.app}/_local/health`],
    ['DynamoDB Local endpoint', urls.dynamodb],
  ];
  const items = rows
    .map(([label, url]) => `<li>${escape(label)}: <a href="${escape(url)}">${escape(url)}</a></li>`)
    .join('\n');
  const curl = `curl -s -X POST ${urls.app}/_local/recruiter-token -H 'content-type: application/json' -d '{"accountId":"demo-agency","email":"admin@northwind.example","role":"admin"}'`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Client Portal — local stack</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto">
<h1>Client Portal — local stack</h1>
<ul>
${items}
</ul>
<p>A recruiter token for <code>Authorization: Bearer …</code> on <code>/crm/*</code>:</p>
<pre>${escape(curl)}</pre>
</body></html>
`;
}
