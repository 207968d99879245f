import type { SeedResult } from './seed-demo.ts';
import type { LocalStack } from './stack.ts';

export interface BannerInfo {
  startedMs: number;
  persist: boolean;
  token: string;
  seed: SeedResult | 'disabled' | 'failed';
}

function seedLine(seed: BannerInfo['seed']): string {
  if (seed === 'disabled') return 'not seeded (--no-seed)';
  if (seed === 'failed') return 'NOT seeded (see the error above)';
  if (seed.skipped) return 'kept from the last --persist run';
  return `seeded: ${Object.entries(seed.counts ?? {})
    .map(([what, n]) => `${n} ${what}`)
    .join(', ')}`;
}

export function banner(stack: LocalStack, info: BannerInfo) {
  const { urls } = stack;
  const seed = typeof info.seed === 'object' ? info.seed : undefined;
  const invite = seed?.invitableContactId
    ? `curl -s -X POST ${urls.app}/crm/contacts/${seed.invitableContactId}/portal-invitation -H "authorization: Bearer $TOKEN"`
    : `curl -s ${urls.app}/crm/contacts/<contactId> -H "authorization: Bearer $TOKEN"`;
  return `
Client Portal — local stack ready in ${(info.startedMs / 1000).toFixed(1)} s (${info.persist ? 'data kept in .local/' : 'in memory'})
  API and portal   ${urls.app}
  Portal base URL  ${urls.portal}
  Mail viewer      ${urls.mail}   (sent mail as JSON: ${urls.mail}/store)
  DynamoDB Local   ${urls.dynamodb}   (table ${stack.tableName})
  Stream poller    ${urls.app}/_local/stream/stats   (table stream → publisher → ${urls.app}/_local/bus/events)
  Health           ${urls.app}/_local/health

Demo agency "demo-agency" (Northwind Talent): ${seedLine(info.seed)}
Recruiter token (admin of demo-agency, valid 12 h):

export TOKEN=${info.token}

Try it:
  curl -s ${urls.app}/crm/organizations -H "authorization: Bearer $TOKEN"
  ${invite}

Sign up as the invited client:
  1. open the mail viewer ${urls.mail} and the newest "invited you" e-mail;
  2. copy its "Join Client Portal" link: ${urls.portal}/signup?token=… (the token is the part after token=);
  3. see who is invited:   curl -s ${urls.app}/portal/invitations/<token>
  4. accept it:            curl -s -c jar -X POST ${urls.app}/portal/signup -H 'x-requested-with: portal' \
                             -H 'content-type: application/json' -d '{"token":"<token>","firstName":"Ada","lastName":"L"}'
  5. you are signed in:    curl -s -b jar ${urls.app}/portal/me
  (The portal web app that opens that link in a browser comes with a later issue.)

Other accounts: POST ${urls.app}/_local/recruiter-token {"accountId","email","role"}.

Ctrl-C stops everything.
`;
}
