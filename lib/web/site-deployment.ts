import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultStackSynthesizer, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

/** The build output the stack deploys; checked before any stack is built (see lib/portal-app.ts). */
export function assertSiteBuilt(dir: string): void {
  if (!existsSync(join(dir, 'index.html')))
    throw new Error(
      `The web app is not built: ${join(dir, 'index.html')} does not exist. Run \`npm run build:web\` ` +
        '(`npm run synth` does it first), or point -c webDist=<folder> at a build.',
    );
}

/**
 * Copies the built web app into the site bucket in two passes. First the hashed files under
 * assets/, cached for a year and immutable (a new build has new names), never pruned, so a page
 * loaded before a deploy still finds its chunks. Then everything else (index.html, openapi.json)
 * with `no-cache`, so browsers and CloudFront revalidate it on every load; pruned, but never the
 * assets. Pages go second: a new index.html never points at an asset that is not there yet.
 */
export class SiteDeployment extends Construct {
  constructor(scope: Construct, id: string, props: { bucket: IBucket; siteDir: string }) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Not AWSLambdaBasicExecutionRole (logs:* everywhere): its own log group only, plus what the
    // deployment grants itself on the asset and site buckets.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    const source = Source.asset(props.siteDir);
    // outputObjectKeys off: a build of many files would overflow the custom resource's 4 KB response.
    const common = {
      sources: [source],
      destinationBucket: props.bucket,
      role,
      logGroup,
      memoryLimit: 512,
      outputObjectKeys: false,
    };
    const assets = new BucketDeployment(this, 'Assets', {
      ...common,
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.days(365)),
        CacheControl.immutable(),
      ],
    });
    const pages = new BucketDeployment(this, 'Pages', {
      ...common,
      exclude: ['assets/*'],
      prune: true,
      cacheControl: [CacheControl.noCache()],
    });
    pages.node.addDependency(assets);

    acknowledgeDeploymentFindings(this, role);
  }
}

/** The CDK asset bucket's keys as cdk-nag names them: account and region literal once the CLI knows them. */
function assetBucketKeys(stack: Stack): string {
  const part = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
  const qualifier =
    (stack.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') as string | undefined) ??
    DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  return `arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-${part(stack.account, 'AccountId')}-${part(stack.region, 'Region')}/*`;
}

function acknowledgeDeploymentFindings(scope: Construct, role: Role): void {
  const copyReason =
    'BucketDeployment copies a build of unknown file names: it needs object-level actions (GetObject*, List*, ' +
    'DeleteObject* for pruning) on every key of the CDK asset bucket and of the site bucket, and nothing beyond those two buckets.';
  // The findings name the granted actions and the two buckets' keys; each is acknowledged on its own.
  for (const finding of [
    'Action::s3:GetBucket*',
    'Action::s3:GetObject*',
    'Action::s3:List*',
    'Action::s3:DeleteObject*',
    'Action::s3:Abort*',
    'Resource::<SiteBucket397A1860.Arn>/*',
    `Resource::${assetBucketKeys(Stack.of(scope))}`,
  ])
    Validations.of(role).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[${finding}]`,
      reason: copyReason,
    });
  // The deployment's handler is a singleton at stack level, shared by both passes.
  const handler = Stack.of(scope).node.children.find((c) =>
    c.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  if (handler)
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions::AwsSolutions-L1',
      reason:
        "The deployment handler and its runtime are aws-cdk-lib's own (BucketDeployment); it runs only during " +
        'a deploy and is updated with aws-cdk-lib, not chosen here.',
    });
}
