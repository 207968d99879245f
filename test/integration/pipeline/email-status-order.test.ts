import type { Context, EventBridgeEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { sesEventsFor } from '../../../local/ses-events.ts';
import { emailTags } from '../../../shared/email/tags.ts';
import type { SesEventDetail } from '../../../shared/events/ses-events.ts';
import { api, stackInfo } from '../../support/api.ts';
import { newAgency, type Agency } from '../../support/portal.ts';

type Handler = (event: EventBridgeEvent<string, SesEventDetail>, context: Context) => Promise<void>;
let handler: Handler;

/** The real handler, in this worker, against the stack's DynamoDB Local: events in any order, twice. */
beforeAll(async () => {
  const info = stackInfo();
  Object.assign(process.env, {
    TABLE_NAME: info.tableName,
    DYNAMODB_ENDPOINT: info.dynamodbEndpoint,
    AWS_REGION: info.region,
    AWS_ACCESS_KEY_ID: info.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: info.credentials.secretAccessKey,
  });
  handler = (await import('../../../functions/events/record-email-status.ts')).handler as unknown as Handler;
});

const context = { functionName: 'record-email-status', awsRequestId: 'test' } as Context;

/** SES's events for one e-mail to `to`, as the local SES builds them, keyed by detail type. */
function eventsOf(agency: Agency, contactId: string, to: string, sentAt: Date) {
  const entries = sesEventsFor(
    {
      messageId: `msg-${Math.random().toString(36).slice(2)}`,
      from: 'portal@client-portal.example.com',
      to: [to],
      subject: 'Join',
      tags: emailTags({ type: 'invitation', accountId: agency.accountId, contactId }),
    },
    sentAt,
  );
  return Object.fromEntries(
    entries.map((e) => [
      e.detailType,
      {
        version: '0',
        id: `evt-${Math.random()}`,
        'detail-type': e.detailType,
        source: e.source,
        account: '000000000000',
        time: new Date().toISOString(),
        region: 'us-east-1',
        resources: [],
        detail: e.detail as unknown as SesEventDetail,
      } satisfies EventBridgeEvent<string, SesEventDetail>,
    ]),
  );
}

async function newContact(agency: Agency, email: string) {
  const res = await api('POST', '/crm/contacts', {
    token: agency.token,
    body: { firstName: 'Olga', lastName: 'Order', email, organizationId: agency.orgId },
  });
  return res.json.id as string;
}

const lastEmail = async (agency: Agency, contactId: string) =>
  (await api('GET', `/crm/contacts/${contactId}`, { token: agency.token })).json.lastEmail;
const emailAudit = async (agency: Agency, contactId: string) =>
  (await api('GET', `/crm/contacts/${contactId}/audit`, { token: agency.token })).json.items.filter(
    (e: { type: string }) => e.type === 'email',
  );

describe('record-email-status: order and redelivery', () => {
  it('an older "sent" arriving after "delivered" does not overwrite it', async () => {
    const agency = await newAgency();
    const contactId = await newContact(agency, 'olga@order.test');
    const events = eventsOf(agency, contactId, 'olga@order.test', new Date());
    await handler(events['Email Delivered']!, context);
    await handler(events['Email Sent']!, context);
    expect(await lastEmail(agency, contactId)).toMatchObject({ type: 'invitation', status: 'delivered' });
  });

  it('a redelivered bounce changes nothing and writes one audit entry', async () => {
    const agency = await newAgency();
    const to = 'bounce@simulator.amazonses.com';
    const contactId = await newContact(agency, to);
    const events = eventsOf(agency, contactId, to, new Date());
    await handler(events['Email Bounced']!, context);
    const first = await lastEmail(agency, contactId);
    await handler(events['Email Bounced']!, context);
    await handler(events['Email Sent']!, context);
    expect(await lastEmail(agency, contactId)).toEqual(first);
    expect(first).toMatchObject({ status: 'bounced', reason: 'the address does not exist' });
    expect(await emailAudit(agency, contactId)).toHaveLength(1);
  });

  it('a late event of an earlier e-mail is audited but leaves the newer e-mail as the last one', async () => {
    const agency = await newAgency();
    const contactId = await newContact(agency, 'olga@later.test');
    const earlier = eventsOf(
      agency,
      contactId,
      'bounce@simulator.amazonses.com',
      new Date(Date.now() - 60_000),
    );
    const newer = eventsOf(agency, contactId, 'olga@later.test', new Date());
    await handler(newer['Email Delivered']!, context);
    await handler(earlier['Email Bounced']!, context);
    expect(await lastEmail(agency, contactId)).toMatchObject({ status: 'delivered', to: 'olga@later.test' });
    const audit = await emailAudit(agency, contactId);
    expect(audit.map((e: { email: { status: string; to: string } }) => e.email)).toMatchObject([
      { status: 'bounced', to: 'bounce@simulator.amazonses.com' },
    ]);
  });

  it('an event for a deleted contact writes nothing; untracked e-mails are ignored', async () => {
    const agency = await newAgency();
    const contactId = await newContact(agency, 'olga@gone.test');
    await api('DELETE', `/crm/contacts/${contactId}`, { token: agency.token });
    const events = eventsOf(agency, contactId, 'bounce@simulator.amazonses.com', new Date());
    await handler(events['Email Bounced']!, context);
    expect(await emailAudit(agency, contactId)).toEqual([]);

    const untracked = structuredClone(events['Email Bounced']!);
    untracked.detail.mail.tags = { 'ses:configuration-set': ['x'] };
    await expect(handler(untracked, context)).resolves.toBeUndefined();
  });
});
