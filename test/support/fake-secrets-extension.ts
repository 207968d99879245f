import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Versions = { AWSCURRENT?: string; AWSPREVIOUS?: string };

/**
 * Stands in for the AWS Parameters and Secrets Lambda Extension on localhost, answering as it does:
 * GET /secretsmanager/get?secretId=…&versionStage=… with the session token header, 200 and
 * GetSecretValue's JSON, 400 naming Secrets Manager's error otherwise. Secrets Manager has no local
 * engine, so its state (and its failures) are set by the test.
 */
export async function fakeSecretsExtension(token = 'unit-session-token') {
  const secrets = new Map<string, Versions>();
  const requests: { secretId: string | null; versionStage: string | null }[] = [];
  let failure: { status: number; body: string } | undefined;

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.headers['x-aws-parameters-secrets-token'] !== token) {
      res.writeHead(401).end('unauthorized: missing or invalid X-Aws-Parameters-Secrets-Token');
      return;
    }
    const secretId = url.searchParams.get('secretId');
    const versionStage = url.searchParams.get('versionStage') ?? 'AWSCURRENT';
    requests.push({ secretId, versionStage });
    if (failure) {
      res.writeHead(failure.status).end(failure.body);
      return;
    }
    const value = secretId ? secrets.get(secretId)?.[versionStage as keyof Versions] : undefined;
    if (url.pathname !== '/secretsmanager/get' || value === undefined) {
      res
        .writeHead(400)
        .end(
          `ResourceNotFoundException: Secrets Manager can't find the specified secret value for staging label: ${versionStage}`,
        );
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(
        JSON.stringify({ ARN: secretId, Name: secretId, SecretString: value, VersionStages: [versionStage] }),
      );
  };

  const server = createServer(answer);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  const saved = {
    port: process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT,
    token: process.env.AWS_SESSION_TOKEN,
  };
  process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT = String(port);
  process.env.AWS_SESSION_TOKEN = token;

  return {
    requests,
    /** Sets a secret's versions, as put-secret-value and a rotation would. */
    set: (secretId: string, versions: Versions) => secrets.set(secretId, versions),
    rotate(secretId: string, next: string) {
      secrets.set(secretId, { AWSCURRENT: next, AWSPREVIOUS: secrets.get(secretId)?.AWSCURRENT });
    },
    /** Every answer from now on is this failure (e.g. Secrets Manager throttling), until `undefined`. */
    fail: (next: { status: number; body: string } | undefined) => (failure = next),
    reset() {
      secrets.clear();
      requests.length = 0;
      failure = undefined;
    },
    async close() {
      server.close();
      await once(server, 'close');
      for (const [name, value] of [
        ['PARAMETERS_SECRETS_EXTENSION_HTTP_PORT', saved.port],
        ['AWS_SESSION_TOKEN', saved.token],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    },
  };
}
