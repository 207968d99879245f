import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { RouteAccess } from '../../shared/api/routes.ts';
import { envNames } from '../../shared/config/env.ts';
import { metricsService } from '../../shared/metrics/names.ts';
import type { FunctionBundles } from '../build/function-bundles.ts';
import { alarmKinds, alarmNameOf, notifyOperators } from './alarms.ts';
import { bindAccess, type FunctionResources } from './function-access.ts';
import { bindOriginSecret } from './origin-secret.ts';
import { readsSecrets, secretsExtension } from './secrets-extension.ts';

export interface PortalFunctionProps {
  /** The handler's id: its file is `functions/<handlerId>.ts`, exporting `handler`. */
  handlerId: string;
  description: string;
  access: RouteAccess;
  resources: FunctionResources;
  /** Where the function was built (lib/build/function-bundles.ts): its folder is its asset. */
  bundles: FunctionBundles;
  /** API functions: the secret CloudFront's origin header must match (docs/web-hosting.md). */
  originSecret?: ISecret;
}

/**
 * One Lambda function of the project: runtime, architecture, memory, timeout, logs, tracing, code
 * and least-privilege grants are decided here once, for every route and event handler. The code is
 * the function's folder of the one build of all functions, which holds its bundle and source map.
 * So is its alarm (`ClientPortal-<stage>-Function-<id>`), which lives and goes with the function.
 */
export class PortalFunction extends Construct {
  readonly function: LambdaFunction;
  /** Unhandled errors plus throttles of this function, notifying the operators' topic. */
  readonly alarm: Alarm;

  constructor(scope: Construct, id: string, props: PortalFunctionProps) {
    super(scope, id);

    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      // Logs expire after a month anyway; a deleted stack should not leave one orphan group per function.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An explicit role instead of AWSLambdaBasicExecutionRole (logs:* on every log group): this
    // function may write to its own log group only.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    this.function = new LambdaFunction(this, 'Function', {
      code: Code.fromAsset(props.bundles.assetDirOf(props.handlerId)),
      handler: 'index.handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        POWERTOOLS_SERVICE_NAME: metricsService,
        NODE_OPTIONS: '--enable-source-maps',
        [envNames.stage]: props.resources.stage,
      },
      ...(readsSecrets(props.access, props.originSecret !== undefined)
        ? { paramsAndSecrets: secretsExtension }
        : {}),
    });
    bindAccess(this.function, props.access, props.resources);
    if (props.originSecret) bindOriginSecret(this.function, props.originSecret);
    this.alarm = this.failingAlarm(id, props);

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions::AwsSolutions-L1',
      reason:
        'Node.js 22 is the runtime the handlers are built (esbuild target node22) and tested for; moving to a ' +
        'newer runtime is a deliberate upgrade of the whole project, not a per-function drift.',
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no ' +
        'resource-level permissions; every other statement of this role names its resources.',
    });
  }

  /**
   * One alarm per function, not one across all: its name says which function (and so which log
   * group) to open, no stack has to import another's function names, and a route removed takes its
   * alarm with it. Errors and throttles in one expression keep it to one alarm per function. Any
   * unhandled error counts: handlers answer domain errors themselves, so what reaches Lambda as an
   * error is a crash, a timeout or a dependency down.
   */
  private failingAlarm(id: string, props: PortalFunctionProps): Alarm {
    const period = Duration.minutes(5);
    const errors = this.function.metricErrors({ period, statistic: Stats.SUM });
    const throttles = this.function.metricThrottles({ period, statistic: Stats.SUM });
    const alarm = new Alarm(this, 'Failing', {
      alarmName: alarmNameOf(props.resources.stage, alarmKinds.function, id),
      alarmDescription: `${props.description}: unhandled errors or throttles in the last 5 minutes.`,
      metric: new MathExpression({
        expression: 'errors + throttles',
        usingMetrics: { errors, throttles },
        period,
        label: 'errors + throttles',
      }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      // An idle function publishes nothing: that is the healthy state.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    return notifyOperators(alarm, props.resources.alarmTopic);
  }
}
