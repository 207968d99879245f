import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { envNames } from '../shared/config/env.ts';
import type { AcceptedEntry, LocalEventBus } from './event-bus.ts';
import type { HttpAnswer } from './lambda-result.ts';
import type { LocalRouteHandler } from './local-routes.ts';

/**
 * Where the handlers' EventBridge client sends PutEvents. The SDK keeps an endpoint's path and
 * appends the operation's own `/`, so requests arrive at `/_local/eventbridge/`.
 */
export const putEventsPath = '/_local/eventbridge';
const maxEntries = 10;
/** PutEvents' cap on the entries' total size (computed as the EventBridge guide describes). */
const maxRequestBytes = 256 * 1024;

type EntryResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };
type EntryError = Exclude<EntryResult, { EventId: string }>;

/** The env the handlers need to publish here (set before their first import). */
export const busHandlerEnv = (bus: LocalEventBus, origin: string) => ({
  [envNames.eventBusName]: bus.name,
  [envNames.eventBridgeEndpoint]: `${origin}${putEventsPath}`,
});

const answer = (statusCode: number, contentType: string, body: unknown): HttpAnswer => ({
  statusCode,
  headers: { 'content-type': contentType, 'cache-control': 'no-store', 'x-amzn-requestid': randomUUID() },
  cookies: [],
  body: Buffer.from(JSON.stringify(body)),
});
const awsJson = (body: unknown) => answer(200, 'application/x-amz-json-1.1', body);
/** AWS JSON 1.1 errors: the SDK reads the error's name from `__type`. */
const awsError = (statusCode: number, type: string, message: string) =>
  answer(statusCode, 'application/x-amz-json-1.1', { __type: type, message });
const json = (body: unknown) => answer(200, 'application/json; charset=utf-8', body);

const entriesInvalid = (constraint: string) =>
  awsError(
    400,
    'ValidationException',
    `1 validation error detected: Value at 'entries' failed to satisfy constraint: ${constraint}`,
  );

const required = (field: string): EntryError => ({
  ErrorCode: 'InvalidArgument',
  ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.`,
});

const bytes = (text: unknown) => (typeof text === 'string' ? Buffer.byteLength(text) : 0);
const entrySize = (e: Record<string, unknown>) =>
  (e.Time !== undefined ? 14 : 0) +
  bytes(e.Source) +
  bytes(e.DetailType) +
  bytes(e.Detail) +
  (Array.isArray(e.Resources) ? e.Resources.reduce((sum: number, r) => sum + bytes(r), 0) : 0);

function parseDetail(text: string): Record<string, unknown> | undefined {
  try {
    const detail: unknown = JSON.parse(text);
    return typeof detail === 'object' && detail !== null && !Array.isArray(detail)
      ? (detail as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** AWS's per-entry checks; a refused entry fails alone, the others of the call still go through. */
function checkEntry(entry: Record<string, unknown>, bus: LocalEventBus): AcceptedEntry | EntryError {
  const { Source, DetailType, Detail, EventBusName, Time, Resources } = entry;
  if (typeof Source !== 'string' || Source === '') return required('Source');
  if (typeof DetailType !== 'string' || DetailType === '') return required('DetailType');
  if (typeof Detail !== 'string' || Detail === '') return required('Detail');
  const detail = parseDetail(Detail);
  if (!detail) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  // AWS quietly accepts (and drops) entries for a bus that does not exist; locally that is far more
  // likely a misconfigured EVENT_BUS_NAME, so it fails loudly, with the code AWS uses for a missing bus.
  const busName = typeof EventBusName === 'string' && EventBusName !== '' ? EventBusName : 'default';
  if (busName !== bus.name && busName !== bus.arn)
    return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${busName} does not exist.` };
  return {
    source: Source,
    detailType: DetailType,
    detail,
    // JSON 1.1 sends timestamps as epoch seconds.
    ...(typeof Time === 'number' ? { time: new Date(Time * 1000) } : {}),
    ...(Array.isArray(Resources) ? { resources: Resources.filter((r) => typeof r === 'string') } : {}),
  };
}

function putEvents(bus: LocalEventBus, body: string | undefined, headers: IncomingHttpHeaders): HttpAnswer {
  if (headers['x-amz-target'] !== 'AWSEvents.PutEvents')
    return awsError(400, 'UnknownOperationException', 'The local bus serves AWSEvents.PutEvents only.');
  if (!bus.accepting) return awsError(503, 'InternalException', 'The local bus is starting or stopping.');
  let request: { Entries?: unknown };
  try {
    request = JSON.parse(body ?? '') as { Entries?: unknown };
  } catch {
    return awsError(400, 'SerializationException', 'The request body is not valid JSON.');
  }
  const entries = request?.Entries;
  if (!Array.isArray(entries)) return entriesInvalid('Member must not be null');
  if (entries.length < 1) return entriesInvalid('Member must have length greater than or equal to 1');
  if (entries.length > maxEntries)
    return entriesInvalid(`Member must have length less than or equal to ${maxEntries}`);
  const raw = entries.map(
    (e: unknown) => (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>,
  );
  if (raw.reduce((sum, e) => sum + entrySize(e), 0) > maxRequestBytes)
    return awsError(
      400,
      'ValidationException',
      'Total size of the entries in the request is over the limit.',
    );

  const checked = raw.map((e) => checkEntry(e, bus));
  const accepted = checked.filter((c): c is AcceptedEntry => !('ErrorCode' in c));
  const put = bus.put(accepted);
  const results = checked.map((c): EntryResult => ('ErrorCode' in c ? c : (put.shift() as EntryResult)));
  const failed = results.filter((r) => 'ErrorCode' in r).length;
  return awsJson({ FailedEntryCount: failed, Entries: results });
}

/** PutEvents plus the local-only views of the bus that tests poll (`/_local/bus/*`). */
export function createBusRoutes(bus: LocalEventBus): LocalRouteHandler {
  return async (method, path, body, headers = {}) => {
    if (method === 'POST' && (path === putEventsPath || path === `${putEventsPath}/`))
      return putEvents(bus, body, headers);
    if (method !== 'GET') return undefined;
    if (path === '/_local/bus/events') return json({ bus: bus.name, events: bus.events() });
    if (path === '/_local/bus/dead-letters') return json({ deadLetters: bus.deadLetters() });
    if (path === '/_local/bus/idle') return json({ idle: bus.pending() === 0, pending: bus.pending() });
    return undefined;
  };
}
