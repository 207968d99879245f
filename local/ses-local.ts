import { spawn } from 'node:child_process';
import type { SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { manageChild } from './child-process.ts';
import { projectRoot } from './paths.ts';
import { concretePort, localHost } from './ports.ts';
import type { SentEmail } from './ses-events.ts';
import { waitUntil } from './wait.ts';

export interface SesLocal {
  /** Mail viewer at `/`, stored mail at `/store`, the SES v2 API under `/v2/email/...`. */
  url: string;
  healthy(): Promise<boolean>;
  stop(): Promise<void>;
}

export interface SesLocalOptions {
  port: number;
  /** Called for every e-mail SES accepted: the local stack turns it into SES's delivery events. */
  onSent?: (sent: SentEmail) => void;
}

const cli = join(projectRoot, 'node_modules', 'aws-ses-v2-local', 'dist', 'cli.js');
const sendEmailPath = '/v2/email/outbound-emails';

const readAll = async (stream: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** What SES's event records repeat of a SendEmail request, and the id aws-ses-v2-local gave it. */
function sentEmailOf(requestBody: Buffer, responseBody: Buffer): SentEmail | undefined {
  try {
    const input = JSON.parse(requestBody.toString('utf8')) as SendEmailCommandInput;
    const { MessageId } = JSON.parse(responseBody.toString('utf8')) as { MessageId?: string };
    if (!MessageId) return undefined;
    return {
      messageId: MessageId,
      from: input.FromEmailAddress ?? '',
      to: input.Destination?.ToAddresses ?? [],
      subject: input.Content?.Simple?.Subject?.Data ?? '',
      ...(input.ConfigurationSetName ? { configurationSet: input.ConfigurationSetName } : {}),
      tags: Array.isArray(input.EmailTags) ? input.EmailTags : [],
    };
  } catch {
    return undefined;
  }
}

/**
 * aws-ses-v2-local stores and shows the mail; it knows nothing of event destinations. So it runs on
 * a private port behind a small proxy on MAIL_PORT that passes every request through unchanged and,
 * for each SendEmail it accepted, tells `onSent` — as SES would publish to its event destination.
 */
function createSesFront(innerPort: number, onSent: SesLocalOptions['onSent']) {
  return createServer(async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const body = await readAll(req);
      const upstream = request({
        host: localHost,
        port: innerPort,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: `${localHost}:${innerPort}` },
      });
      upstream.end(body);
      const [answer] = (await once(upstream, 'response')) as [IncomingMessage];
      const answerBody = await readAll(answer);
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      res.end(answerBody);
      if (req.method === 'POST' && req.url?.split('?')[0] === sendEmailPath && answer.statusCode === 200) {
        const sent = sentEmailOf(body, answerBody);
        if (sent) onSent?.(sent);
      }
    } catch (error) {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `local SES: ${(error as Error).message}` }));
    }
  });
}

export async function startSesLocal(options: SesLocalOptions): Promise<SesLocal> {
  const innerPort = await concretePort(0, 'aws-ses-v2-local');
  // Its default host is every interface; and SMTP_TRANSPORT would relay the mail for real.
  const env = { ...process.env };
  delete env.SMTP_TRANSPORT;
  const child = spawn(process.execPath, [cli, '--host', localHost, '--port', String(innerPort)], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const managed = manageChild('aws-ses-v2-local', child);
  const front = createSesFront(innerPort, options.onSent);
  const stop = async () => {
    front.closeAllConnections();
    await Promise.all([
      front.listening ? new Promise((resolve) => front.close(resolve)) : undefined,
      managed.stop(),
    ]);
  };
  try {
    front.listen(options.port, localHost);
    await Promise.race([once(front, 'listening'), once(front, 'error').then(([e]) => Promise.reject(e))]);
  } catch (error) {
    await stop();
    throw error;
  }
  const url = `http://${localHost}:${options.port}`;
  const healthy = async () => {
    try {
      return (await fetch(`${url}/health-check`, { signal: AbortSignal.timeout(1_000) })).ok;
    } catch {
      return false;
    }
  };
  try {
    await waitUntil(healthy, {
      what: 'aws-ses-v2-local',
      timeoutMs: 15_000,
      intervalMs: 50,
      abort: managed.exited,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, healthy, stop };
}
