import { detailTypes, type LoginLinksRequested } from '../events/catalog.ts';
import { publishEvent } from '../events/publish.ts';
import { addMetric } from '../metrics/metrics.ts';
import { newToken } from '../util/tokens.ts';
import { limitLoginLinkRequest } from './rate-limit.ts';

const message =
  'If this address belongs to a Client Portal user, a login e-mail is on its way with a login code and a ' +
  'link. Either works once, within 15 minutes.';

/**
 * B7, B24: the same work for every address — count against the limits, hand the request to the
 * bus — so the answer, its timing and its DynamoDB requests say nothing about whether the address
 * is known. The answer names the login request by a fresh 256-bit id (same form for every
 * address); the codes in the e-mail work only with it. Only the id's hash travels on.
 */
export async function requestLoginLinks(
  email: string,
  clientAddress: string,
): Promise<{ loginRequestId: string; message: string }> {
  await limitLoginLinkRequest(email, clientAddress);
  const { token: loginRequestId, hash } = newToken();
  const detail: LoginLinksRequested = {
    email: email.trim().toLowerCase(),
    requestedAt: new Date().toISOString(),
    loginRequestIdHash: hash,
  };
  await publishEvent(detailTypes.loginLinksRequested, detail);
  addMetric('LoginLinksRequested');
  return { loginRequestId, message };
}
