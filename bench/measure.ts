/** Small timing helpers for the benchmark: medians of repeated runs, after a warm-up. */

export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly runs: number;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns milliseconds. */
export function time(fn: () => unknown, runs = 9, warmup = 2): Timing {
  for (let i = 0; i < warmup; i++) consume(fn());
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    consume(fn());
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], runs };
}

/** `global.gc` when Node runs with --expose-gc (`npm run bench` does). */
const collect = (globalThis as { gc?: () => void }).gc;

/** Per contender of `interleaved`: the median, and the median of its per-round ratio to the first. */
export interface Compared extends Timing {
  readonly ratio: number;
}

/**
 * Times several functions side by side: `runs` rounds, each running every function once in turn,
 * each sample from a collected heap (so JSON.parse's million boxed numbers are not charged to the
 * next sample). On a shared machine the speed drifts from one second to the next; a ratio taken
 * within each round and then the median over rounds compares like with like.
 */
export function interleaved(fns: readonly (() => unknown)[], runs = 11, warmup = 2): Compared[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) consume(fn());
  const samples = fns.map((): number[] => []);
  for (let round = 0; round < runs; round++) {
    fns.forEach((fn, i) => {
      collect?.();
      const start = performance.now();
      consume(fn());
      samples[i].push(performance.now() - start);
    });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return samples.map((xs) => ({
    median: median(xs),
    min: Math.min(...xs),
    runs,
    ratio: median(xs.map((x, round) => x / samples[0][round])),
  }));
}

let sink = 0;
/** Keeps results alive so the JIT cannot drop the work. */
function consume(value: unknown): void {
  if (typeof value === 'number') sink += value;
  else if (value && typeof value === 'object') sink += 1;
}
export function sinkValue(): number {
  return sink;
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 1 ? `${value.toFixed(2)} ms` : `${(value * 1000).toFixed(0)} µs`;
}

/** A seeded generator (mulberry32): the same numbers on every run and machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function row(label: string, value: string, note = ''): void {
  console.log(`  ${label.padEnd(52)} ${value.padStart(12)}  ${note}`);
}
