/**
 * The one definition of the single table: read by the CDK data stack, by the local stack
 * (CreateTable against DynamoDB Local) and by the tests. Key attribute names live here only.
 */
export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  timeToLiveAttribute: 'ttl',
  globalIndexes: [
    // Lists per type and account (organizations, jobs, candidates), contacts per organization (and
    // those without one), submissions per candidate.
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    // Portal-facing lists per organization (shared jobs, requisitions).
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    // Jobs by primary contact: when a contact is deleted or leaves, its jobs lose it (B10).
    { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  ],
} as const;

export type GlobalIndexName = (typeof tableDefinition.globalIndexes)[number]['indexName'];
