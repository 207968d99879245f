import { detailTypes, type LoginLinksRequested } from '../events/catalog.ts';
import { publishEvent } from '../events/publish.ts';
import { limitLoginLinkRequest } from './rate-limit.ts';

/** What every accepted login request answers, known address or not (B7: no user enumeration). */
export const loginRequestAnswer = {
  message:
    'If this address belongs to a Client Portal user, a login link is on its way. It works once, within 15 minutes.',
} as const;

/**
 * B7: the same work for every address — count against the limits, hand the request to the bus —
 * so the answer and its timing say nothing about whether the address is known.
 */
export async function requestLoginLinks(email: string, clientAddress: string): Promise<void> {
  await limitLoginLinkRequest(email, clientAddress);
  const detail: LoginLinksRequested = {
    email: email.trim().toLowerCase(),
    requestedAt: new Date().toISOString(),
  };
  await publishEvent(detailTypes.loginLinksRequested, detail);
}
