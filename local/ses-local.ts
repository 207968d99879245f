import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { manageChild } from './child-process.ts';
import { projectRoot } from './paths.ts';
import { localHost } from './ports.ts';
import { waitUntil } from './wait.ts';

export interface SesLocal {
  /** Mail viewer at `/`, stored mail at `/store`, the SES v2 API under `/v2/email/...`. */
  url: string;
  healthy(): Promise<boolean>;
  stop(): Promise<void>;
}

const cli = join(projectRoot, 'node_modules', 'aws-ses-v2-local', 'dist', 'cli.js');

export async function startSesLocal(options: { port: number }): Promise<SesLocal> {
  // Its default host is every interface; and SMTP_TRANSPORT would relay the mail for real.
  const env = { ...process.env };
  delete env.SMTP_TRANSPORT;
  const child = spawn(process.execPath, [cli, '--host', localHost, '--port', String(options.port)], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const managed = manageChild('aws-ses-v2-local', child);
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
    await managed.stop();
    throw error;
  }
  return { url, healthy, stop: () => managed.stop() };
}
