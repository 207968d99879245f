#!/usr/bin/env node
/**
 * CDK entry point (`npx cdk synth|deploy`, run through tsx by cdk.json).
 *
 * Context values (`-c key=value`, or "context" in cdk.json):
 *   stage          stack and resource name prefix, `ClientPortal-<stage>-*`       default "dev"
 *   portalBaseUrl  https origin of the portal; e-mail links are built from it only default the CloudFront
 *                                                                                 distribution, https://<id>.cloudfront.net
 *   emailFrom      sender address of every e-mail                                 default "no-reply@example.com"
 *   emailDomain    SES domain identity (DKIM) that emailFrom belongs to           default the domain of emailFrom
 *   webDist        the built web app the Web stack deploys                        default "web/dist"
 *                  (built here first when stale; synth fails when it has no index.html)
 *   originSecretVersion  Secrets Manager version of the origin secret that CloudFront sends;
 *                  set it when rotating (docs/web-hosting.md)                     default the current version
 *   alarmEmail     who the alarm topic e-mails (docs/runbook.md)                  default none (no subscriber)
 *
 * Example: npx cdk deploy --all -c stage=prod -c emailFrom=portal@mail.agency.com -c emailDomain=agency.com
 *
 * Account and region come from CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION when the CLI has them;
 * otherwise the stacks are environment-agnostic, so synth needs no credentials and no lookups.
 *
 * Every function is built first, in one esbuild run (lib/build/function-bundles.ts) into
 * .build/functions; esbuild works in its own process while aws-cdk-lib loads here, so the two
 * overlap — which is why the CDK modules are imported only after the build has started.
 */
import { stop as stopEsbuild } from 'esbuild';
import { buildFunctionBundles } from '../lib/build/function-bundles.ts';
import { ensureWebBuilt } from '../lib/build/web-build.ts';

const building = buildFunctionBundles();
// web/dist, rebuilt only when its sources changed; the log goes to stderr (stdout is the CLI's).
const webBuilding = ensureWebBuilt((line) => console.error(line));
const { App } = await import('aws-cdk-lib');
const { buildPortalApp } = await import('../lib/portal-app.ts');
const [bundles] = await Promise.all([building, webBuilding]);
// The build is done: end esbuild's process now rather than leave it to exit with this one.
await stopEsbuild();

const app = new App();
const { CDK_DEFAULT_ACCOUNT: account, CDK_DEFAULT_REGION: region } = process.env;
const env = account || region ? { account, region } : undefined;
buildPortalApp(app, { env, nag: true, bundles });
app.synth();
