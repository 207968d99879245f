import { inject } from 'vitest';
import type { LocalStackInfo } from './provided-context.ts';

/** Read lazily: inject() is only meaningful inside the test runner's worker. */
export const stackInfo = (): LocalStackInfo => inject('localStack');
