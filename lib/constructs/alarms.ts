import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';

/**
 * Every alarm of the app has an explicit name `ClientPortal-<stage>-<kind>[-<subject>]`, so the
 * e-mail an operator gets names what broke, and docs/runbook.md has a section per kind
 * (test/infra/runbook.test.ts checks that every alarm of the template is there).
 */
export const alarmKinds = {
  /** A function's unhandled errors plus throttles (one alarm per function, subject: its construct id). */
  function: 'Function',
  /** A dead-letter or on-failure queue holds a message (subject: the rule's handler, or Publisher). */
  deadLetters: 'DeadLetters',
  streamIteratorAge: 'StreamIteratorAge',
  api5xxRate: 'Api5xxRate',
  tableThrottles: 'TableThrottles',
  tableSystemErrors: 'TableSystemErrors',
  sesBounceRate: 'SesBounceRate',
  sesComplaintRate: 'SesComplaintRate',
  emailsFailed: 'EmailsFailed',
  eventsFailed: 'EventsFailed',
} as const;

export type AlarmKind = (typeof alarmKinds)[keyof typeof alarmKinds];

export const alarmNameOf = (stage: string, kind: AlarmKind, subject?: string) =>
  ['ClientPortal', stage, kind, ...(subject ? [subject] : [])].join('-');

/** The alarm and its return to OK both reach the operators' topic: they hear that it is over, too. */
export function notifyOperators(alarm: Alarm, topic: ITopic): Alarm {
  const action = new SnsAction(topic);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
}
