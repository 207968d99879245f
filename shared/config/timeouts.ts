/**
 * Every route function's timeout (the HTTP API waits at most 30 s for an integration). Rule
 * handlers have their own, sized to their work, in the rule table (shared/events/rules.ts). CDK
 * sets both and the local stack enforces both: docs/long-work.md.
 */
export const routeTimeoutSeconds = 10;
