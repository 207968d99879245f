import type { FaultKind, FaultOptions } from '../../local/fault-injection.ts';
import type { ScenarioResult } from './faults-scenario.ts';

/** Which option switches each kind on: a kind that was on but never hit proves nothing. */
const optionOf: Record<FaultKind, keyof FaultOptions> = {
  throwBeforeFirst: 'throwBeforeFirst',
  throwAfterFirst: 'throwAfterFirst',
  duplicate: 'duplicate',
  reorder: 'reorder',
  putEventsFailure: 'putEventsFailure',
  streamThrowAfter: 'streamThrowAfter',
  poisonRecord: 'poisonRecords',
};

/** The bench's table, and whether the run met the goal: 0 lost, 0 duplicated, nothing left over. */
export function report(r: ScenarioResult, options: FaultOptions): { lines: string[]; ok: boolean } {
  const injected = Object.entries(r.faults) as [FaultKind, number][];
  const missing = injected.filter(([kind, n]) => Boolean(options[optionOf[kind]]) && n === 0);
  const checks: [string, boolean][] = [
    ['every deactivation done', r.done === r.expected && r.lost.length === 0],
    ['no duplicated audit entry', r.duplicatedAudit === 0],
    ['every e-mail sent once', r.emailsTwice === 0 && r.emailsLost === 0],
    ['add-on off refuses every session, deactivates none', r.suspendedRefused === r.suspendedExpected],
    ['nobody else touched', r.touchedByMistake.length === 0],
    ['no dead letter, no real record given up', r.deadLetters === 0 && r.streamFailures === 0],
    ['every poison record given up', r.poisonGivenUp === (r.faults.poisonRecord ?? 0)],
    ['every request answered as expected', r.failedRequests.length === 0],
    ['every fault kind switched on was injected', missing.length === 0],
  ];
  const causes = Object.entries(r.byCause)
    .map(([cause, n]) => `${cause} ${n}`)
    .join(', ');
  const lines = [
    `| measure | value |`,
    `|---|---|`,
    `| deactivations expected | ${r.expected} (${causes}) |`,
    `| deactivations done | ${r.done} |`,
    `| deactivations lost | ${r.expected - r.done} |`,
    `| duplicated audit entries | ${r.duplicatedAudit} |`,
    `| e-mails expected / sent (login, requisition notice) | ${r.emailsExpected} / ${r.emailsSent} |`,
    `| e-mails sent twice | ${r.emailsTwice} |`,
    `| e-mails lost | ${r.emailsLost} |`,
    `| add-on off: sessions refused | ${r.suspendedRefused} of ${r.suspendedExpected} (none deactivated) |`,
    `| items left in the bus's dead-letter list | ${r.deadLetters} |`,
    `| real records left in the stream's on-failure list | ${r.streamFailures} |`,
    `| poison records given up (on-failure list) | ${r.poisonGivenUp} |`,
    `| requests answered otherwise than expected | ${r.failedRequests.length} |`,
    `| time from the first request to a settled pipeline | ${r.seconds.toFixed(1)} s |`,
    '',
    `faults injected: ${injected.map(([kind, n]) => `${kind} ${n}`).join(', ')}`,
    ...checks.map(([what, ok]) => `${ok ? 'ok  ' : 'FAIL'} ${what}`),
    ...r.lost.slice(0, 20).map((l) => `  lost: ${l}`),
    ...r.touchedByMistake.slice(0, 20).map((l) => `  touched: ${l}`),
    ...r.failedRequests.slice(0, 20).map((l) => `  request: ${l}`),
  ];
  return { lines, ok: checks.every(([, ok]) => ok) };
}
