/**
 * The business metrics, named once: the functions emit them (shared/metrics/metrics.ts, CloudWatch
 * embedded metric format) and the ops stack charts and alarms on the same names. Nothing here
 * imports Powertools, so CDK code can read it.
 *
 * Every metric carries the dimensions `service` (POWERTOOLS_SERVICE_NAME) and `stage`; a metric
 * with `by` carries that dimension too and is emitted only with it.
 */
export const metricsNamespace = 'ClientPortal';
/** The `service` dimension: POWERTOOLS_SERVICE_NAME, which the function construct sets to this. */
export const metricsService = 'client-portal';

export const metricDimensions = { service: 'service', stage: 'stage', cause: 'cause' } as const;

export type MetricUnitName = 'Count' | 'Milliseconds';

export interface MetricDefinition {
  unit: MetricUnitName;
  /** What one unit is, for the dashboard and docs/runbook.md. */
  description: string;
  by?: keyof typeof metricDimensions;
}

export const metricDefinitions = {
  InvitationsSent: { unit: 'Count', description: 'invitation e-mails accepted by SES (B4)' },
  SignUps: { unit: 'Count', description: 'invitations turned into portal users (B5)' },
  LoginLinksRequested: { unit: 'Count', description: 'login requests accepted by the route (B7)' },
  LoginLinksSent: { unit: 'Count', description: 'login links (one per agency) e-mailed (B7, B24)' },
  LoginLinksUsed: { unit: 'Count', description: 'logins with a link (B7)' },
  LoginCodesUsed: { unit: 'Count', description: 'logins with a code (B24)' },
  Logins: { unit: 'Count', description: 'sessions started by a link or a code' },
  Deactivations: {
    unit: 'Count',
    description: 'active portal accesses ended, by cause (B15–B22)',
    by: 'cause',
  },
  EmailsSent: { unit: 'Count', description: 'e-mails accepted by SES' },
  EmailsFailed: { unit: 'Count', description: 'e-mails SES refused or could not be reached for' },
  CascadeContactsDeleted: { unit: 'Count', description: 'contacts deleted by an organization cascade (B15)' },
  CascadeDuration: { unit: 'Milliseconds', description: 'time of one cascade invocation (B15)' },
  EventsPublished: { unit: 'Count', description: 'domain events EventBridge accepted' },
  EventsFailed: { unit: 'Count', description: 'domain events that could not be put on the bus' },
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof metricDefinitions;
export const metricNames = Object.keys(metricDefinitions) as MetricName[];
