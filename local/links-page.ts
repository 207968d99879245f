import { escapeHtml } from '../shared/email/html.ts';
import { demoAccount } from './seed-demo.ts';
import { localPage } from './local-page.ts';
import type { StackUrls } from './stack-types.ts';

/** Where a person starts, in the order the banner gives them too. */
export function entryPoints(urls: StackUrls): [string, string][] {
  return [
    ['Client Portal (the web app)', `${urls.portal}/`],
    ['Recruiter console', `${urls.app}/recruiter`],
    ['Mail viewer (every e-mail the stack sent)', urls.mail],
    ['API reference', `${urls.app}/docs/api`],
  ];
}

const row = ([label, url]: [string, string]) =>
  `<tr><th scope="row">${escapeHtml(label)}</th><td><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></td></tr>`;
const table = (rows: [string, string][]) => `<table>\n${rows.map(row).join('\n')}\n</table>`;

/** `/_local/`: the local stack's links. Static HTML that obeys the CSP (no inline style or script). */
export function linksPage(urls: StackUrls): string {
  const helpers: [string, string][] = [
    ['OpenAPI document', `${urls.app}/openapi.json`],
    ['Stored mail as JSON', `${urls.mail}/store`],
    ['Health (200 once everything is ready)', `${urls.app}/_local/health`],
    ['Events on the local bus', `${urls.app}/_local/bus/events`],
    ['Dead letters of the local bus', `${urls.app}/_local/bus/dead-letters`],
    ['Stream poller', `${urls.app}/_local/stream/stats`],
    ['DynamoDB Local endpoint', urls.dynamodb],
  ];
  const curl = `curl -s -X POST ${urls.app}/_local/recruiter-token -H 'content-type: application/json' -d '${JSON.stringify(demoAccount)}'`;
  return localPage(
    'Client Portal — local stack',
    `<h2>Open</h2>
${table(entryPoints(urls))}
<h2>Local helpers</h2>
${table(helpers)}
<h2>A recruiter token</h2>
<p>For <code>Authorization: Bearer …</code> on <code>/crm/*</code> (the demo agency's admin):</p>
<pre>${escapeHtml(curl)}</pre>`,
  );
}
