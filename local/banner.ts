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
  then open the mail viewer. Other accounts: POST ${urls.app}/_local/recruiter-token {"accountId","email","role"}.

Ctrl-C stops everything.
`;
}
