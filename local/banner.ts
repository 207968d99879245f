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

/** What to do in the browser first: the seed's story when the demo data is there, else a start. */
function browserSteps(urls: LocalStack['urls'], seed: BannerInfo['seed']): string {
  const signIn = `  1. open ${urls.app}/recruiter and choose "Continue as demo admin";`;
  if (typeof seed !== 'object')
    return [
      signIn,
      '  2. switch the Client Portal add-on on in Settings, create an organization and a contact with an',
      '     e-mail address in it, then on its profile More actions → Invite to Client Portal;',
      `  3. open the invitation in the mail viewer ${urls.mail} and join the portal from its link.`,
    ].join('\n');
  return [
    signIn,
    '  2. in Contacts, open Ada Lovelace (Acme Robotics), then More actions → Invite to Client Portal;',
    `  3. in the mail viewer ${urls.mail}, open the newest "invited you" e-mail, then "Join Client Portal";`,
    '  4. sign up in the portal, see the shared job "Senior Robotics Engineer" and move a candidate.',
    '  Alan Turing belongs to no organization: he is under "No organization" in Contacts, to assign one.',
  ].join('\n');
}

/**
 * What `npm start` prints once everything is up: the pages to open, what to do in them, then the
 * rest of the stack and the recruiter token for the API (curl comes last).
 */
export function banner(stack: LocalStack, info: BannerInfo) {
  const { urls } = stack;
  const seed = typeof info.seed === 'object' ? info.seed : undefined;
  const notes: Record<string, string> = { 'Recruiter console': '(choose "Continue as demo admin")' };
  const open = entryPoints(urls).map(([label, url]): [string, string] => {
    const name = label.replace(/ \(.*\)$/, '');
    return [name, notes[name] ? `${url}   ${notes[name]}` : url];
  });
  const notBuilt = info.webBuilt
    ? ''
    : `
  !! The web app is not built, so these pages say so. Build it with: ${buildWebCommand}
     (the API and everything below work meanwhile; reload the page after the build)
`;
  const invite = seed?.invitableContactId
    ? `invite Ada Lovelace:\n  curl -s -X POST ${urls.app}/crm/contacts/${seed.invitableContactId}/portal-invitation -H "authorization: Bearer $TOKEN"`
    : `read a contact:\n  curl -s ${urls.app}/crm/contacts/<contactId> -H "authorization: Bearer $TOKEN"`;
  return `
Client Portal — local stack ready in ${(info.startedMs / 1000).toFixed(1)} s (${info.persist ? 'data kept in .local/' : 'in memory'})

Open first:
${columns(open)}
${notBuilt}
Try it in the browser:
${browserSteps(urls, info.seed)}

The local stack (all of it listed at ${urls.app}/_local/):
${columns([
  ['API (same origin)', `${urls.app}/crm/…  ${urls.app}/portal/…`],
  ['Stored mail', `${urls.mail}/store   (JSON)`],
  ['DynamoDB Local', `${urls.dynamodb}   (table ${stack.tableName})`],
  ['Stream and bus', `${urls.app}/_local/stream/stats   ${urls.app}/_local/bus/events`],
  ['Health', `${urls.app}/_local/health`],
])}

Demo agency "demo-agency" (Northwind Talent): ${seedLine(info.seed)}
Recruiter token (admin of demo-agency, valid 12 h), for the API:

export TOKEN=${info.token}

Or with curl (the README's walk-through tells the whole story), ${invite}

Other accounts: POST ${urls.app}/_local/recruiter-token {"accountId","email","role"}.

Ctrl-C stops everything.
`;
}
