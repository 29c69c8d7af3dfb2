// Summary statistics of a bucket's samples. Quantiles use the nearest-rank method (the smallest value
// with at least p of the samples at or below it), so every figure is one of the samples.

export const STATS = ["mean", "p50", "p90", "max"] as const;
export type Stat = (typeof STATS)[number];

export function summarize(samples: number[], stat: Stat): number | null {
  if (samples.length === 0) return null;
  if (stat === "mean") return samples.reduce((a, b) => a + b, 0) / samples.length;
  if (stat === "max") return samples.reduce((a, b) => Math.max(a, b), samples[0]!);
  const p = stat === "p50" ? 0.5 : 0.9;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
