import type { Node } from 'constructs';

/**
 * Context `alarmEmail`: the address the alarm topic e-mails (docs/runbook.md). Unset: the topic is
 * created without a subscription, for offline synth and tests; subscribe it before relying on it.
 * Apart from lib/config.ts so that the deployment settings and the operators' settings change alone.
 */
export function readAlarmEmail(node: Node): string | undefined {
  const value: unknown = node.tryGetContext('alarmEmail');
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()))
    throw new Error(`Context "alarmEmail" is not an e-mail address: ${String(value)}`);
  return value.trim();
}
