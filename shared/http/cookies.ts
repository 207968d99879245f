import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { envNames, optionalEnv } from '../config/env.ts';
import { sessionPolicy } from '../domain/session-policy.ts';

// `Secure` unless the portal is explicitly served over plain http (the local stack).
const secure = !(optionalEnv(envNames.portalBaseUrl) ?? '').startsWith('http://');

export function readCookie(event: APIGatewayProxyEventV2, name: string): string | undefined {
  for (const cookie of event.cookies ?? []) {
    const eq = cookie.indexOf('=');
    if (eq > 0 && cookie.slice(0, eq).trim() === name) return cookie.slice(eq + 1).trim();
  }
  return undefined;
}

const attributes = (maxAgeSeconds: number) =>
  `HttpOnly; SameSite=Lax; Path=/; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;

// The cookie outlives the session by the time its item is remembered: an expired session's holder
// still presents it, and hears "session expired" instead of "not logged in".
const cookieSeconds = Math.floor((sessionPolicy.absoluteMs + sessionPolicy.rememberedForMs) / 1000);

export const sessionCookie = (token: string) =>
  `${sessionPolicy.cookieName}=${token}; ${attributes(cookieSeconds)}`;

export const clearedSessionCookie = () => `${sessionPolicy.cookieName}=; ${attributes(0)}`;
