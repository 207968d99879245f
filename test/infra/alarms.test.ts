import type { Template } from 'aws-cdk-lib/assertions';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { alarmNameOf } from '../../lib/constructs/alarms.ts';
import { iteratorAgeThresholdMs } from '../../lib/stacks/pipeline-stack.ts';
import { opsThresholds, watchedOperations } from '../../lib/stacks/ops-stack.ts';
import { metricNames } from '../../shared/metrics/names.ts';
import { routeList } from '../../shared/api/routes.ts';
import { eventRules } from '../../shared/events/rules.ts';
import { resourcesOf } from './app-fixture.ts';
import {
  alarmEmail,
  alarmedApp,
  alarmsOf,
  byName,
  expressionOf,
  type FoundAlarm,
  metricsOf,
} from './alarms-fixture.ts';

let templates: Map<string, Template>;
let alarms: FoundAlarm[];
const stack = (suffix: string) => {
  const t = templates.get(`ClientPortal-dev-${suffix}`);
  if (!t) throw new Error(`No stack ${suffix}`);
  return t;
};
const name = (kind: Parameters<typeof alarmNameOf>[1], subject?: string) => alarmNameOf('dev', kind, subject);

beforeAll(() => {
  ({ templates } = alarmedApp());
  alarms = alarmsOf(templates);
});

describe('the operators’ topic', () => {
  it('e-mails the alarmEmail context value, encrypted with its own rotated key, TLS only', () => {
    const alerts = stack('Alerts');
    alerts.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: alarmEmail });
    alerts.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'client-portal-dev-alarms',
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TopicKey'), 'Arn'] },
    });
    alerts.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    alerts.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      }),
    });
    alerts.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      }),
    });
  });

  it('has no subscription without alarmEmail, and refuses an alarmEmail that is no address', () => {
    const { templates: quiet } = alarmedApp({});
    expect(resourcesOf(quiet.get('ClientPortal-dev-Alerts')!, 'AWS::SNS::Subscription')).toEqual({});
    expect(() => alarmedApp({ alarmEmail: 'ops at example' })).toThrow(/alarmEmail/);
  });
});

describe('every alarm', () => {
  it('has a unique ClientPortal-dev-… name', () => {
    expect(alarms.length).toBeGreaterThan(routeList.length + eventRules.length);
    for (const a of alarms) expect(a.name).toMatch(/^ClientPortal-dev-[A-Za-z0-9-]+$/);
    expect(new Set(alarms.map((a) => a.name)).size).toBe(alarms.length);
  });

  it('notifies the operators’ topic when it fires and when it is over', () => {
    for (const { alarm, stack: where, name: alarmName } of alarms) {
      const p = alarm.Properties!;
      for (const actions of [p.AlarmActions, p.OKActions]) {
        expect(actions, alarmName).toHaveLength(1);
        // The topic itself in its own stack, an import of its ARN anywhere else.
        expect(JSON.stringify(actions), `${alarmName} in ${where}`).toMatch(/AlarmTopic/);
      }
      expect(p.ActionsEnabled ?? true).toBe(true);
    }
  });
});

describe('alarms on the pipeline', () => {
  it('every dead-letter and on-failure queue alarms as soon as one message waits', () => {
    const pipeline = stack('Pipeline');
    const queues = Object.keys(resourcesOf(pipeline, 'AWS::SQS::Queue'));
    expect(queues).toHaveLength(eventRules.length + 1);
    for (const queueId of queues) {
      const watching = alarms.filter((a) =>
        metricsOf(a.alarm).some(
          (m) =>
            m.name === 'ApproximateNumberOfMessagesVisible' &&
            JSON.stringify(m.dimensions).includes(`"${queueId}"`),
        ),
      );
      expect(watching, queueId).toHaveLength(1);
      const p = watching[0]!.alarm.Properties!;
      expect(p).toMatchObject({
        Namespace: 'AWS/SQS',
        Statistic: 'Maximum',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      });
      expect(watching[0]!.name).toMatch(/^ClientPortal-dev-DeadLetters-/);
    }
    byName(alarms, name('DeadLetters', 'Publisher'));
  });

  it('the stream publisher’s iterator age alarms past five minutes, twice in a row', () => {
    const { alarm } = byName(alarms, name('StreamIteratorAge'));
    expect(alarm.Properties).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'IteratorAge',
      Statistic: 'Maximum',
      Threshold: iteratorAgeThresholdMs,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 2,
    });
    expect(JSON.stringify(alarm.Properties!.Dimensions)).toMatch(/EventsPublishStream/);
  });
});

describe('alarms on the functions', () => {
  it('every function alarms on its errors plus throttles, from one unhandled error on', () => {
    const functions = [...templates].flatMap(([stackName, t]) =>
      Object.keys(resourcesOf(t, 'AWS::Lambda::Function')).map((id) => ({ stackName, id })),
    );
    const own = functions.filter((f) => !/BucketDeployment|CustomResource|AWS679f53fac/.test(f.id));
    expect(own.length).toBe(routeList.length + eventRules.length + 1);
    for (const { stackName, id } of own) {
      const watching = alarms.filter(
        (a) =>
          a.stack === stackName &&
          metricsOf(a.alarm).some(
            (m) => m.name === 'Errors' && JSON.stringify(m.dimensions).includes(`"${id}"`),
          ),
      );
      expect(watching, id).toHaveLength(1);
      const { alarm, name: alarmName } = watching[0]!;
      expect(alarmName).toMatch(/^ClientPortal-dev-Function-[A-Za-z0-9]+$/);
      expect(
        metricsOf(alarm)
          .map((m) => `${m.namespace} ${m.name}`)
          .sort(),
      ).toEqual(['AWS/Lambda Errors', 'AWS/Lambda Throttles']);
      expect(expressionOf(alarm)).toBe('errors + throttles');
      expect(alarm.Properties).toMatchObject({
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
      });
    }
  });
});

describe('alarms of the ops stack', () => {
  it('the HTTP API’s 5xx rate', () => {
    const { alarm } = byName(alarms, name('Api5xxRate'));
    expect(
      metricsOf(alarm)
        .map((m) => `${m.namespace} ${m.name}`)
        .sort(),
    ).toEqual(['AWS/ApiGateway 5xx', 'AWS/ApiGateway Count']);
    for (const m of metricsOf(alarm)) expect(JSON.stringify(m.dimensions)).toMatch(/ApiId/);
    expect(expressionOf(alarm)).toBe(
      `IF(requests >= ${opsThresholds.api5xxMinRequests}, 100 * errors / requests, 0)`,
    );
    expect(alarm.Properties).toMatchObject({
      Threshold: opsThresholds.api5xxPercent,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 2,
    });
  });

  it('DynamoDB throttles on the table and every index, and system errors per operation', () => {
    const throttles = byName(alarms, name('TableThrottles')).alarm;
    const names = metricsOf(throttles).map((m) => m.name);
    expect(names.filter((n) => n === 'ReadThrottleEvents')).toHaveLength(4);
    expect(names.filter((n) => n === 'WriteThrottleEvents')).toHaveLength(4);
    expect(throttles.Properties).toMatchObject({ Threshold: opsThresholds.tableThrottles });

    const errors = byName(alarms, name('TableSystemErrors')).alarm;
    const operations = metricsOf(errors).map((m) => {
      expect(m.name).toBe('SystemErrors');
      return JSON.stringify(m.dimensions).match(/"Operation","Value":"(\w+)"/)?.[1];
    });
    expect(operations.sort()).toEqual([...watchedOperations].sort());
    expect(errors.Properties).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('SES bounce and complaint rates, below the rates at which SES reviews the account', () => {
    expect(byName(alarms, name('SesBounceRate')).alarm.Properties).toMatchObject({
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.BounceRate',
      Statistic: 'Maximum',
      Threshold: 0.05,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    expect(byName(alarms, name('SesComplaintRate')).alarm.Properties).toMatchObject({
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.ComplaintRate',
      Threshold: 0.001,
    });
  });

  it('failed e-mails and failed events, from the business metrics of this stage', () => {
    for (const metric of ['EmailsFailed', 'EventsFailed'] as const) {
      expect(byName(alarms, name(metric)).alarm.Properties).toMatchObject({
        Namespace: 'ClientPortal',
        MetricName: metric,
        Statistic: 'Sum',
        Dimensions: [
          { Name: 'service', Value: 'client-portal' },
          { Name: 'stage', Value: 'dev' },
        ],
        Threshold: 1,
      });
    }
  });
});

describe('the dashboard', () => {
  it('shows every business metric and the state of every alarm', () => {
    const dashboards = Object.values(resourcesOf(stack('Ops'), 'AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]!.Properties!.DashboardBody);
    expect(dashboards[0]!.Properties!.DashboardName).toBe('ClientPortal-dev');
    for (const metric of metricNames) expect(body).toContain(`\\"${metric}\\"`);
    for (const a of alarms) expect(body, a.name).toContain(`:alarm:${a.name}`);
  });
});
