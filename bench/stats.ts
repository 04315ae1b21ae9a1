/** Small statistics for benchmarks: medians and percentiles of repeated runs. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Runs `fn` `n` times, returns the durations in ms. */
export async function timeRuns(n: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export function row(name: string, ms: readonly number[], reference?: readonly number[]): string {
  const ratio = reference ? `  ratio ${(median(ms) / median(reference)).toFixed(2)}×` : '';
  return `${name.padEnd(58)} median ${median(ms).toFixed(1).padStart(7)} ms  p95 ${percentile(ms, 95).toFixed(1).padStart(7)} ms  (n=${ms.length})${ratio}`;
}
