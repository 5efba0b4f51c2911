// Small measuring helpers for the benches.
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const ms = (t0: bigint, t1: bigint) => Number(t1 - t0) / 1e6;

export const fmt = (x: number, digits = 2) => x.toFixed(digits);

/** Peak resident set size of this process so far, in MB. */
export const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
