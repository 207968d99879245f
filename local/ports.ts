import { createServer } from 'node:net';

export const localHost = '127.0.0.1';

/** Option beats env beats the SPEC §5 default; 0 means "any free port". */
export function portFrom(option: number | undefined, envName: string, fallback: number): number {
  if (option !== undefined) return option;
  const raw = process.env[envName];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${envName}=${raw} is not a port`);
  return port;
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(port, localHost, () => {
      const address = probe.address();
      const chosen = typeof address === 'object' && address ? address.port : port;
      probe.close(() => resolve(chosen));
    });
  });
}

/**
 * DynamoDB Local and aws-ses-v2-local need a concrete port on their command line, so port 0 is
 * resolved here first. A fixed port is probed too: otherwise a DynamoDB Local left running on
 * 8000 would silently answer in place of ours.
 */
export async function concretePort(port: number, envName: string): Promise<number> {
  try {
    return await listenOnce(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${port} (${envName}) is already in use; stop what uses it or set ${envName}`);
    }
    throw error;
  }
}
