import { decodeProtectedHeader, errors, importJWK, jwtVerify, type JWTPayload } from 'jose';
import type { SigningKey } from './jwt-issuer.ts';

export type AuthorizerResult =
  | { ok: true; claims: Record<string, string>; scopes: null }
  | { ok: false; wwwAuthenticate: string };

// The local key set has one RS256 key, as a Cognito user pool's has; any other alg cannot match it.
const rsaAlgorithms = ['RS256'];

const denied = (description?: string): AuthorizerResult => ({
  ok: false,
  wwwAuthenticate: description
    ? `Bearer scope="" error="invalid_token" error_description="${description}"`
    : 'Bearer',
});

/** API Gateway hands claims to the Lambda as strings; arrays as `[a b]`. */
function claimStrings(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (Array.isArray(value)) claims[name] = `[${value.join(' ')}]`;
    else if (typeof value === 'object' && value !== null) claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'the token does not have a valid issuer';
    if (error.claim === 'nbf') return 'the token is not valid yet';
    return `the token has an invalid ${error.claim} claim`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is invalid';
  return 'the token is malformed';
}

/**
 * The HTTP API JWT authorizer's checks, in its order: a token (bare or after `Bearer `), an RSA
 * signature by a key of the issuer's key set (`kid`), then iss, aud (client_id only when aud is
 * absent), exp, nbf and iat. Anything else is the gateway's own 401, before any Lambda runs.
 */
export function createJwtAuthorizer(options: { issuer: string; audience: string; key: SigningKey }) {
  const publicKey = importJWK(options.key.publicJwk, 'RS256');
  return async (authorization: string | undefined): Promise<AuthorizerResult> => {
    const token = authorization?.startsWith('Bearer ')
      ? authorization.slice(7).trim()
      : authorization?.trim();
    if (!token) return denied();
    try {
      const header = decodeProtectedHeader(token);
      if (header.kid !== options.key.kid) return denied('the token was not signed by a known key');
      if (!header.alg || !rsaAlgorithms.includes(header.alg)) return denied('the signing method is invalid');
      const { payload } = await jwtVerify(token, await publicKey, {
        algorithms: rsaAlgorithms,
        issuer: options.issuer,
        requiredClaims: ['exp'],
      });
      const audiences = payload.aud === undefined ? [payload.client_id] : [payload.aud].flat();
      if (!audiences.includes(options.audience)) return denied('the token does not have a valid audience');
      if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000)
        return denied('the token was issued in the future');
      return { ok: true, claims: claimStrings(payload), scopes: null };
    } catch (error) {
      return denied(describe(error));
    }
  };
}
