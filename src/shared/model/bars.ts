import { CompensatedSum } from '../../core/summation';
import type { BarChart, BarRow } from '../view-model';
import { toWire } from '../wire';
import { histogram, HISTOGRAM_FROM } from './histogram';

/** Bars drawn per chart before the rest is folded into one "the other N" bar. */
export const MAX_BARS = 32;

export interface BarSpec {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly series: readonly string[];
  readonly n: number;
  readonly label: (i: number) => string;
  /** Value of element `i` in series `s`. */
  readonly value: (i: number, s: number) => number;
  /** Which elements to keep when summarising: the largest scores. */
  readonly score: (i: number) => number;
  /** How the folded elements combine: summed (probability mass, KL terms) or averaged. */
  readonly fold: 'sum' | 'mean';
  readonly signed: boolean;
  readonly fmt: (x: number) => string;
  readonly reference?: { readonly value: number; readonly label: string };
  /** Bars of P and Q the page lets a person drag (the playground). */
  readonly draggable?: boolean;
  /** The values are probabilities: past HISTOGRAM_FROM elements, a histogram of them comes too. */
  readonly histogram?: boolean;
}

/**
 * A bar chart of at most MAX_BARS bars: a longer vector keeps its largest elements and folds the rest
 * into one "the other N" bar, so the webview never receives more than a few hundred numbers.
 */
export function barChart(spec: BarSpec): BarChart {
  const row = (label: string, values: number[], index?: number): BarRow => ({
    label,
    values: values.map(toWire),
    displays: values.map(spec.fmt),
    ...(index === undefined ? { other: true } : { index }),
  });
  const valuesOf = (i: number) => spec.series.map((_, s) => spec.value(i, s));
  let rows: BarRow[];
  let caption = spec.caption;
  if (spec.n <= MAX_BARS) {
    rows = Array.from({ length: spec.n }, (_, i) => row(spec.label(i), valuesOf(i), i));
  } else {
    const kept = topIndices(spec.n, MAX_BARS - 1, spec.score);
    const others = spec.n - kept.length;
    const folded = foldRest(spec, kept).map((total) => (spec.fold === 'mean' ? total / others : total));
    rows = kept.map((i) => row(spec.label(i), valuesOf(i), i));
    rows.push(row(`the other ${others.toLocaleString('en-US')}${spec.fold === 'mean' ? ' (mean)' : ''}`, folded));
    caption += ` Showing the ${kept.length} largest of ${spec.n.toLocaleString('en-US')}; the last bar is the other ${others.toLocaleString('en-US')} ${spec.fold === 'mean' ? 'averaged' : 'together'}.`;
  }
  return {
    id: spec.id,
    title: spec.title,
    caption,
    series: spec.series,
    rows,
    signed: spec.signed,
    total: spec.n,
    ...(spec.reference ? { reference: spec.reference } : {}),
    ...(spec.draggable ? { draggable: true } : {}),
    ...(spec.histogram && spec.n > HISTOGRAM_FROM
      ? { histogram: histogram({ id: `${spec.id}-histogram`, title: `How many of the ${spec.n.toLocaleString('en-US')} elements have each probability`, series: spec.series, n: spec.n, value: spec.value }) }
      : {}),
  };
}

/**
 * The sum of each series over the elements not kept. Compensated, as every sum in the core: the
 * folded bar may hold 100,000 small terms, and an infinite KL term makes it +∞ (never ∞ − ∞ = NaN).
 */
function foldRest(spec: BarSpec, kept: readonly number[]): number[] {
  const keep = new Uint8Array(spec.n);
  for (const i of kept) keep[i] = 1;
  const total = new CompensatedSum();
  return spec.series.map((_, s) => {
    total.reset();
    for (let i = 0; i < spec.n; i++) if (!keep[i]) total.add(spec.value(i, s));
    return total.value();
  });
}

/** Indices of the `k` largest scores (infinite first, ties to the lower index), in ascending index order. */
export function topIndices(n: number, k: number, score: (i: number) => number): number[] {
  if (n <= k) return Array.from({ length: n }, (_, i) => i);
  // A small sorted buffer: n up to millions, k about 30, so this is O(n) in practice.
  const best: { i: number; s: number }[] = [];
  for (let i = 0; i < n; i++) {
    const raw = score(i);
    const s = Number.isNaN(raw) ? Number.NEGATIVE_INFINITY : raw;
    if (best.length === k && s <= best[k - 1].s) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].s < s) at--;
    best.splice(at, 0, { i, s });
    if (best.length > k) best.pop();
  }
  return best.map((b) => b.i).sort((a, b) => a - b);
}
