import { defineConfig } from 'vitest/config';

/**
 * The browser tests: a run of their own (`npm run test:e2e`, the second half of `npm test`). Their
 * local stack runs the handlers in this runner's main process, as the integration stack does in
 * the other run; two stacks in one process would share the handlers' environment.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    reporters: ['default'],
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A page may take a few seconds on a loaded 2-core machine: polls are bounded, not short.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
