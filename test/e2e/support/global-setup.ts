import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildWebApp } from '../../../lib/build/web-build.ts';
import { localAwsIdentity } from '../../../local/aws-identity.ts';
import { startLocalStack } from '../../../local/stack.ts';
import type { LocalStackInfo } from '../../support/provided-context.ts';

const webRoot = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * The browser suite's stack: the web app built as it ships (web/dist), served by the local stack on
 * the API's own origin, exactly what `npm start` serves. Free ports, in memory.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  // The production build, as it ships: buildWebApp refuses to finish with anything else.
  await buildWebApp({ outDir: webRoot });
  const stack = await startLocalStack({ port: 0, mailPort: 0, dynamodbPort: 0, persist: false, webRoot });
  const info: LocalStackInfo = {
    appUrl: stack.urls.app,
    mailUrl: stack.urls.mail,
    dynamodbEndpoint: stack.urls.dynamodb,
    tableName: stack.tableName,
    region: localAwsIdentity.region,
    credentials: { ...localAwsIdentity.credentials },
    jwt: { issuer: stack.issuer.issuer, audience: stack.issuer.audience, key: stack.issuer.key },
  };
  project.provide('localStack', info);
  console.log(`web built and local stack ready in ${Date.now() - started} ms at ${stack.urls.app}`);
  return () => stack.stop();
}
