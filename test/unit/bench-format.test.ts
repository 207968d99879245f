import { describe, expect, it } from 'vitest';
import {
  aggregate,
  documentedExceptions,
  isDocumented,
  markdownTable,
  median,
  percentile,
  ratioLine,
  requestsCell,
  sessionCheckLength,
  type Measurement,
} from '../../scripts/bench/format.ts';

const doc = `# Access patterns

## Patterns → one request

| pattern | request |
|---|---|
| GET /crm/jobs | Query |

## Requests per route, and the exceptions

| route | requests | why |
|---|---|---|
| PATCH /crm/contacts/{id} | BatchGet + Put | reason |
| POST /crm/contacts, GET …/organizations/{id}/contacts | write ‖ GetItem | reason |
| POST /portal/jobs/{id}/candidates/{id}/moves, /remarks | BatchGet + Put | reason |
| session routes | + GetItem + BatchGet | reason |
`;

describe('bench statistics', () => {
  it('takes the median and a nearest-rank percentile', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(values, 90)).toBe(18);
    expect(percentile([7], 90)).toBe(7);
  });

  it('prints the ratio of two medians, or n/a', () => {
    expect(ratioLine({ key: 'A', median: 3 }, { key: 'B', median: 2 })).toMatch(/^ratio 1\.5: /);
    expect(ratioLine({ key: 'A', median: undefined }, { key: 'B', median: 2 })).toMatch(/^ratio n\/a/);
  });
});

describe('session check split', () => {
  it('counts GetItem + BatchGetItem, and the touch only when one is possible', () => {
    expect(sessionCheckLength(['GetItem', 'BatchGetItem', 'Query'], false)).toBe(2);
    expect(sessionCheckLength(['GetItem', 'BatchGetItem', 'UpdateItem', 'Query'], true)).toBe(3);
    expect(sessionCheckLength(['GetItem', 'BatchGetItem', 'UpdateItem'], false)).toBe(2);
    expect(sessionCheckLength(['GetItem'], false)).toBe(1);
    expect(sessionCheckLength([], false)).toBe(0);
  });

  it('shows the split for session routes only', () => {
    const commands = ['GetItem', 'BatchGetItem', 'Query'];
    expect(
      requestsCell({ key: 'GET /portal/jobs', status: 200, expected: 200, commands, sessionCheck: 2 }),
    ).toBe('3 (2 + 1)');
    expect(requestsCell({ key: 'GET /crm/jobs', status: 200, expected: 200, commands: ['Query'] })).toBe('1');
  });
});

describe('documented exceptions', () => {
  const { routes, unparsed } = documentedExceptions(doc);

  it('reads only the exceptions table, with several routes per cell', () => {
    expect(routes).toEqual([
      { method: 'PATCH', path: '/crm/contacts/{}', suffixOnly: false },
      { method: 'POST', path: '/crm/contacts', suffixOnly: false },
      { method: 'GET', path: '/organizations/{}/contacts', suffixOnly: true },
      { method: 'POST', path: '/portal/jobs/{}/candidates/{}/moves', suffixOnly: false },
      { method: 'POST', path: '/portal/jobs/{}/candidates/{}/remarks', suffixOnly: false },
    ]);
    expect(unparsed).toEqual(['session routes']);
  });

  it('matches route keys whatever the parameter names', () => {
    expect(isDocumented('PATCH /crm/contacts/{contactId}', routes)).toBe(true);
    expect(isDocumented('GET /crm/organizations/{orgId}/contacts', routes)).toBe(true);
    expect(isDocumented('POST /portal/jobs/{jobId}/candidates/{submissionId}/remarks', routes)).toBe(true);
    expect(isDocumented('GET /crm/contacts', routes)).toBe(false);
    expect(isDocumented('PATCH /crm/jobs/{jobId}', routes)).toBe(false);
  });
});

describe('markdown table', () => {
  const m = (key: string, extra: Partial<Measurement> = {}): Measurement => ({
    key,
    status: 200,
    expected: 200,
    commands: ['GetItem'],
    ...extra,
  });

  it('merges identical calls and sorts by path, then method, main call first', () => {
    const rows = aggregate([
      m('POST /crm/jobs', { status: 201, expected: 201, commands: ['TransactWriteItems'] }),
      m('GET /crm/jobs/{jobId}', { label: '404 unknown id', status: 404, expected: 404 }),
      m('GET /crm/jobs/{jobId}', { timings: [1, 2, 3] }),
      m('POST /crm/jobs', { status: 201, expected: 201, commands: ['TransactWriteItems'] }),
      m('GET /crm/jobs', { commands: ['Query'] }),
    ]);
    expect(rows.map((r) => [r.key, r.label, r.calls])).toEqual([
      ['GET /crm/jobs', undefined, 1],
      ['POST /crm/jobs', undefined, 2],
      ['GET /crm/jobs/{jobId}', undefined, 1],
      ['GET /crm/jobs/{jobId}', '404 unknown id', 1],
    ]);
  });

  it('prints one row per case, flagging unexpected statuses', () => {
    const table = markdownTable([
      m('GET /crm/jobs/{jobId}', { timings: [1, 2, 3] }),
      m('POST /portal/sessions', { status: 500, expected: 201, commands: [] }),
    ]).split('\n');
    expect(table[0]).toBe('| route | status | requests (session check + route) | commands | median ms |');
    expect(table[2]).toBe('| GET /crm/jobs/{jobId} | 200 | 1 | GetItem | 2.0 (p90 3.0) |');
    expect(table[3]).toBe('| POST /portal/sessions | **500** (expected 201) | 0 | – | – |');
  });
});
