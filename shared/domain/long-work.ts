import type { ResumeAfter } from '../events/catalog.ts';
import type { HasTime } from '../events/hand-off.ts';

export interface Page<T> {
  items: T[];
  /** Where the next page starts; none after the last page. */
  nextKey?: ResumeAfter;
}

export interface LongWork<T> {
  /** Where an earlier run stopped, if this run continues one. */
  start?: ResumeAfter;
  page(start?: ResumeAfter): Promise<Page<T>>;
  batch(items: T[]): Promise<void>;
  /** The position right after an item: where a follow-up run resumes. */
  positionAfter(item: T): ResumeAfter;
  hasTime: HasTime;
  batchSize?: number;
}

export interface LongWorkResult {
  items: number;
  batches: number;
  pages: number;
  /** Set when the work stopped for lack of time: hand this over (shared/events/hand-off.ts). */
  resumeAfter?: ResumeAfter;
}

/**
 * Reads page after page and works through each in batches (25 by default, DynamoDB's batch size),
 * checking the remaining time after every batch: when it runs short with work left, it stops and
 * says where, so the caller can hand the rest to a follow-up event. At least one batch per run.
 */
export async function runLongWork<T>(work: LongWork<T>): Promise<LongWorkResult> {
  const size = work.batchSize ?? 25;
  const result: LongWorkResult = { items: 0, batches: 0, pages: 0 };
  let start = work.start;
  do {
    const page = await work.page(start);
    result.pages++;
    for (let i = 0; i < page.items.length; i += size) {
      const chunk = page.items.slice(i, i + size);
      await work.batch(chunk);
      result.items += chunk.length;
      result.batches++;
      const more = i + size < page.items.length || page.nextKey !== undefined;
      if (more && !work.hasTime())
        return { ...result, resumeAfter: work.positionAfter(chunk[chunk.length - 1] as T) };
    }
    if (page.items.length === 0 && page.nextKey && !work.hasTime())
      return { ...result, resumeAfter: page.nextKey };
    start = page.nextKey;
  } while (start);
  return result;
}
