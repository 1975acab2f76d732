import type { Histogram, HistogramBin } from '../view-model';

/**
 * A histogram of a long vector's probabilities: how many elements have each value. Past a few
 * hundred elements the 31 largest bars say little about the rest (100,000 near-equal values drew 31
 * near-equal bars); the counts per bin show the shape of all of them.
 *
 * Bins are half-open, [lo, hi), contiguous and ascending, and every positive value falls in exactly
 * one; exact zeros are counted apart (a log axis has no place for them). The axis is logarithmic,
 * 1, 2, 4, 5 or 10 bins per decade (the most that keep at most MAX_BINS bins), when the positive
 * values span a decade or more; otherwise linear, at a round step. Past MAX_BINS decades the lowest
 * bin is open below: it starts at the smallest value.
 */

/** Vectors longer than this get a histogram beside their largest bars (docs/decisions.md). */
export const HISTOGRAM_FROM = 256;
export const MAX_BINS = 40;
const PER_DECADE = [10, 5, 4, 2, 1] as const;

export interface HistogramSpec {
  readonly id: string;
  readonly title: string;
  readonly series: readonly string[];
  readonly n: number;
  /** Value of element `i` in series `s`: a probability, finite and ≥ 0. */
  readonly value: (i: number, s: number) => number;
}

export function histogram(spec: HistogramSpec): Histogram {
  const seriesCount = spec.series.length;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  const zeros = new Array<number>(seriesCount).fill(0);
  for (let s = 0; s < seriesCount; s++) {
    for (let i = 0; i < spec.n; i++) {
      const v = spec.value(i, s);
      if (v > 0) {
        if (v < min) min = v;
        if (v > max) max = v;
      } else zeros[s]++;
    }
  }
  const scale: 'log' | 'linear' = max > 0 && max / min >= 10 ? 'log' : 'linear';
  const edges = max > 0 ? (scale === 'log' ? logEdges(min, max) : linearEdges(min, max)) : [];
  const counts = Array.from({ length: seriesCount }, () => new Float64Array(Math.max(0, edges.length - 1)));
  for (let s = 0; s < seriesCount; s++) {
    const row = counts[s];
    for (let i = 0; i < spec.n; i++) {
      const v = spec.value(i, s);
      if (v > 0) row[binOf(edges, v)]++;
    }
  }
  const bins: HistogramBin[] = [];
  for (let k = 0; k + 1 < edges.length; k++) bins.push({ lo: edges[k], hi: edges[k + 1], counts: counts.map((row) => row[k]) });
  return { id: spec.id, title: spec.title, series: spec.series, scale, bins, zeros, total: spec.n };
}

/** The bin of a positive `v` inside [edges[0], edges[last]): binary search, so it agrees with the edges exactly. */
export function binOf(edges: readonly number[], v: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (v >= edges[mid]) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Edges at 10^(j/m), m bins per decade, from the one at or below `min` to the first above `max`. */
function logEdges(min: number, max: number): number[] {
  const top = Math.log10(max);
  const bottom = Math.log10(min);
  const m = PER_DECADE.find((k) => Math.floor(top * k) - Math.floor(bottom * k) + 1 <= MAX_BINS) ?? 1;
  const last = Math.floor(top * m) + 1;
  const first = Math.max(Math.floor(bottom * m), last - MAX_BINS);
  const edges: number[] = [];
  for (let j = first; j <= last; j++) edges.push(decade(j, m));
  return cover(edges, min, max, (e) => Number((e * 10 ** (1 / m)).toPrecision(15)));
}

/** 10^(j/m), exact at whole decades (10 ** -3 is not 0.001 in floating point). */
function decade(j: number, m: number): number {
  return j % m === 0 ? Number(`1e${j / m}`) : Number((10 ** (j / m)).toPrecision(15));
}

/**
 * Edges a round step apart (1, 2, 2.5 or 5 × 10^k), about 20 bins over [min, max]. Values that
 * agree to about ten digits share one bin: a finer step would not survive the edges' rounding to
 * twelve digits (equal edges, no bin between them).
 */
function linearEdges(min: number, max: number): number[] {
  const span = max - min;
  const step = Math.max(roundStep(span > 0 ? span / 20 : max / 20), roundStep(max * 1e-10));
  const first = Math.floor(min / step);
  const last = Math.floor(max / step) + 1;
  const edges: number[] = [];
  for (let k = first; k <= last; k++) edges.push(Number((k * step).toPrecision(12)));
  return cover(edges, min, max, (e) => Number((e + step).toPrecision(12)));
}

/**
 * Makes sure min and max land inside: rounding of the edges may leave `max` on the top edge (then a
 * bin is added above) or `min` below the first (past MAX_BINS decades on purpose: the first bin
 * then opens down to `min`).
 */
function cover(computed: readonly number[], min: number, max: number, next: (edge: number) => number): number[] {
  // Subnormal decades round to 0 or to each other: only positive, rising edges are kept.
  const edges: number[] = [];
  for (const edge of computed) if (edge > 0 && (edges.length === 0 || edge > edges[edges.length - 1])) edges.push(edge);
  if (edges.length === 0) edges.push(min);
  else if (min < edges[0]) edges[0] = min;
  // Rounding leaves max at most an edge or two out. Should the next edge not rise (subnormal values,
  // where a factor of 10^(1/m) may round back to the same number), the top edge goes just above max.
  for (let added = 0; max >= edges[edges.length - 1]; added++) {
    const last = edges[edges.length - 1];
    const following = next(last);
    edges.push(added < 2 && following > last ? following : justAbove(max));
  }
  return edges;
}

/** A number above `x` (≥ 0) by about one unit in its last place. */
function justAbove(x: number): number {
  return x + Math.max(Number.MIN_VALUE, x * 2 ** -52);
}

function roundStep(raw: number): number {
  // A span of subnormal numbers divided by 20 may underflow to 0: the least step is the least number.
  if (!(raw > Number.MIN_VALUE)) return Number.MIN_VALUE;
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const norm = raw / magnitude;
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
}
