import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { type ITable, Operation } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { tableDefinition } from '../../shared/data/table-definition.ts';
import { type AlarmKind, alarmKinds, alarmNameOf, notifyOperators } from '../constructs/alarms.ts';
import { businessMetric } from '../constructs/business-metrics.ts';
import { OpsDashboard } from '../constructs/ops-dashboard.ts';

export interface OpsStackProps extends StackProps {
  stage: string;
  alarmTopic: ITopic;
  httpApi: IHttpApi;
  table: ITable;
  /** Every other alarm of the app, by name, for the dashboard's alarm status (no cross-stack import). */
  otherAlarmNames: string[];
}

/** The operations that SystemErrors are watched for: everything the functions and the publisher call. */
export const watchedOperations = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
  Operation.GET_RECORDS,
];

/** Thresholds, in one place for the alarms, the tests and docs/runbook.md. */
export const opsThresholds = {
  /** Percent of requests answered 5xx over 5 minutes, twice in a row, with at least 20 requests. */
  api5xxPercent: 5,
  api5xxMinRequests: 20,
  /** Throttled reads and writes over 5 minutes (the SDK retries a few without anyone noticing). */
  tableThrottles: 10,
  /** SES reviews an account at a 5% bounce rate and 0.1% complaint rate; alarm there, before a pause. */
  sesBounceRate: 0.05,
  sesComplaintRate: 0.001,
} as const;

/**
 * The signals that belong to no single function or queue — the HTTP API, the table, SES, the
 * business counts of failures — and the one dashboard. Last of the stacks: it reads the API and the
 * table (stable stacks) and only names the alarms of the others, so a route or rule that goes away
 * never leaves an export in use here.
 */
export class OpsStack extends Stack {
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OpsStackProps) {
    super(scope, id, props);
    const { stage, httpApi, table } = props;
    const period = Duration.minutes(5);
    const alarm = (
      kind: AlarmKind,
      description: string,
      metric: IMetric,
      threshold: number,
      more: { evaluationPeriods?: number; comparisonOperator?: ComparisonOperator } = {},
    ) => {
      const created = new Alarm(this, kind, {
        alarmName: alarmNameOf(stage, kind),
        alarmDescription: description,
        metric,
        threshold,
        comparisonOperator: more.comparisonOperator ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: more.evaluationPeriods ?? 1,
        // No traffic, no data points: nothing is failing.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      this.alarms.push(notifyOperators(created, props.alarmTopic));
    };

    alarm(
      alarmKinds.api5xxRate,
      `More than ${opsThresholds.api5xxPercent}% of HTTP API requests answered 5xx, two 5-minute periods in a row.`,
      new MathExpression({
        expression: `IF(requests >= ${opsThresholds.api5xxMinRequests}, 100 * errors / requests, 0)`,
        usingMetrics: {
          errors: httpApi.metricServerError({ period, statistic: Stats.SUM }),
          requests: httpApi.metricCount({ period, statistic: Stats.SUM }),
        },
        period,
        label: '5xx %',
      }),
      opsThresholds.api5xxPercent,
      { evaluationPeriods: 2, comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD },
    );

    const throttleMetrics: Record<string, IMetric> = {};
    const indexes = [undefined, ...tableDefinition.globalIndexes.map((i) => i.indexName)];
    for (const [i, index] of indexes.entries()) {
      for (const name of ['ReadThrottleEvents', 'WriteThrottleEvents']) {
        throttleMetrics[`${name === 'ReadThrottleEvents' ? 'r' : 'w'}${i}`] = table.metric(name, {
          period,
          statistic: Stats.SUM,
          ...(index
            ? { dimensionsMap: { TableName: table.tableName, GlobalSecondaryIndexName: index } }
            : {}),
        });
      }
    }
    alarm(
      alarmKinds.tableThrottles,
      `At least ${opsThresholds.tableThrottles} throttled reads or writes on the table or its indexes in 5 minutes.`,
      new MathExpression({
        expression: Object.keys(throttleMetrics).join(' + '),
        usingMetrics: throttleMetrics,
        period,
        label: 'throttled requests',
      }),
      opsThresholds.tableThrottles,
    );
    alarm(
      alarmKinds.tableSystemErrors,
      'DynamoDB answered 500 (SystemErrors) to a request on the table in the last 5 minutes.',
      table.metricSystemErrorsForOperations({ operations: watchedOperations, period }),
      1,
    );

    const ses = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, period: Duration.hours(1), statistic: Stats.MAXIMUM });
    alarm(
      alarmKinds.sesBounceRate,
      `The account's SES bounce rate is above ${opsThresholds.sesBounceRate * 100}% (SES reviews the account at 5%, pauses at 10%).`,
      ses('Reputation.BounceRate'),
      opsThresholds.sesBounceRate,
      { comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD },
    );
    alarm(
      alarmKinds.sesComplaintRate,
      `The account's SES complaint rate is above ${opsThresholds.sesComplaintRate * 100}% (SES reviews at 0.1%, pauses at 0.5%).`,
      ses('Reputation.ComplaintRate'),
      opsThresholds.sesComplaintRate,
      { comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD },
    );
    alarm(
      alarmKinds.emailsFailed,
      'SES refused an e-mail (or could not be reached) in the last 5 minutes: an invitation or login e-mail did not go out.',
      businessMetric(stage, 'EmailsFailed'),
      1,
    );
    alarm(
      alarmKinds.eventsFailed,
      'Domain events could not be put on the bus after retries in the last 5 minutes (they are retried from the stream).',
      businessMetric(stage, 'EventsFailed'),
      1,
    );

    new OpsDashboard(this, 'Dashboard', {
      stage,
      httpApi,
      table,
      alarmNames: [...props.otherAlarmNames, ...this.alarms.map((a) => alarmNameOf(stage, kindOf(a)))],
      throttles: throttleMetrics,
    });
  }
}

const kindOf = (a: Alarm) => a.node.id as AlarmKind;
