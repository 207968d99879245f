import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  type AwsSdkCall,
  PhysicalResourceId,
} from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

export interface WebAclReaderProps {
  /** The SSM parameter the WAF stack writes the ACL's ARN to. */
  parameterName: string;
  /** Where that parameter is: us-east-1 (lib/stacks/waf-stack.ts). */
  region: string;
}

/**
 * The web ACL's ARN, read at deploy time from the WAF stack's SSM parameter in us-east-1. A
 * CloudFormation reference cannot cross regions, and aws-cdk-lib's own cross-region references
 * need both stacks' account and region at synth, which offline synth does not have. One read
 * (GetParameter of that one parameter), repeated on every update of this resource.
 */
export class WebAclReader extends Construct {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: WebAclReaderProps) {
    super(scope, id);
    const call: AwsSdkCall = {
      service: 'SSM',
      action: 'getParameter',
      parameters: { Name: props.parameterName },
      region: props.region,
      physicalResourceId: PhysicalResourceId.of(props.parameterName),
    };
    const parameterArn = Stack.of(this).formatArn({
      service: 'ssm',
      region: props.region,
      resource: 'parameter',
      // The name starts with "/", which formatArn would double.
      resourceName: props.parameterName.replace(/^\//, ''),
    });
    // As the project's functions have (lib/constructs/portal-function.ts): its own log group and a role
    // that may write there only, not AWSLambdaBasicExecutionRole.
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    const read = new AwsCustomResource(this, 'Read', {
      role,
      logGroup,
      onCreate: call,
      onUpdate: call,
      policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: [parameterArn] }),
      installLatestAwsSdk: false,
    });
    this.webAclArn = read.getResponseField('Parameter.Value');
  }
}
