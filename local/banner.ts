import { entryPoints } from './links-page.ts';
import type { SeedResult } from './seed-demo.ts';
import type { LocalStack } from './stack.ts';
import { buildWebCommand } from './static-site.ts';

export interface BannerInfo {
  startedMs: number;
  persist: boolean;
  token: string;
  seed: SeedResult | 'disabled' | 'failed';
  /** Whether the web root holds a built web app (`index.html`). */
  webBuilt: boolean;
}

function seedLine(seed: BannerInfo['seed']): string {
  if (seed === 'disabled') return 'not seeded (--no-seed)';
  if (seed === 'failed') return 'NOT seeded (see the error above; /_local/health stays 503)';
  if (seed.skipped) return 'kept from the last --persist run';
  return `seeded: ${Object.entries(seed.counts ?? {})
    .map(([what, n]) => `${n} ${what}`)
    .join(', ')}`;
}

const columns = (rows: [string, string][], width = 18) =>
  rows.map(([label, value]) => `  ${label.padEnd(width)} ${value}`).join('\n');

/** What `npm start` prints once everything is up: what to open first, then the rest. */
export function banner(stack: LocalStack, info: BannerInfo) {
  const { urls } = stack;
  const seed = typeof info.seed === 'object' ? info.seed : undefined;
  const open = entryPoints(urls).map(([label, url]): [string, string] => [
    label.replace(/ \(.*\)$/, ''),
    url,
  ]);
  const notBuilt = info.webBuilt
    ? ''
    : `
  !! The web app is not built, so these pages say so. Build it with: ${buildWebCommand}
     (the API and everything below work meanwhile; reload the page after the build)
`;
  const invite = seed?.invitableContactId
    ? `curl -s -X POST ${urls.app}/crm/contacts/${seed.invitableContactId}/portal-invitation -H "authorization: Bearer $TOKEN"`
    : `curl -s ${urls.app}/crm/contacts/<contactId> -H "authorization: Bearer $TOKEN"`;
  return `
Client Portal — local stack ready in ${(info.startedMs / 1000).toFixed(1)} s (${info.persist ? 'data kept in .local/' : 'in memory'})

Open first:
${columns(open)}
${notBuilt}
The local stack (all of it listed at ${urls.app}/_local/):
${columns([
  ['API (same origin)', `${urls.app}/crm/…  ${urls.app}/portal/…`],
  ['Stored mail', `${urls.mail}/store   (JSON)`],
  ['DynamoDB Local', `${urls.dynamodb}   (table ${stack.tableName})`],
  ['Stream and bus', `${urls.app}/_local/stream/stats   ${urls.app}/_local/bus/events`],
  ['Health', `${urls.app}/_local/health`],
])}

Demo agency "demo-agency" (Northwind Talent): ${seedLine(info.seed)}
Recruiter token (admin of demo-agency, valid 12 h):

export TOKEN=${info.token}

Try it (the README's walk-through tells the whole story):
  1. invite Ada Lovelace of Acme Robotics:
     ${invite}
  2. open the mail viewer ${urls.mail}, the newest "invited you" e-mail, and its "Join Client Portal" link;
  3. sign up in the portal, see the shared job "Senior Robotics Engineer" and move a candidate.

Other accounts: POST ${urls.app}/_local/recruiter-token {"accountId","email","role"}.

Ctrl-C stops everything.
`;
}
