import { fileURLToPath } from 'node:url';
import { Function as CloudFrontFunction, FunctionCode, FunctionRuntime } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

/** The function's code, plain JavaScript as CloudFront runs it (unit-tested in test/unit/page-routes.test.ts). */
export const pageRoutesFile = fileURLToPath(new URL('./page-routes.js', import.meta.url));

/** Viewer-request function of the static site: page routes → /index.html, files as they are. */
export const pageRoutesFunction = (scope: Construct, id: string) =>
  new CloudFrontFunction(scope, id, {
    code: FunctionCode.fromFile({ filePath: pageRoutesFile }),
    runtime: FunctionRuntime.JS_2_0,
    comment: 'Client-side routes of the portal web app are answered with /index.html',
  });
