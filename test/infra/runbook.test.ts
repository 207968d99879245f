import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { alarmKinds } from '../../lib/constructs/alarms.ts';
import { alarmedApp, alarmsOf, type FoundAlarm } from './alarms-fixture.ts';

const runbook = readFileSync(new URL('../../docs/runbook.md', import.meta.url), 'utf8');
let alarms: FoundAlarm[];

beforeAll(() => {
  alarms = alarmsOf(alarmedApp().templates);
});

/**
 * How the runbook spells an alarm: the stage as `<stage>`, and a function alarm by its family
 * (`…-Function-<function>`: one section covers every function, which the alarm's description names).
 */
function runbookSpelling(name: string): string {
  const generic = name.replace(/^ClientPortal-dev-/, 'ClientPortal-<stage>-');
  return generic.startsWith(`ClientPortal-<stage>-${alarmKinds.function}-`)
    ? `ClientPortal-<stage>-${alarmKinds.function}-<function>`
    : generic;
}

describe('docs/runbook.md', () => {
  it('names every alarm the app defines (dead-letter queues one by one)', () => {
    const missing = [...new Set(alarms.map((a) => runbookSpelling(a.name)))].filter(
      (spelled) => !runbook.includes(`\`${spelled}\``),
    );
    expect(missing).toEqual([]);
  });

  it('has a section for every kind of alarm, and no section for an alarm that does not exist', () => {
    const sections = [...runbook.matchAll(/^### `(ClientPortal-<stage>-[^`]+)`/gm)].map((m) => m[1]);
    const kinds = new Set(
      alarms.map((a) => runbookSpelling(a.name).replace(/^(.*DeadLetters)-.*$/, '$1-<handler>')),
    );
    expect(new Set(sections)).toEqual(kinds);
  });

  it('covers the questions people ask: lost access, a missing e-mail, a restore', () => {
    for (const heading of [
      '## A client lost access unexpectedly',
      '## A client did not receive the e-mail',
      '## Restoring the table from point-in-time recovery',
    ])
      expect(runbook).toContain(heading);
    expect(runbook).toContain('GET /crm/contacts/{id}/audit');
    expect(runbook).toContain('npm run redrive -- <queue>');
    expect(runbook).toContain('delete-suppressed-destination');
  });
});
