/**
 * Lambda event-source filtering, as much of its syntax as `shared/events/stream-filter.ts` uses: a
 * pattern is a tree of objects whose leaves are arrays of allowed values — exact values (strings,
 * numbers, booleans, null) or `{ exists: true | false }`. A record passes when any pattern
 * matches; a pattern matches when every leaf does. Anything else in a pattern is refused up front,
 * so a richer pattern added later fails loudly here instead of filtering differently than AWS.
 */
export type FilterPattern = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isExists = (value: unknown): value is { exists: boolean } =>
  isObject(value) && Object.keys(value).length === 1 && typeof value.exists === 'boolean';

const isExact = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** Throws naming the first part of a pattern this matcher does not implement. */
export function assertSupportedPatterns(patterns: readonly FilterPattern[]): void {
  const check = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      const bad = node.find((value) => !isExact(value) && !isExists(value));
      if (bad !== undefined)
        throw new Error(`local stream: filter ${path} uses ${JSON.stringify(bad)}, not supported locally`);
      return;
    }
    if (!isObject(node)) throw new Error(`local stream: filter ${path} must be an object or an array`);
    for (const [key, child] of Object.entries(node)) check(child, path ? `${path}.${key}` : key);
  };
  patterns.forEach((pattern, i) => check(pattern, `#${i}`));
}

/** A leaf: the field is absent, a value, or an array of values (any element may match, as in AWS). */
function leafMatches(allowed: readonly unknown[], value: unknown): boolean {
  return allowed.some((rule) => {
    if (isExists(rule)) return rule.exists === (value !== undefined);
    if (value === undefined) return false;
    return Array.isArray(value) ? value.includes(rule) : value === rule;
  });
}

function nodeMatches(pattern: FilterPattern, value: unknown): boolean {
  const fields = isObject(value) ? value : {};
  return Object.entries(pattern).every(([key, rule]) =>
    Array.isArray(rule) ? leafMatches(rule, fields[key]) : nodeMatches(rule as FilterPattern, fields[key]),
  );
}

/** Whether a record (in the shape Lambda delivers it) reaches the function: OR over the patterns. */
export const passesFilters = (patterns: readonly FilterPattern[], record: unknown): boolean =>
  patterns.length === 0 || patterns.some((pattern) => nodeMatches(pattern, record));
