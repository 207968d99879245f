import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, SignJWT, calculateJwkThumbprint, type JWK } from 'jose';

/** RS256, like a Cognito user pool; API Gateway's JWT authorizer accepts RSA keys only. */
export const jwtAlgorithm = 'RS256';
export const localAudience = 'client-portal-local-client';

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export interface RecruiterClaims {
  accountId: string;
  email: string;
  role: 'admin' | 'recruiter';
  /** The person's name, as Cognito's `name` attribute carries it. */
  name?: string;
}

export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(jwtAlgorithm, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = await exportJWK(privateKey);
  return {
    kid,
    privateJwk: { ...privateJwk, kid, alg: jwtAlgorithm },
    publicJwk: { ...publicJwk, kid, alg: jwtAlgorithm, use: 'sig' },
  };
}

export interface SignOptions {
  issuer: string;
  audience: string;
  /** Negative values mint an already expired token (tests). */
  expiresInSeconds: number;
  notBeforeSeconds?: number;
}

/** Signs any payload with the key; tests use it for tokens the issuer would never mint. */
export async function signToken(key: SigningKey, payload: Record<string, unknown>, options: SignOptions) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: jwtAlgorithm, kid: key.kid, typ: 'JWT' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(Math.min(now, now + options.expiresInSeconds - 1))
    .setExpirationTime(now + options.expiresInSeconds);
  if (options.notBeforeSeconds !== undefined) jwt.setNotBefore(now + options.notBeforeSeconds);
  return jwt.sign(await importJWK(key.privateJwk, jwtAlgorithm));
}

/** The claims of a Cognito ID token that this product reads, plus the standard ones. */
export function idTokenClaims(claims: RecruiterClaims): Record<string, unknown> {
  const sub = randomUUID();
  return {
    sub,
    'cognito:username': sub,
    email: claims.email,
    email_verified: true,
    'custom:accountId': claims.accountId,
    'custom:role': claims.role,
    ...(claims.name ? { name: claims.name } : {}),
    token_use: 'id',
    auth_time: Math.floor(Date.now() / 1000),
    jti: randomUUID(),
  };
}

export interface LocalJwtIssuer {
  issuer: string;
  audience: string;
  key: SigningKey;
  mint(claims: RecruiterClaims, ttlSeconds?: number): Promise<string>;
}

export const defaultTokenTtlSeconds = 12 * 3600;

export function createJwtIssuer(options: { issuer: string; key: SigningKey }): LocalJwtIssuer {
  const { issuer, key } = options;
  return {
    issuer,
    audience: localAudience,
    key,
    mint: (claims, ttlSeconds = defaultTokenTtlSeconds) =>
      signToken(key, idTokenClaims(claims), {
        issuer,
        audience: localAudience,
        expiresInSeconds: ttlSeconds,
      }),
  };
}
