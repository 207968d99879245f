import { logger } from '../clients/logger.ts';

/**
 * The one place the handler wrappers flush metrics, at the end of every invocation. It imports no
 * metrics writer: shared/metrics/metrics.ts registers itself here when a function uses it, so a
 * function that counts nothing carries none of it.
 */
const flushes = new Set<() => void>();

export function registerMetricsFlush(flush: () => void): void {
  flushes.add(flush);
}

/** Writes what this invocation counted (EMF lines on stdout); a metrics fault never fails a request. */
export function flushMetrics(): void {
  for (const flush of flushes) {
    try {
      flush();
    } catch (error) {
      logger.warn('metrics could not be published', { error });
    }
  }
}
