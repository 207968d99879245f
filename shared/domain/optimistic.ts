import { conflict } from './errors.ts';

/** Thrown inside `withFreshRead` when the conditional write finds the item changed since it was read. */
export class StaleRead extends Error {
  constructor() {
    super('stale read');
  }
}

/**
 * Read-then-conditional-write, retried on a concurrent change: the write is conditioned on the
 * revision that was read, so no update is ever lost; after a few tries the caller gets 409.
 */
export async function withFreshRead<T>(attempt: () => Promise<T>, tries = 3): Promise<T> {
  for (let i = 0; i < tries; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof StaleRead)) throw error;
    }
  }
  throw conflict('conflict', 'The record changed while it was being updated; please try again.');
}
