import { keys } from './keys.ts';
import { jobFromItem } from './jobs.ts';
import { queryPage, type PageRequest } from './paging.ts';

/** The jobs shared with one organization, open ones first: one Query of GSI2 (B10, B11). */
export async function listSharedJobs(accountId: string, orgId: string, page: PageRequest) {
  const result = await queryPage(
    {
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.sharedJobsOfOrganization(accountId, orgId).GSI2PK },
    },
    page,
  );
  return { items: result.items.map(jobFromItem), nextCursor: result.nextCursor };
}
