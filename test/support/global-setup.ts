import type { TestProject } from 'vitest/node';
import { localAwsIdentity } from '../../local/aws-identity.ts';
import { startLocalStack } from '../../local/stack.ts';
import type { LocalStackInfo } from './provided-context.ts';
import { webFixture } from './web-fixture.ts';

/**
 * One local stack for the whole integration run: free ports (so parallel runs never collide), in
 * memory. The handlers run here, in the runner's main process; the test files talk to them over HTTP.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const stack = await startLocalStack({
    port: 0,
    mailPort: 0,
    dynamodbPort: 0,
    persist: false,
    // The real web app is not built for the tests; a fixture stands in for web/dist.
    webRoot: webFixture,
  });
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
  console.log(`local stack ready in ${Date.now() - started} ms at ${stack.urls.app}`);
  return () => stack.stop();
}
