import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The caller's address for rate limits. Behind CloudFront the HTTP API sees an edge address, so
 * the viewer address CloudFront itself adds (`CloudFront-Viewer-Address: ip:port`) wins; direct
 * calls to the API endpoint are refused in AWS, so a client cannot forge it there.
 */
export function clientAddress(event: APIGatewayProxyEventV2): string {
  const viewer = event.headers['cloudfront-viewer-address'];
  if (viewer) return viewer.slice(0, viewer.lastIndexOf(':') > 0 ? viewer.lastIndexOf(':') : undefined);
  return event.requestContext.http.sourceIp;
}
