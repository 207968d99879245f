/**
 * The rule table: which events run which handler. CDK creates one EventBridge rule per entry on
 * the project's bus (with a retry policy and a dead-letter queue); the local stack's bus matches
 * the same entries and invokes the same handler files (`functions/<handler>.ts`).
 */
import type { RouteAccess } from '../api/routes.ts';
import { detailTypes, eventSource } from './catalog.ts';

export interface EventRule {
  id: string;
  description: string;
  source: string;
  detailTypes: string[];
  handler: string;
  access: RouteAccess;
}

export const eventRules: EventRule[] = [
  {
    id: 'send-login-links',
    description: 'B7: e-mail one login link per agency to a portal user who asked for one',
    source: eventSource,
    detailTypes: [detailTypes.loginLinksRequested],
    handler: 'events/send-login-links',
    access: { table: 'readWrite', email: true },
  },
];
