/**
 * Pure helpers of `npm run bench:requests`: statistics, the session-check split, the documented
 * exceptions of shared/data/ACCESS-PATTERNS.md and the Markdown report. No I/O here.
 */

export interface Measurement {
  /** Route key, `METHOD /path/{template}`. */
  key: string;
  /** Set on the extra failure cases (e.g. `404 unknown id`); the main, successful call has none. */
  label?: string;
  status: number;
  expected: number;
  commands: string[];
  /** Portal routes with auth 'session': how many of the commands were the session check. */
  sessionCheck?: number;
  /** Wall-clock ms of the timed sequential calls (GET routes only). */
  timings?: number[];
}

export const methodOf = (key: string): string => key.split(' ')[0] ?? '';
export const pathOf = (key: string): string => key.split(' ')[1] ?? '';
export const isRead = (key: string): boolean => methodOf(key) === 'GET';

export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export const median = (values: readonly number[]): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
};

/**
 * The session check is `GetItem` (the session) then `BatchGetItem` (contact, organization,
 * account), plus an `UpdateItem` touch when the session was last seen long enough ago.
 * Answers how many leading commands belong to it.
 */
export function sessionCheckLength(commands: readonly string[], touchPossible: boolean): number {
  if (commands[0] !== 'GetItem') return 0;
  if (commands[1] !== 'BatchGetItem') return 1;
  return touchPossible && commands[2] === 'UpdateItem' ? 3 : 2;
}

/** The commands a route makes beyond the session check. */
export const routeCommands = (m: Measurement): string[] => m.commands.slice(m.sessionCheck ?? 0);

export function requestsCell(m: Measurement): string {
  if (m.sessionCheck === undefined) return String(m.commands.length);
  return `${m.commands.length} (${m.sessionCheck} + ${m.commands.length - m.sessionCheck})`;
}

const ms = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(1));

export function timingCell(m: Measurement): string {
  if (!m.timings || m.timings.length === 0) return '–';
  return `${ms(median(m.timings))} (p90 ${ms(percentile(m.timings, 90))})`;
}

const methodOrder = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** By path, then method, the main call before its failure cases. */
export function compareMeasurements(a: Measurement, b: Measurement): number {
  return (
    pathOf(a.key).localeCompare(pathOf(b.key)) ||
    methodOrder.indexOf(methodOf(a.key)) - methodOrder.indexOf(methodOf(b.key)) ||
    (a.label === undefined ? -1 : 0) - (b.label === undefined ? -1 : 0) ||
    (a.label ?? '').localeCompare(b.label ?? '')
  );
}

/** One row of the table: identical calls (same route, case, status and commands) merged. */
export interface Row extends Measurement {
  calls: number;
}

export function aggregate(measurements: readonly Measurement[]): Row[] {
  const rows = new Map<string, Row>();
  for (const m of measurements) {
    const id = [m.key, m.label ?? '', m.status, m.commands.join(','), m.sessionCheck ?? ''].join('|');
    const row = rows.get(id);
    if (!row) rows.set(id, { ...m, calls: 1 });
    else {
      row.calls += 1;
      row.timings ??= m.timings;
    }
  }
  return [...rows.values()].sort(compareMeasurements);
}

export function markdownTable(measurements: readonly Measurement[]): string {
  const lines = [
    '| route | status | requests (session check + route) | commands | median ms |',
    '|---|---|---|---|---|',
  ];
  for (const m of aggregate(measurements)) {
    const route = `${m.key}${m.calls > 1 ? ` ×${m.calls}` : ''}${m.label ? ` _(${m.label})_` : ''}`;
    const status = m.status === m.expected ? String(m.status) : `**${m.status}** (expected ${m.expected})`;
    const commands = m.commands.join(', ') || '–';
    lines.push(`| ${route} | ${status} | ${requestsCell(m)} | ${commands} | ${timingCell(m)} |`);
  }
  return lines.join('\n');
}

/** A route of the exceptions table: method and path with every `{param}` as `{}`, maybe only a suffix. */
export interface DocumentedRoute {
  method: string;
  path: string;
  suffixOnly: boolean;
}

export interface DocumentedExceptions {
  routes: DocumentedRoute[];
  /** First cells that name no route this parser can read (prose such as "session routes"). */
  unparsed: string[];
}

const normalizePath = (path: string) => path.replace(/\{[^}]*\}/g, '{}');
const ellipsis = /^(…|\.\.\.)/;

/**
 * One part of a cell: `METHOD /path`, `METHOD …/suffix`, or, after a route, `/sibling` (the
 * previous route with its last segment replaced, as in `…/moves, /remarks`).
 */
function parsePart(part: string, previous: DocumentedRoute | undefined): DocumentedRoute | undefined {
  const match = part.match(/^(GET|POST|PUT|PATCH|DELETE)\s+(\S+)$/);
  if (match) {
    const raw = match[2] as string;
    return {
      method: match[1] as string,
      path: normalizePath(raw.replace(ellipsis, '')),
      suffixOnly: ellipsis.test(raw),
    };
  }
  if (previous && /^\/[^\s/]+$/.test(part)) {
    return { ...previous, path: previous.path.replace(/\/[^/]*$/, part) };
  }
  return undefined;
}

/**
 * The routes listed in the first column of the table under "Requests per route, and the
 * exceptions". Cells may hold several routes (`POST /crm/contacts, GET …/organizations/{id}/contacts`).
 */
export function documentedExceptions(markdown: string): DocumentedExceptions {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Requests per route'));
  const found: DocumentedExceptions = { routes: [], unparsed: [] };
  for (const line of section?.split('\n') ?? []) {
    const cell = line.match(/^\|\s*([^|]+?)\s*\|/)?.[1];
    if (!cell || cell === 'route' || /^-+$/.test(cell)) continue;
    let previous: DocumentedRoute | undefined;
    for (const part of cell.split(',').map((p) => p.trim())) {
      previous = parsePart(part, previous);
      if (previous) found.routes.push(previous);
      else found.unparsed.push(part);
    }
  }
  return found;
}

export function isDocumented(key: string, documented: readonly DocumentedRoute[]): boolean {
  const path = normalizePath(pathOf(key));
  return documented.some(
    (d) => d.method === methodOf(key) && (d.suffixOnly ? path.endsWith(d.path) : path === d.path),
  );
}

export function ratioLine(
  numerator: { key: string; median: number | undefined },
  denominator: { key: string; median: number | undefined },
): string {
  if (numerator.median === undefined || denominator.median === undefined || denominator.median === 0) {
    return `ratio n/a (${numerator.key} vs ${denominator.key}: not timed)`;
  }
  const ratio = numerator.median / denominator.median;
  return (
    `ratio ${ratio.toFixed(1)}: median ${numerator.key} ${ms(numerator.median)} ms ` +
    `vs ${denominator.key} ${ms(denominator.median)} ms`
  );
}
