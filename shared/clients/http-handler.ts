import { NodeHttpHandler } from '@smithy/node-http-handler';

/** SDK calls must end inside the Lambda timeout: the v3 default request timeout is none. */
export const sdkRequestHandler = () =>
  new NodeHttpHandler({ connectionTimeout: 1_000, requestTimeout: 3_000 });
