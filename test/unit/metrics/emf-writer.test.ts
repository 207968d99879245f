import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushMetrics } from '../../../shared/metrics/flush.ts';
import { addMetric, type EmittedMetrics, onMetricsPublished } from '../../../shared/metrics/metrics.ts';

afterEach(() => {
  process.env.METRICS_DISABLED = 'true';
  vi.restoreAllMocks();
});

/** The EMF lines a flush writes to stdout, where Lambda's log capture (and CloudWatch) reads them. */
function stdoutOfFlush(): EmittedMetrics[] {
  delete process.env.METRICS_DISABLED;
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  flushMetrics();
  return lines.map((line) => {
    expect(line.endsWith('\n')).toBe(true);
    return JSON.parse(line) as EmittedMetrics;
  });
}

describe('the embedded metric format writer', () => {
  it('writes one JSON line per document on stdout, each naming its metrics and dimensions', () => {
    addMetric('Logins');
    addMetric('Logins');
    addMetric('EmailsSent', 3);
    const [doc, ...rest] = stdoutOfFlush();
    expect(rest).toHaveLength(0);
    expect(doc?._aws.Timestamp).toBeTypeOf('number');
    expect(doc?._aws.CloudWatchMetrics[0]).toEqual({
      Namespace: 'ClientPortal',
      Dimensions: [['service', 'stage']],
      Metrics: [
        { Name: 'Logins', Unit: 'Count' },
        { Name: 'EmailsSent', Unit: 'Count' },
      ],
    });
    // Counts are summed into one value per flush.
    expect(doc).toMatchObject({ Logins: 2, EmailsSent: 3, service: 'client-portal', stage: 'local' });
  });

  it('keeps timings one by one, at most 100 values per document as EMF requires', () => {
    for (let i = 0; i < 150; i++) addMetric('CascadeDuration', i);
    const docs = stdoutOfFlush();
    expect(docs.map((d) => (d.CascadeDuration as number[]).length)).toEqual([100, 50]);
    expect((docs[1]!.CascadeDuration as number[])[0]).toBe(100);
  });

  it('drops a value that is not a finite number instead of spoiling the document', () => {
    addMetric('CascadeDuration', Number.NaN);
    addMetric('Logins');
    const [doc] = stdoutOfFlush();
    expect(doc?._aws.CloudWatchMetrics[0]?.Metrics).toEqual([{ Name: 'Logins', Unit: 'Count' }]);
  });

  it('writes nothing after a flush, and nothing to stdout while METRICS_DISABLED is true', () => {
    const heard: EmittedMetrics[] = [];
    const stop = onMetricsPublished((doc) => heard.push(doc));
    addMetric('SignUps');
    const write = vi.spyOn(process.stdout, 'write');
    flushMetrics();
    flushMetrics();
    stop();
    expect(heard).toHaveLength(1);
    expect(write).not.toHaveBeenCalled();
  });
});
