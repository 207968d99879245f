import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '../../shared/api/routes.ts';
import { buildTestApp } from './app-fixture.ts';
import { describeFindings, synthNagReport } from './nag-report.ts';

let app: App;
let report: ReturnType<typeof synthNagReport>;

beforeAll(() => {
  // The same builder as bin/app.ts, with the AwsSolutions checks on.
  ({ app } = buildTestApp({ nag: true }));
  report = synthNagReport(app);
});

describe('cdk-nag AwsSolutions', () => {
  it('has no unacknowledged finding, error or warning', () => {
    expect(describeFindings(report)).toEqual([]);
    expect(report.conclusion).toBe('success');
  });

  it('records every acknowledgement with a reason', () => {
    const acknowledged = report.suppressedViolations ?? [];
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const finding of acknowledged) expect(finding.reason?.length ?? 0).toBeGreaterThan(40);
  });

  it('acknowledges only the expected rules', () => {
    const rules = new Set((report.suppressedViolations ?? []).map((v) => v.ruleName));
    // Adding to this list is a decision: give the reason next to the acknowledgement in lib/.
    const expected = [
      'AwsSolutions-COG8',
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-L1',
      'AwsSolutions-SMG4',
      // Every queue of the event pipeline is itself a dead-letter queue (lib/constructs/dead-letter-queue.ts).
      'AwsSolutions-SQS3',
      // The distribution: no geo restriction, the default certificate (lib/stacks/web-stack.ts). It has a
      // web ACL (lib/stacks/waf-stack.ts), so CFR2 is not acknowledged.
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR4',
      // BucketDeployment's object-level copy and prune on the asset and site buckets (lib/web/site-deployment.ts).
      ...['GetBucket*', 'GetObject*', 'List*', 'DeleteObject*', 'Abort*'].map(
        (a) => `AwsSolutions-IAM5[Action::s3:${a}]`,
      ),
      'AwsSolutions-IAM5[Resource::<SiteBucket397A1860.Arn>/*]',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
    ];
    // Portal routes check their session (or token) in the function, not in API Gateway.
    if (routeList.some((r) => r.auth !== 'jwt')) expected.push('AwsSolutions-APIG4');
    expect([...rules].sort()).toEqual(expected.sort());
  });
});

describe('cdk-nag with an account and region, as `cdk synth` gives them once the CLI knows them', () => {
  it('has no unacknowledged finding either (some finding ids spell the region out)', () => {
    // A real sender: with an account, the placeholder example.com is refused (lib/deploy-guard.ts).
    // With a portal address, so recruiters can sign in: /auth-config.json and the CSP naming the
    // managed-login domain are part of what is checked.
    const { app: located } = buildTestApp(
      { nag: true, env: { account: '123456789012', region: 'eu-west-1' } },
      { emailFrom: 'portal@mail.agency.com', portalBaseUrl: 'https://portal.agency.com' },
    );
    expect(describeFindings(synthNagReport(located))).toEqual([]);
  });
});

describe('synth', () => {
  it('raises no aws-cdk-lib warning or error either', () => {
    // app.synth() is cached: this is the assembly the checks above ran on.
    const messages = app
      .synth()
      .stacks.flatMap((s) => s.messages.map((m) => ({ ...m, stack: s.stackName })))
      .filter((m) => m.level !== 'info')
      .map((m) => `${m.level} ${m.stack} ${m.id}: ${String(m.entry.data)}`);
    expect(messages).toEqual([]);
  });

  it("passes aws-cdk-lib's built-in CloudFormation validation (npm run synth leaves it to this test)", () => {
    // buildTestApp turns the validator on with the AwsSolutions checks; CDK_VALIDATION=false would skip it.
    expect(process.env.CDK_VALIDATION).not.toBe('false');
    const report = JSON.parse(
      readFileSync(join(app.synth().directory, 'validation-report.json'), 'utf8'),
    ) as { pluginReports: { pluginName: string; violations: { ruleName: string; severity: string }[] }[] };
    const findings = report.pluginReports
      .filter((r) => r.pluginName === 'CloudFormation Validate')
      .flatMap((r) => r.violations.map((v) => `${v.severity} ${v.ruleName}`));
    expect(findings).toEqual([]);
  });
});
