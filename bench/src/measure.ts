// Timing helpers: medians of repeated runs after warm-up, with the number of runs kept.

export interface Stat {
  /** Median, in milliseconds. */
  ms: number;
  /** Runs (or batches) the median is taken over. */
  n: number;
  min: number;
  max: number;
  /** For batched timings: passes per batch (the median is per pass). */
  perBatch?: number;
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Nearest-rank percentile (q in 0..1). */
export function percentile(xs: readonly number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

export const stat = (xs: readonly number[], perBatch?: number): Stat => ({
  ms: median(xs), n: xs.length, min: Math.min(...xs), max: Math.max(...xs), ...(perBatch ? { perBatch } : {}),
});

export interface RepeatOptions {
  /** Warm-up runs before measuring (at least one). */
  warmup: number;
  /** Stop measuring after this much time… */
  budgetMs: number;
  /** …but take at least this many runs… */
  minRuns: number;
  /** …and at most this many. */
  maxRuns: number;
}

/** Median of repeated synchronous runs after warm-up. */
export function repeatSync(fn: () => unknown, o: RepeatOptions): Stat {
  for (let i = 0; i < Math.max(1, o.warmup); i++) fn();
  const xs: number[] = [];
  const start = performance.now();
  while (xs.length < o.maxRuns && (xs.length < o.minRuns || performance.now() - start < o.budgetMs)) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return stat(xs);
}

/** The same for asynchronous work (cspell). */
export async function repeatAsync(fn: () => Promise<unknown>, o: RepeatOptions): Promise<Stat> {
  for (let i = 0; i < Math.max(1, o.warmup); i++) await fn();
  const xs: number[] = [];
  const start = performance.now();
  while (xs.length < o.maxRuns && (xs.length < o.minRuns || performance.now() - start < o.budgetMs)) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return stat(xs);
}

/**
 * For work far below the timer's resolution (one regex pass over 250 words takes microseconds):
 * each sample times a batch of passes long enough to measure (≥ batchMs) and divides; the median
 * is over `batches` samples, after one warm-up batch.
 */
export function repeatBatched(fn: () => unknown, batches: number, batchMs = 2): Stat {
  let k = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < k; i++) fn();
    if (performance.now() - t0 >= batchMs || k >= 1 << 20) break;
    k *= 2;
  }
  const xs: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < k; i++) fn();
    xs.push((performance.now() - t0) / k);
  }
  return stat(xs, k);
}

export const fmtMs = (ms: number | null | undefined): string => {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10000 ? 1 : 2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 0.1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(1)} µs`;
};

export const fmtRatio = (x: number | null | undefined): string => {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (x >= 100) return `${x.toFixed(0)}×`;
  if (x >= 10) return `${x.toFixed(1)}×`;
  return `${x.toFixed(2)}×`;
};

/** The floor of issue #6: one pass of a single digit-finding regex over the text. */
export function floorPass(text: string): number {
  const re = /\d+/g;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}
