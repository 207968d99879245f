import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PortalStacks } from '../../lib/portal-app.ts';
import { pageRoutesFile } from '../../lib/web/page-routes.ts';
import { originHeader } from '../../shared/http/origin-check.ts';
import { securityHeaders } from '../../shared/http/security-headers.ts';
import { buildTestApp, resourcesOf } from './app-fixture.ts';

// Synthesized CloudFormation is untyped JSON; the tests walk it by known paths.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

let stacks: PortalStacks;
let web: Template;
let config: Json;

const only = (type: string): [string, Json] => {
  const found = Object.entries(resourcesOf(web, type));
  if (found.length !== 1) throw new Error(`Expected one ${type}, found ${found.length}`);
  const [id, resource] = found[0]!;
  return [id, resource.Properties!];
};

beforeAll(() => {
  ({ stacks } = buildTestApp());
  web = Template.fromStack(stacks.web);
  config = only('AWS::CloudFront::Distribution')[1].DistributionConfig;
});

// CloudFront's managed policies, by their documented fixed ids.
const cachingOptimized = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const cachingDisabled = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const allViewerExceptHost = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

const originOf = (behaviour: Json) =>
  (config.Origins as Json[]).find((o) => o.Id === behaviour.TargetOriginId)!;

describe('the static app: a private bucket behind one distribution', () => {
  it('reaches the bucket through origin access control, and nothing else may read it', () => {
    const s3 = originOf(config.DefaultCacheBehavior);
    expect(s3.OriginAccessControlId).toBeDefined();
    expect(s3.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    const [, oac] = only('AWS::CloudFront::OriginAccessControl');
    expect(oac.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });

    const siteId = s3.DomainName['Fn::GetAtt'][0] as string;
    const site = resourcesOf(web, 'AWS::S3::Bucket')[siteId]!.Properties!;
    expect(site.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(site.LoggingConfiguration).toMatchObject({ LogFilePrefix: 's3-site/' });
    const policy = Object.values(resourcesOf(web, 'AWS::S3::BucketPolicy')).find(
      (p) => p.Properties!.Bucket.Ref === siteId,
    )!.Properties!.PolicyDocument.Statement as Json[];
    // SSL only, and the one Allow is for CloudFront, for this distribution, to read.
    expect(policy).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    const allows = policy.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: ['s3:GetObject', 's3:ListBucket'],
      Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
    });
  });

  it('answers page routes through the CloudFront Function, never through error-page rewrites', () => {
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.CustomErrorResponses).toBeUndefined();
    const [functionId, fn] = only('AWS::CloudFront::Function');
    expect(fn.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(fn.FunctionCode).toBe(readFileSync(pageRoutesFile, 'utf8'));
    expect(config.DefaultCacheBehavior).toMatchObject({
      CachePolicyId: cachingOptimized,
      ViewerProtocolPolicy: 'redirect-to-https',
      FunctionAssociations: [
        { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
      ],
    });
    // The API behaviours never run it.
    for (const behaviour of config.CacheBehaviors as Json[])
      expect(behaviour.FunctionAssociations).toBeUndefined();
  });

  it('deploys hashed assets with a year of immutable caching and everything else with no-cache', () => {
    const deployments = Object.values(resourcesOf(web, 'Custom::CDKBucketDeployment')).map(
      (d) => d.Properties!,
    );
    expect(deployments).toHaveLength(2);
    const assets = deployments.find((d) => (d.Include as string[] | undefined)?.includes('assets/*'))!;
    const pages = deployments.find((d) => d !== assets)!;
    expect(assets).toMatchObject({
      Exclude: ['*'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    // Pruned, but never the assets: a page loaded before the deploy still finds its chunks.
    expect(pages).toMatchObject({
      Exclude: ['assets/*'],
      Prune: true,
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
    expect(pages.Include).toBeUndefined();
  });

  it('logs every request of the distribution to the access log bucket', () => {
    expect(config.Logging).toMatchObject({
      Prefix: 'cloudfront/',
      Bucket: { 'Fn::GetAtt': [expect.anything(), 'RegionalDomainName'] },
    });
    const logsId = config.Logging.Bucket['Fn::GetAtt'][0] as string;
    const logs = resourcesOf(web, 'AWS::S3::Bucket')[logsId]!.Properties!;
    expect(logs.PublicAccessBlockConfiguration.BlockPublicPolicy).toBe(true);
    expect(logs.LifecycleConfiguration.Rules).toEqual([{ ExpirationInDays: 90, Status: 'Enabled' }]);
  });
});

describe('the API behind the same origin', () => {
  it('forwards /crm/* and /portal/* to the HTTP API: every method, no caching, all viewer headers but Host', () => {
    const behaviours = config.CacheBehaviors as Json[];
    expect(behaviours.map((b) => b.PathPattern).sort()).toEqual(['/crm/*', '/portal/*']);
    for (const behaviour of behaviours) {
      expect(behaviour).toMatchObject({
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        CachePolicyId: cachingDisabled,
        OriginRequestPolicyId: allViewerExceptHost,
        ViewerProtocolPolicy: 'https-only',
      });
      const origin = originOf(behaviour);
      expect(origin.CustomOriginConfig).toEqual({
        OriginProtocolPolicy: 'https-only',
        OriginSSLProtocols: ['TLSv1.2'],
      });
      expect(JSON.stringify(origin.DomainName)).toContain('.execute-api.');
    }
  });

  it('adds the origin header as a Secrets Manager dynamic reference: the template never holds the value', () => {
    const api = originOf((config.CacheBehaviors as Json[])[0]!);
    expect(api.OriginCustomHeaders).toEqual([
      {
        HeaderName: originHeader,
        HeaderValue: {
          'Fn::Join': [
            '',
            ['{{resolve:secretsmanager:', { 'Fn::ImportValue': expect.anything() }, ':SecretString:::}}'],
          ],
        },
      },
    ]);
  });
});

describe('the response headers policy', () => {
  it('is shared/http/security-headers.ts, header by header, overriding what any origin sends', () => {
    const [policyId, policy] = only('AWS::CloudFront::ResponseHeadersPolicy');
    const { SecurityHeadersConfig: s, CustomHeadersConfig: custom } = policy.ResponseHeadersPolicyConfig;
    const sent: Record<string, string> = {
      'content-security-policy': s.ContentSecurityPolicy.ContentSecurityPolicy,
      'strict-transport-security': [
        `max-age=${s.StrictTransportSecurity.AccessControlMaxAgeSec}`,
        ...(s.StrictTransportSecurity.IncludeSubdomains ? ['includeSubDomains'] : []),
        ...(s.StrictTransportSecurity.Preload ? ['preload'] : []),
      ].join('; '),
      'x-content-type-options': 'nosniff',
      'x-frame-options': s.FrameOptions.FrameOption,
      'referrer-policy': s.ReferrerPolicy.ReferrerPolicy,
    };
    for (const header of (custom?.Items ?? []) as Json[]) sent[header.Header] = header.Value;
    expect(sent).toEqual(securityHeaders);
    for (const part of Object.values(s) as Json[]) expect(part.Override).toBe(true);
    expect(s.ContentSecurityPolicy.ContentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(s.ContentSecurityPolicy.ContentSecurityPolicy).toContain("frame-ancestors 'none'");

    for (const behaviour of [config.DefaultCacheBehavior, ...(config.CacheBehaviors as Json[])])
      expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });
});
