import { Annotations, CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AccessLevel,
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Distribution,
  FunctionEventType,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { originHeader } from '../../shared/http/origin-check.ts';
import { type CognitoAuthConfig, siteSecurityHeaders } from '../auth-config.ts';
import { originHeaderValue } from '../constructs/origin-secret.ts';
import { pageRoutesFunction } from '../web/page-routes.ts';
import { securityHeadersPolicy } from '../web/security-headers-policy.ts';
import { SiteDeployment } from '../web/site-deployment.ts';
import { WebAclReader } from '../web/web-acl-reader.ts';

export interface WebStackProps extends StackProps {
  httpApi: IHttpApi;
  originSecret: ISecret;
  /** Pins the secret version CloudFront sends (rotation, docs/web-hosting.md). */
  originSecretVersion?: string;
  /**
   * The recruiter console's sign-in settings, deployed as `/auth-config.json`; their domain is also
   * the one origin besides the portal's that the pages' CSP lets them fetch from.
   */
  authConfig?: CognitoAuthConfig;
  /** The built web app: index.html, openapi.json, hashed files under assets/. */
  siteDir: string;
  /** The web ACL in front of the distribution: its ARN's SSM parameter in the WAF stack's region. */
  webAcl: { parameterName: string; region: string };
}

/** The paths CloudFront forwards to the HTTP API; everything else is the static app. */
export const apiPathPatterns = ['/crm/*', '/portal/*'] as const;

/**
 * The portal's one origin (SPEC §3): a CloudFront distribution serving the built web app from a
 * private bucket (origin access control) and forwarding /crm/* and /portal/* to the HTTP API with
 * the origin secret header. Takes nothing from the route stacks, so they may take its address.
 */
export class WebStack extends Stack {
  readonly distribution: Distribution;
  /** `https://<id>.cloudfront.net`: the default portal base URL of every e-mail link. */
  readonly baseUrl: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);

    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront's standard logs are delivered with an ACL grant, which needs ACLs enabled.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });

    const site = new Bucket(this, 'SiteBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3-site/',
    });

    // With Cognito sign-in, connect-src names the managed-login domain (the console calls its token
    // and revocation endpoints); without, 'self' only (docs/web-hosting.md).
    const headers = securityHeadersPolicy(this, 'SecurityHeaders', siteSecurityHeaders(props.authConfig));
    const api = new HttpOrigin(`${props.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      customHeaders: { [originHeader]: originHeaderValue(props.originSecret, props.originSecretVersion) },
    });
    const apiBehaviour: BehaviorOptions = {
      origin: api,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      // POST must not be redirected: plain http is refused outright.
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Cookies, query strings and every header but Host (API Gateway routes by its own host name).
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
    };

    const webAcl = new WebAclReader(this, 'WebAcl', props.webAcl);
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Client Portal ${id}`,
      // Managed rules and per-IP rate limits (lib/stacks/waf-stack.ts), before any request reaches S3 or the API.
      webAclId: webAcl.webAclArn,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        // LIST lets S3 answer 404 (not 403) for a file that does not exist.
        origin: S3BucketOrigin.withOriginAccessControl(site, {
          originAccessLevels: [AccessLevel.READ, AccessLevel.LIST],
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [
          { function: pageRoutesFunction(this, 'PageRoutes'), eventType: FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: Object.fromEntries(apiPathPatterns.map((pattern) => [pattern, apiBehaviour])),
      // No errorResponses: rewriting 403/404 to index.html would also swallow the API's own 404s.
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    acknowledgeDistributionFindings(this.distribution);
    // With LIST, a request for a "folder" could list keys if it reached S3 as such: "/" is served by
    // defaultRootObject, and every other path without a file name is rewritten to /index.html.
    Annotations.of(this.distribution).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      'defaultRootObject is index.html and the page-routes function sends every extension-less path to /index.html',
    );

    new SiteDeployment(this, 'Site', { bucket: site, siteDir: props.siteDir, authConfig: props.authConfig });

    const domain = this.distribution.distributionDomainName;
    this.baseUrl = `https://${domain}`;
    // Always exported, used or not: switching -c portalBaseUrl on or off later must never make
    // CloudFormation delete an export that a route stack still imports in the same deploy.
    this.exportValue(domain);
    new CfnOutput(this, 'PortalUrl', { value: this.baseUrl });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
    new CfnOutput(this, 'SiteBucketName', { value: site.bucketName });
  }
}

function acknowledgeDistributionFindings(distribution: Distribution): void {
  const findings = {
    'AwsSolutions-CFR1':
      'No geo restriction: agencies and their clients may be anywhere, and the portal holds no content that is ' +
      'licensed per country. Access is controlled by sessions and JWTs instead.',
    'AwsSolutions-CFR4':
      "The distribution uses CloudFront's default *.cloudfront.net certificate, with which CloudFront does not " +
      'allow choosing the minimum TLS version; a custom domain with its ACM certificate sets TLSv1.2_2021.',
  };
  for (const [rule, reason] of Object.entries(findings))
    Validations.of(distribution).acknowledge({ id: `AwsSolutions::${rule}`, reason });
}
