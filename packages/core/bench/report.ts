/** One benchmark figure, printed as the single line `pnpm bench` collects. */
export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: number;
  readonly ratio: number;
  readonly target: number | string;
}

export function report(figure: BenchFigure): void {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  console.log(
    `BENCH ${JSON.stringify({ ...figure, value: round(figure.value), baseline: round(figure.baseline), ratio: round(figure.ratio) })}`,
  );
}

// Run with --expose-gc: a full collection before each timed call keeps one run's garbage
// from being collected (and timed) in the next.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Median wall time of `runs` calls, in milliseconds, after one warm-up call. */
export function medianMs(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** What {@link pairedRounds} measured: median times and the median of per-round ratios. */
export interface PairedTimes {
  readonly ms: number;
  readonly baselineMs: number;
  readonly ratio: number;
  readonly ratios: readonly number[];
}

/**
 * Times `fn` and `baseline` side by side, `rounds` times, after one warm-up call of each.
 * Other work on a 2-core machine comes and goes within a run; within one round both calls
 * meet the same conditions, so the median of the per-round ratios is steadier than a ratio
 * of two medians taken at different moments.
 */
export function pairedRounds(rounds: number, fn: () => void, baseline: () => void): PairedTimes {
  fn();
  baseline();
  const times: number[] = [];
  const bases: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    collect();
    let t = performance.now();
    fn();
    const a = performance.now() - t;
    collect();
    t = performance.now();
    baseline();
    const b = performance.now() - t;
    times.push(a);
    bases.push(b);
    ratios.push(a / b);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { ms: median(times), baselineMs: median(bases), ratio: median(ratios), ratios };
}

/** A small seeded PRNG (mulberry32), so every run splits the same sales. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
