import {
  DeleteMessageCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';

/** One message of a dead-letter queue, as SQS or the local stack's lists hold it. */
export interface Letter {
  /** Stable for the message (SQS MessageId, the local entry's id). */
  id: string;
  body: string;
  /** What deletes it: the receipt handle, or the local entry's id. */
  handle: string;
}

/** A dead-letter queue: receive a page of messages not seen in this run, delete one. */
export interface LetterSource {
  readonly name: string;
  receive(): Promise<Letter[]>;
  delete(letter: Letter): Promise<void>;
}

/** An SQS queue, by URL. Received messages stay invisible for `visibilitySeconds`, then come back if not deleted. */
export function sqsSource(sqs: SQSClient, queueUrl: string, visibilitySeconds = 300): LetterSource {
  return {
    name: queueUrl,
    async receive() {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
          VisibilityTimeout: visibilitySeconds,
          MessageAttributeNames: ['All'],
        }),
      );
      return Messages.flatMap((m) =>
        m.MessageId && m.ReceiptHandle && m.Body !== undefined
          ? [{ id: m.MessageId, body: m.Body, handle: m.ReceiptHandle }]
          : [],
      );
    },
    async delete(letter) {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: letter.handle }));
    },
  };
}

/** A queue URL as given, else the URL of the queue of that name (GetQueueUrl). */
export async function queueUrlOf(sqs: SQSClient, queue: string): Promise<string> {
  if (/^https?:\/\//.test(queue)) return queue;
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: queue }));
  if (!QueueUrl) throw new Error(`No queue ${queue}`);
  return QueueUrl;
}

interface LocalList {
  list: string;
  /** The entries of the list that belong to this queue, with the body SQS would hold. */
  pick(json: unknown): { id: string; body: string }[];
}

/**
 * The local stack's dead-letter lists (`/_local/bus/dead-letters`, `/_local/stream/failures`)
 * as a queue: the whole list is one page, DELETE `<list>/<id>` takes an entry off.
 */
export function localSource(appUrl: string, name: string, how: LocalList): LetterSource {
  const seen = new Set<string>();
  return {
    name: `${appUrl}${how.list} (${name})`,
    async receive() {
      const res = await fetch(`${appUrl}${how.list}`);
      if (!res.ok) throw new Error(`GET ${how.list}: ${res.status}`);
      const fresh = how.pick(await res.json()).filter((e) => !seen.has(e.id));
      for (const e of fresh) seen.add(e.id);
      return fresh.map((e) => ({ ...e, handle: e.id }));
    },
    async delete(letter) {
      const res = await fetch(`${appUrl}${how.list}/${encodeURIComponent(letter.handle)}`, {
        method: 'DELETE',
      });
      // Gone already (a second redrive running at once): what we wanted.
      if (!res.ok && res.status !== 404)
        throw new Error(`DELETE ${how.list}/${letter.handle}: ${res.status}`);
    },
  };
}

type Entry = Record<string, unknown>;
const entries = (json: unknown, field: string): Entry[] =>
  ((json as Record<string, unknown> | null)?.[field] as Entry[] | undefined) ?? [];

/** A rule's dead letters on the local bus: the event, as the rule's SQS dead-letter queue holds it. */
export const localRuleList = (ruleId: string): LocalList => ({
  list: '/_local/bus/dead-letters',
  pick: (json) =>
    entries(json, 'deadLetters')
      .filter((e) => e.rule === ruleId)
      .map((e) => ({ id: String(e.id), body: JSON.stringify(e.event) })),
});

/** The local stream poller's on-failure entries: only DDBStreamBatchInfo, as in AWS. */
export const localPublisherList: LocalList = {
  list: '/_local/stream/failures',
  pick: (json) =>
    entries(json, 'failures').map((e) => ({
      id: String(e.id),
      body: JSON.stringify({ DDBStreamBatchInfo: e.DDBStreamBatchInfo }),
    })),
};
