import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import {
  type BundlingOptions,
  LogLevel,
  NodejsFunction,
  OutputFormat,
  SourceMapMode,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteAccess } from '../../shared/api/routes.ts';
import { bindAccess, type FunctionResources } from './function-access.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** `functions/<handlerId>.ts`: the one place that maps a handler id to its file. */
export const handlerEntry = (handlerId: string) => `${projectRoot}functions/${handlerId}.ts`;

/**
 * The one bundling block. The handlers are ESM TypeScript; esbuild writes one ESM file per function.
 * Bundled CommonJS dependencies still call `require` for Node built-ins, which ESM does not define:
 * the banner provides it. The AWS SDK is bundled rather than taken from the runtime, so the deployed
 * code runs the exact SDK versions pinned and tested here.
 */
export const bundling: BundlingOptions = {
  forceDockerBundling: false,
  format: OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  sourceMapMode: SourceMapMode.DEFAULT,
  sourcesContent: false,
  bundleAwsSDK: true,
  externalModules: [],
  // One line per function is noise at 45 functions; warnings and errors still print.
  logLevel: LogLevel.WARNING,
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

export interface PortalFunctionProps {
  /** The handler's id: its file is `functions/<handlerId>.ts`, exporting `handler`. */
  handlerId: string;
  description: string;
  access: RouteAccess;
  resources: FunctionResources;
}

/**
 * One Lambda function of the project: runtime, architecture, memory, timeout, logs, tracing,
 * bundling and least-privilege grants are decided here once, for every route and event handler.
 */
export class PortalFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: PortalFunctionProps) {
    super(scope, id);
    const entry = handlerEntry(props.handlerId);
    if (!existsSync(entry)) throw new Error(`Handler file functions/${props.handlerId}.ts does not exist`);

    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      // Logs expire after a month anyway; a deleted stack should not leave one orphan group per function.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An explicit role instead of AWSLambdaBasicExecutionRole (logs:* on every log group): this
    // function may write to its own log group only.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    this.function = new NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      description: props.description,
      projectRoot,
      depsLockFilePath: `${projectRoot}package-lock.json`,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      bundling,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'client-portal',
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    bindAccess(this.function, props.access, props.resources);

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
