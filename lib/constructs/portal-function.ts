import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { RouteAccess } from '../../shared/api/routes.ts';
import { routeTimeoutSeconds } from '../../shared/config/timeouts.ts';
import type { FunctionBundles } from '../build/function-bundles.ts';
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
  /** Sized to the function's work: a rule's own (shared/events/rules.ts), else a route's. */
  timeoutSeconds?: number;
}

/**
 * One Lambda function of the project: runtime, architecture, memory, timeout, logs, tracing, code
 * and least-privilege grants are decided here once, for every route and event handler. The code is
 * the function's folder of the one build of all functions, which holds its bundle and source map.
 */
export class PortalFunction extends Construct {
  readonly function: LambdaFunction;

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
      timeout: Duration.seconds(props.timeoutSeconds ?? routeTimeoutSeconds),
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'client-portal',
        NODE_OPTIONS: '--enable-source-maps',
      },
      ...(readsSecrets(props.access, props.originSecret !== undefined)
        ? { paramsAndSecrets: secretsExtension }
        : {}),
    });
    bindAccess(this.function, props.access, props.resources);
    if (props.originSecret) bindOriginSecret(this.function, props.originSecret);

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
}
