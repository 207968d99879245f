#!/usr/bin/env node
/**
 * CDK entry point (`npx cdk synth|deploy`, run through tsx by cdk.json).
 *
 * Context values (`-c key=value`, or "context" in cdk.json):
 *   stage          stack and resource name prefix, `ClientPortal-<stage>-*`       default "dev"
 *   portalBaseUrl  https origin of the portal; e-mail links are built from it only default "https://portal.example.com"
 *                  (required for a real deploy)
 *   emailFrom      sender address of every e-mail                                 default "no-reply@example.com"
 *   emailDomain    SES domain identity (DKIM) that emailFrom belongs to           default the domain of emailFrom
 *
 * Example: npx cdk deploy --all -c stage=prod -c portalBaseUrl=https://portal.agency.com \
 *            -c emailFrom=portal@mail.agency.com -c emailDomain=agency.com
 *
 * Account and region come from CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION when the CLI has them;
 * otherwise the stacks are environment-agnostic, so synth needs no credentials and no lookups.
 */
import { App } from 'aws-cdk-lib';
import { buildPortalApp } from '../lib/portal-app.ts';

const app = new App();
const { CDK_DEFAULT_ACCOUNT: account, CDK_DEFAULT_REGION: region } = process.env;
buildPortalApp(app, { env: account || region ? { account, region } : undefined, nag: true });
app.synth();
