import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import * as z from 'zod/mini';
import { unauthorized } from '../domain/errors.ts';

/** What the HTTP API's JWT authorizer (or the local stack, the same way) vouches for. */
export interface Recruiter {
  accountId: string;
  email: string;
  role: 'admin' | 'recruiter';
}

const claims = z.object({
  'custom:accountId': z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  email: z.string().check(z.minLength(3), z.maxLength(254)),
  'custom:role': z.enum(['admin', 'recruiter']),
});

/** The tenant always comes from the verified token, never from a path or a body. */
export function recruiterFrom(event: APIGatewayProxyEventV2WithJWTAuthorizer): Recruiter {
  const parsed = z.safeParse(claims, event.requestContext.authorizer?.jwt?.claims ?? {});
  if (!parsed.success) throw unauthorized('The token does not name an account and a role.');
  return {
    accountId: parsed.data['custom:accountId'],
    email: parsed.data.email,
    role: parsed.data['custom:role'],
  };
}
