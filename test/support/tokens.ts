import {
  generateSigningKey,
  idTokenClaims,
  signToken,
  type RecruiterClaims,
  type SigningKey,
} from '../../local/jwt-issuer.ts';
import { stackInfo } from './stack-info.ts';

export interface TestTokenOptions {
  claims?: Partial<RecruiterClaims>;
  /** Extra or replaced payload claims (e.g. drop `aud` by giving `client_id`). */
  payload?: Record<string, unknown>;
  issuer?: string;
  audience?: string;
  /** Negative: already expired. Default one hour. */
  expiresInSeconds?: number;
  notBeforeSeconds?: number;
  /** Another key than the local issuer's: the authorizer must refuse it. */
  key?: SigningKey;
}

/** A token signed like the local issuer's, with any part wrong on purpose. */
export async function signTestToken(options: TestTokenOptions = {}): Promise<string> {
  const { jwt } = stackInfo();
  const claims: RecruiterClaims = {
    accountId: 'test-account',
    email: 'test@example.com',
    role: 'admin',
    ...options.claims,
  };
  return signToken(
    options.key ?? jwt.key,
    { ...idTokenClaims(claims), ...options.payload },
    {
      issuer: options.issuer ?? jwt.issuer,
      audience: options.audience ?? jwt.audience,
      expiresInSeconds: options.expiresInSeconds ?? 3600,
      ...(options.notBeforeSeconds === undefined ? {} : { notBeforeSeconds: options.notBeforeSeconds }),
    },
  );
}

/** A fresh RSA key the local authorizer has never seen. */
export const foreignSigningKey = (): Promise<SigningKey> => generateSigningKey();
