import type { SigningKey } from '../../local/jwt-issuer.ts';

/** What the integration global setup hands to the test files (they run in other processes). */
export interface LocalStackInfo {
  /** API origin, also the portal base URL (`http://localhost:<port>`). */
  appUrl: string;
  mailUrl: string;
  dynamodbEndpoint: string;
  tableName: string;
  /** The dummy identity: DynamoDB Local partitions its data by access key and region. */
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** The local issuer's key, so tests can sign tokens the issuer never would (expired, wrong audience). */
  jwt: { issuer: string; audience: string; key: SigningKey };
}

declare module 'vitest' {
  export interface ProvidedContext {
    localStack: LocalStackInfo;
  }
}
