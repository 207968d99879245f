import { access } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { handlerFile } from './paths.ts';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;
export type HandlerLoader = (routeId: string) => Promise<LambdaHandler>;

export class MissingHandlerError extends Error {}

/**
 * Imports `functions/<id>.ts` on first use, like a Lambda cold start, and keeps the module. A
 * failed import is not cached, so a handler written while the stack runs is picked up on the next
 * request (a changed one needs a restart, as a deployment would).
 *
 * Imports run one at a time. Under vitest's module runner (the browser and integration tests run
 * the stack in-process), two handlers imported at once that share a module cycle can see one of
 * its bindings before it is initialised ("Cannot access '__vite_ssr_import_5__' before
 * initialization"); Node's own loader, used by `npm start`, has no such race, and waiting costs
 * only the first request of each handler.
 */
export function createHandlerLoader(): HandlerLoader {
  const cache = new Map<string, Promise<LambdaHandler>>();
  const load = async (routeId: string): Promise<LambdaHandler> => {
    const file = handlerFile(routeId);
    await access(file).catch(() => {
      throw new MissingHandlerError(`No handler file ${file} for route ${routeId}`);
    });
    const module = (await import(pathToFileURL(file).href)) as { handler?: unknown };
    if (typeof module.handler !== 'function')
      throw new MissingHandlerError(`${file} does not export handler`);
    return module.handler as LambdaHandler;
  };
  let previous: Promise<unknown> = Promise.resolve();
  const oneAtATime = (routeId: string): Promise<LambdaHandler> => {
    const next = previous.catch(() => undefined).then(() => load(routeId));
    previous = next;
    return next;
  };
  return (routeId) => {
    let loading = cache.get(routeId);
    if (!loading) {
      loading = oneAtATime(routeId);
      cache.set(routeId, loading);
      loading.catch(() => cache.delete(routeId));
    }
    return loading;
  };
}
