import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import * as z from 'zod/mini';
import { unauthorized } from '../domain/errors.ts';

/** What the HTTP API's JWT authorizer (or the local stack, the same way) vouches for. */
export interface Recruiter {
  accountId: string;
  email: string;
  role: 'admin' | 'recruiter';
  /**
   * How the recruiter is named to clients: the ID token's `name`, else `given_name family_name`.
   * Absent when the token has neither; then the agency's portal name stands in (never the e-mail).
   */
  name?: string;
}

const claims = z.object({
  'custom:accountId': z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  email: z.string().check(z.minLength(3), z.maxLength(254)),
  'custom:role': z.enum(['admin', 'recruiter']),
});

// A name claim that is not a plain short text is ignored rather than refused: it only labels remarks.
const nameClaim = z.catch(
  z.optional(
    z.pipe(
      z.pipe(
        z.string(),
        z.transform((v: string) =>
          v
            .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
            .replace(/\s+/g, ' ')
            .trim(),
        ),
      ),
      z.string().check(z.minLength(1), z.maxLength(200)),
    ),
  ),
  undefined,
);
const names = z.object({ name: nameClaim, given_name: nameClaim, family_name: nameClaim });

/** The recruiter's name from the token's name claims, or undefined. */
export function recruiterName(claims: Record<string, unknown>): string | undefined {
  const { name, given_name, family_name } = names.parse(claims);
  const given = [given_name, family_name].filter(Boolean).join(' ');
  return name ?? (given ? given.slice(0, 200) : undefined);
}

/** The tenant always comes from the verified token, never from a path or a body. */
export function recruiterFrom(event: APIGatewayProxyEventV2WithJWTAuthorizer): Recruiter {
  const raw = event.requestContext.authorizer?.jwt?.claims ?? {};
  const parsed = z.safeParse(claims, raw);
  if (!parsed.success) throw unauthorized('The token does not name an account and a role.');
  const name = recruiterName(raw);
  return {
    accountId: parsed.data['custom:accountId'],
    email: parsed.data.email,
    role: parsed.data['custom:role'],
    ...(name ? { name } : {}),
  };
}
