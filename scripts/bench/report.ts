/** The summary under the table: coverage, the ratio line, and which routes make more than one request. */
import { routeKey, routeList } from '../../shared/api/routes.ts';
import {
  aggregate,
  documentedExceptions,
  isDocumented,
  isRead,
  markdownTable,
  median,
  ratioLine,
  routeCommands,
  type DocumentedRoute,
  type Measurement,
} from './format.ts';
import { timedCalls, type TimedMedian } from './recorder.ts';

export interface Report {
  text: string;
  /** Routes of the route table that were never called successfully (and not excused as not measured). */
  notCovered: string[];
}

const mainCall = (measurements: readonly Measurement[], key: string) =>
  measurements.find((m) => m.key === key && !m.label && m.status === m.expected);

function coverage(measurements: readonly Measurement[], notMeasured: ReadonlyMap<string, string>) {
  const keys = routeList.map(routeKey);
  const measured = keys.filter((key) => mainCall(measurements, key));
  const notCovered = keys.filter((key) => !measured.includes(key) && !notMeasured.has(key));
  return { total: keys.length, measured, notCovered };
}

function multiRequestLines(
  measurements: readonly Measurement[],
  documented: DocumentedRoute[],
  reads: boolean,
) {
  return aggregate(measurements)
    .filter(
      (m) => !m.label && m.status === m.expected && isRead(m.key) === reads && routeCommands(m).length > 1,
    )
    .map((m) => {
      const note = isDocumented(m.key, documented) ? 'documented' : '**not documented**';
      return `- ${m.key}: ${routeCommands(m).join(', ')} — ${note}`;
    });
}

const listOrNone = (lines: readonly string[]) => (lines.length > 0 ? lines.join('\n') : '- none');

export interface ReportInput {
  measurements: readonly Measurement[];
  notMeasured: ReadonlyMap<string, string>;
  /** The interleaved timing of the session check against the JWT check, if it ran. */
  comparison: [TimedMedian, TimedMedian] | undefined;
  /** The text of shared/data/ACCESS-PATTERNS.md. */
  accessPatterns: string;
}

export function buildReport({ measurements, notMeasured, comparison, accessPatterns }: ReportInput): Report {
  const { total, measured, notCovered } = coverage(measurements, notMeasured);
  const documented = documentedExceptions(accessPatterns);
  const timed = (key: string) => ({
    key,
    median: median(measurements.find((m) => m.key === key && m.timings)?.timings ?? []),
  });
  const [me, account] = comparison ?? [timed('GET /portal/me'), timed('GET /crm/account')];
  const unexpected = measurements
    .filter((m) => m.status !== m.expected)
    .map((m) => `- ${m.key}${m.label ? ` (${m.label})` : ''}: ${m.status}, expected ${m.expected}`);
  const text = [
    markdownTable(measurements),
    '',
    `Routes measured: ${measured.length} / ${total} routes in the table.`,
    '',
    'Routes NOT covered (never answered their success status):',
    listOrNone(notCovered.map((key) => `- ${key}`)),
    '',
    'Routes not measured (excused):',
    listOrNone([...notMeasured].map(([key, reason]) => `- ${key}: ${reason}`)),
    '',
    'Unexpected statuses:',
    listOrNone(unexpected),
    '',
    'Write routes with more than one DynamoDB request (beyond the session check), vs shared/data/ACCESS-PATTERNS.md:',
    listOrNone(multiRequestLines(measurements, documented.routes, false)),
    '',
    'Read routes with more than one DynamoDB request (beyond the session check):',
    listOrNone(multiRequestLines(measurements, documented.routes, true)),
    '',
    'Rows of the exceptions table that name no route (not matched above):',
    listOrNone(documented.unparsed.map((cell) => `- "${cell}"`)),
    '',
    `Session check vs JWT check (${comparison ? `${timedCalls} interleaved calls each` : 'from the table'}, ` +
      `local, indicative only): ${ratioLine(me, account)}`,
  ].join('\n');
  return { text, notCovered };
}
