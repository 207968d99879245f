/**
 * `npm run backfill:unassigned-contacts -- --table <name> [--region <region>]`
 * `npm run backfill:unassigned-contacts -- --local [--table client-portal-local] [--endpoint http://127.0.0.1:8000]`
 *
 * Run once after deploying `GET /crm/contacts?organization=none` on a table that already holds
 * contacts: those stored without an organization before that list existed get their entry in it
 * (scripts/backfill/unassigned-contacts.ts). It reads the whole table once (a Scan) and writes one
 * conditional update per contact found; running it again adds nothing.
 */
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localAwsIdentity } from '../local/aws-identity.ts';
import { defaultTableName } from '../local/stack.ts';
import { backfillUnassignedContacts } from './backfill/unassigned-contacts.ts';

const { values } = parseArgs({
  options: {
    table: { type: 'string' },
    region: { type: 'string' },
    local: { type: 'boolean', default: false },
    endpoint: { type: 'string' },
  },
});

const table = values.table ?? (values.local ? defaultTableName : undefined);
if (!table) {
  console.error('Name the table: --table <name> (the Data stack output), or --local for the local stack.');
  process.exit(2);
}
const client = values.local
  ? new DynamoDBClient({
      ...localAwsIdentity,
      endpoint: values.endpoint ?? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? '8000'}`,
    })
  : new DynamoDBClient(values.region ? { region: values.region } : {});
const db = DynamoDBDocumentClient.from(client);

const report = await backfillUnassignedContacts(db, table, (line) => console.log(line));
console.log(
  `${table}: ${report.scanned} items read in ${report.pages} Scan pages; ${report.added} contacts without an organization added to their list, ${report.skipped} skipped (changed meanwhile).`,
);
