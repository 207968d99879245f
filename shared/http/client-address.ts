import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The caller's address for rate limits: the source address API Gateway saw. Nothing the client
 * sends (X-Forwarded-For, CloudFront-Viewer-Address) is trusted — the API's own endpoint is
 * reachable directly, so any such header could be forged to dodge the per-address limit. When
 * CloudFront fronts the API, trust its viewer address only behind a verified origin secret.
 */
export const clientAddress = (event: APIGatewayProxyEventV2): string => event.requestContext.http.sourceIp;
