import type { EmittedMetrics } from '../../shared/metrics/metrics.ts';

type Document = EmittedMetrics & Record<string, unknown>;

/** A metric's total in EMF documents (a value written twice in one flush is an array). */
export function totalOf(
  documents: EmittedMetrics[],
  name: string,
  dimensions: Record<string, string> = {},
): number {
  let total = 0;
  for (const doc of documents as Document[]) {
    if (!Object.entries(dimensions).every(([k, v]) => doc[k] === v)) continue;
    const value = doc[name];
    if (typeof value === 'number') total += value;
    else if (Array.isArray(value)) total += value.reduce((sum: number, v) => sum + Number(v), 0);
  }
  return total;
}
