import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

export interface WafStackProps extends StackProps {
  stage: string;
}

/** A web ACL of scope CLOUDFRONT exists only in us-east-1, whatever region the rest of the app is in. */
export const wafRegion = 'us-east-1';

/** Where the Web stack reads the ACL's ARN (in us-east-1), since it may live in another region. */
export const webAclParameterName = (stage: string) => `/client-portal/${stage}/web-acl-arn`;

/**
 * Requests per IP address in any 5-minute window. The whole site: generous, a page load is some
 * ten requests. The /portal/* API (sign-up, login links, invitations, the client's pages): tighter,
 * on top of the handlers' own per-e-mail and per-address limits.
 */
export const rateLimits = { perIp: 2_000, portalPerIp: 300 } as const;
export const portalPathPrefix = '/portal/';

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

const managed = (priority: number, name: string): CfnWebACL.RuleProperty => ({
  name,
  priority,
  statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
  // The group's own actions (block) apply.
  overrideAction: { none: {} },
  visibilityConfig: visibility(name),
});

/**
 * The web ACL in front of the CloudFront distribution (and so of the HTTP API, which CloudFront
 * alone may call: docs/web-hosting.md): AWS's common rule set and known bad inputs, a rate limit per
 * IP on everything and a tighter one on the public /portal/* routes. Always in us-east-1; its ARN
 * goes into an SSM parameter there, which the Web stack reads wherever it is (docs/deploy.md).
 */
export class WafStack extends Stack {
  readonly webAcl: CfnWebACL;
  readonly parameterName: string;

  constructor(scope: Construct, id: string, props: WafStackProps) {
    super(scope, id, props);

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `client-portal-${props.stage}`,
      description: 'Client Portal: managed rules and per-IP rate limits in front of CloudFront',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`client-portal-${props.stage}`),
      rules: [
        {
          name: 'PortalRatePerIp',
          priority: 10,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: rateLimits.portalPerIp,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'STARTS_WITH',
                  searchString: portalPathPrefix,
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            },
          },
          visibilityConfig: visibility('PortalRatePerIp'),
        },
        {
          name: 'RatePerIp',
          priority: 20,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit: rateLimits.perIp, evaluationWindowSec: 300, aggregateKeyType: 'IP' },
          },
          visibilityConfig: visibility('RatePerIp'),
        },
        managed(30, 'AWSManagedRulesCommonRuleSet'),
        managed(40, 'AWSManagedRulesKnownBadInputsRuleSet'),
      ],
    });

    this.parameterName = webAclParameterName(props.stage);
    new StringParameter(this, 'WebAclArn', {
      parameterName: this.parameterName,
      description: 'ARN of the web ACL that the Client Portal distribution uses (read by the Web stack)',
      stringValue: this.webAcl.attrArn,
    });
    new CfnOutput(this, 'WebAclArnOutput', { value: this.webAcl.attrArn });
  }
}
