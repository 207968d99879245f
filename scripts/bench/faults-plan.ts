import type { SeededUser } from './faults-seed.ts';

/** How a planned deactivation is brought about, through the recruiter API. */
export type Action = 'delete' | 'move' | 'unassign' | 'email' | 'revoke' | 'move-then-delete' | 'cascade';

export type Cause =
  | 'contact_deleted'
  | 'contact_moved'
  | 'contact_unassigned'
  | 'contact_email_changed'
  | 'revoked_by_recruiter'
  | 'organization_deleted';

export interface Deactivation {
  user: SeededUser;
  action: Action;
  /** The one audit entry the contact's trail must end up with. */
  cause: Cause;
  /** Whether the contact item is gone afterwards (its tombstone stays). */
  contactGone: boolean;
}

/** The causes mixed, as shares of the deactivations; `cascade` is the organizations deleted. */
export const mix: readonly { action: Action; share: number; cause: Cause; contactGone: boolean }[] = [
  { action: 'cascade', share: 0.25, cause: 'organization_deleted', contactGone: true },
  { action: 'delete', share: 0.15, cause: 'contact_deleted', contactGone: true },
  // Two events for one contact: the deletion's may arrive first; the trail keeps the move.
  { action: 'move-then-delete', share: 0.1, cause: 'contact_moved', contactGone: true },
  { action: 'move', share: 0.15, cause: 'contact_moved', contactGone: false },
  { action: 'unassign', share: 0.15, cause: 'contact_unassigned', contactGone: false },
  { action: 'email', share: 0.1, cause: 'contact_email_changed', contactGone: false },
  { action: 'revoke', share: 0.1, cause: 'revoked_by_recruiter', contactGone: false },
];

/** How many of `total` each entry of the mix gets (the last takes the rounding). */
export function split(total: number): number[] {
  const counts = mix.map((m) => Math.floor(total * m.share));
  counts[counts.length - 1] = total - counts.slice(0, -1).reduce((a, b) => a + b, 0);
  return counts;
}

/** A seeded shuffle (the same seed, the same interleaving of requests). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let a = seed >>> 0;
  const next = () => {
    a = (Math.imul(a, 1_664_525) + 1_013_904_223) >>> 0;
    return a / 4_294_967_296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Runs the tasks, `concurrency` at a time. */
export async function pool(tasks: (() => Promise<void>)[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await (tasks[next++] as () => Promise<void>)();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
