import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  SearchExpression,
  Stats,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { deactivationCauses } from '../../shared/domain/portal-access.ts';
import type { MetricName } from '../../shared/metrics/names.ts';
import { businessMetric } from './business-metrics.ts';

export interface OpsDashboardProps {
  stage: string;
  httpApi: IHttpApi;
  table: ITable;
  /** Every alarm of the app, by name. */
  alarmNames: string[];
  throttles: Record<string, IMetric>;
}

const hour = Duration.hours(1);
const fiveMinutes = Duration.minutes(5);

/**
 * `ClientPortal-<stage>`: what the portal is used for (the business metrics), then whether it is
 * healthy (alarm states, functions, queues, stream, API, table, SES). Functions and queues are found
 * by a search on the stage's stack names, so the dashboard never imports a route's or rule's names.
 */
export class OpsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OpsDashboardProps) {
    super(scope, id);
    const { stage } = props;
    const prefix = `ClientPortal-${stage}`;
    const business = (names: MetricName[], statistic: string = Stats.SUM) =>
      names.map((name) => businessMetric(stage, name, { period: hour, statistic }));
    const search = (schema: string, metricName: string, statistic: string, label: string) =>
      new SearchExpression({
        expression: `SEARCH('{${schema}} MetricName="${metricName}" ${prefix}', '${statistic}', 300)`,
        label,
      });
    const graph = (title: string, left: IMetric[], width = 8) =>
      new GraphWidget({ title, left, width, height: 6 });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: prefix,
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown:
          `# Client Portal (${stage})\nBusiness metrics (namespace ClientPortal, per hour), then the signals the ` +
          'alarms watch. What each alarm means and what to do: docs/runbook.md in the repository.',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      new AlarmStatusWidget({
        title: 'Alarms',
        alarms: props.alarmNames.map((name, i) => Alarm.fromAlarmName(this, `Alarm${i}`, name)),
        width: 24,
        height: 6,
      }),
    );
    this.dashboard.addWidgets(
      graph('Invitations and sign-ups', business(['InvitationsSent', 'SignUps'])),
      graph(
        'Logins',
        business(['LoginLinksRequested', 'LoginLinksSent', 'LoginLinksUsed', 'LoginCodesUsed', 'Logins']),
      ),
      graph(
        'Deactivations by cause',
        deactivationCauses.map((cause) =>
          businessMetric(stage, 'Deactivations', { split: cause, period: hour, label: cause }),
        ),
      ),
    );
    this.dashboard.addWidgets(
      graph('E-mails', business(['EmailsSent', 'EmailsFailed'])),
      graph('Events', business(['EventsPublished', 'EventsFailed'])),
      new GraphWidget({
        title: 'Organization cascades',
        left: business(['CascadeContactsDeleted']),
        right: business(['CascadeDuration'], Stats.MAXIMUM),
        width: 8,
        height: 6,
      }),
    );
    this.dashboard.addWidgets(
      graph('Lambda errors', [search('AWS/Lambda,FunctionName', 'Errors', 'Sum', 'errors')]),
      graph('Lambda throttles', [search('AWS/Lambda,FunctionName', 'Throttles', 'Sum', 'throttles')]),
      graph('Dead-letter queues (messages waiting)', [
        search('AWS/SQS,QueueName', 'ApproximateNumberOfMessagesVisible', 'Maximum', 'waiting'),
      ]),
    );
    this.dashboard.addWidgets(
      graph('Stream publisher iterator age (ms)', [
        search('AWS/Lambda,FunctionName', 'IteratorAge', 'Maximum', 'iterator age'),
      ]),
      graph('HTTP API', [
        props.httpApi.metricCount({ period: fiveMinutes, statistic: Stats.SUM, label: 'requests' }),
        props.httpApi.metricServerError({ period: fiveMinutes, statistic: Stats.SUM, label: '5xx' }),
        props.httpApi.metricClientError({ period: fiveMinutes, statistic: Stats.SUM, label: '4xx' }),
      ]),
      graph('DynamoDB throttles and system errors', [
        new MathExpression({
          expression: Object.keys(props.throttles).join(' + '),
          usingMetrics: props.throttles,
          period: fiveMinutes,
          label: 'throttled requests',
        }),
        props.table.metricSystemErrorsForOperations({ period: fiveMinutes }),
      ]),
    );
    const ses = (metricName: string, label: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, period: hour, statistic: Stats.MAXIMUM, label });
    this.dashboard.addWidgets(
      graph(
        'SES reputation (account)',
        [ses('Reputation.BounceRate', 'bounce rate'), ses('Reputation.ComplaintRate', 'complaint rate')],
        24,
      ),
    );
  }
}
