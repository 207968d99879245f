/**
 * The dead-letter queues of the event pipeline, by name: one per rule of the rule table (events its
 * handler could not process) and one of the stream publisher (pointers to stream records). CDK
 * names them so (lib/stacks/pipeline-stack.ts) and `npm run redrive` finds them by these names.
 */
export const publisherQueueId = 'publish-stream';

export const deadLetterQueueName = (stage: string, ruleOrPublisherId: string) =>
  `client-portal-${stage}-${ruleOrPublisherId}-dlq`;
