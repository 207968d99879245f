import { describe, expect, it, vi } from 'vitest';
import { runLongWork, type Page } from '../../../shared/domain/long-work.ts';
import { handOffReserveMs, timeKeeper } from '../../../shared/events/hand-off.ts';
import { sdkCallWorstCaseMs } from '../../../shared/clients/sdk-budget.ts';

/** 120 numbers in pages of 50 (positions are the page starts), as a paginated Query would give them. */
const pages =
  (total: number, size = 50) =>
  async (start?: Record<string, unknown>): Promise<Page<number>> => {
    const from = Number(start?.from ?? 0);
    const items = Array.from({ length: Math.min(size, total - from) }, (_, i) => from + i);
    return { items, ...(from + size < total ? { nextKey: { from: from + size } } : {}) };
  };
const after = (n: number) => ({ from: n + 1 });

describe('long work in batches, handing over when time runs short (docs/long-work.md)', () => {
  it('works through every page in batches of 25 while there is time', async () => {
    const seen: number[][] = [];
    const result = await runLongWork({
      page: pages(120),
      batch: async (items) => void seen.push(items),
      positionAfter: after,
      hasTime: () => true,
    });
    expect(seen.map((b) => b.length)).toEqual([25, 25, 25, 25, 20]);
    expect(result).toEqual({ items: 120, batches: 5, pages: 3 });
  });

  it('stops after the batch where time ran short and says where to resume; the follow-up finishes', async () => {
    const done: number[] = [];
    let checks = 0;
    const first = await runLongWork({
      page: pages(120),
      batch: async (items) => void done.push(...items),
      positionAfter: after,
      hasTime: () => ++checks < 3,
    });
    expect(first).toMatchObject({ items: 75, batches: 3, resumeAfter: { from: 75 } });
    const rest = await runLongWork({
      start: first.resumeAfter,
      page: pages(120),
      batch: async (items) => void done.push(...items),
      positionAfter: after,
      hasTime: () => true,
    });
    expect(rest.resumeAfter).toBeUndefined();
    expect(done).toEqual(Array.from({ length: 120 }, (_, i) => i));
  });

  it('always does one batch, and hands nothing over when the last batch is done', async () => {
    const result = await runLongWork({
      page: pages(20),
      batch: async () => {},
      positionAfter: after,
      hasTime: () => false,
    });
    expect(result).toEqual({ items: 20, batches: 1, pages: 1 });
  });
});

describe('the time keeper', () => {
  const contextAt = (remaining: () => number) => ({ getRemainingTimeInMillis: remaining });

  it('keeps two SDK calls at their worst in reserve, or a third of a short timeout', () => {
    expect(handOffReserveMs).toBe(2 * sdkCallWorstCaseMs);
    let remaining = 120_000;
    const long = timeKeeper(contextAt(() => remaining));
    remaining = handOffReserveMs + 1;
    expect(long()).toBe(true);
    remaining = handOffReserveMs;
    expect(long()).toBe(false);

    remaining = 3_000;
    const short = timeKeeper(contextAt(() => remaining));
    remaining = 1_001;
    expect(short()).toBe(true);
    remaining = 1_000;
    expect(short()).toBe(false);
  });

  it('keeps at least twice the slowest batch so far', () => {
    vi.useFakeTimers();
    try {
      let remaining = 60_000;
      const hasTime = timeKeeper(contextAt(() => remaining));
      vi.advanceTimersByTime(15_000); // one batch of 15 s
      remaining = 31_000;
      expect(hasTime()).toBe(true);
      vi.advanceTimersByTime(1_000);
      remaining = 29_000;
      expect(hasTime()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
