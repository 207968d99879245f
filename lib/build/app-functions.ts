import { fileURLToPath } from 'node:url';
import { accessOf, routeList, type RouteAccess } from '../../shared/api/routes.ts';
import { eventRules, streamPublisher } from '../../shared/events/rules.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** `functions/<handlerId>.ts`: the one place that maps a handler id to its file. */
export const handlerEntry = (handlerId: string) => `${projectRoot}functions/${handlerId}.ts`;

export interface AppFunction {
  handlerId: string;
  access: RouteAccess;
}

/** Every Lambda function of the app: one per route, one per event rule, and the stream publisher. */
export const appFunctions = (): AppFunction[] => [
  ...routeList.map((r) => ({ handlerId: r.id, access: accessOf(r) })),
  ...eventRules.map((r) => ({ handlerId: r.handler, access: r.access })),
  { handlerId: streamPublisher.handler, access: streamPublisher.access },
];
