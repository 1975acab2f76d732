import type { Evaluation, LossEvaluation, PairEvaluation } from '../core/evaluate';
import { describe, figuresOf, formatNumber, LOSS_LABELS } from '../core/figures';
import { derivationOf, formulasOf, logSymbol, texNumber } from '../core/tex';
import { natsPerUnit, type Unit } from '../core/types';
import { toWire, type ViewName, type WireNumber } from './protocol';

/**
 * Builds the visualizer's view model from an Evaluation: everything the webview draws, already
 * formatted, JSON-safe and bounded in size. Pure: runs in the extension host (Node or web worker) and
 * in tests. Long vectors are summarised here — the largest elements plus "the other N" — so the
 * webview never receives more than a few hundred numbers whatever the literal's length.
 */

/** Bars drawn per chart before the rest is folded into one "the other N" bar. */
export const MAX_BARS = 32;
/** Samples marked on a loss curve. */
export const MAX_MARKS = 200;
const CURVE_POINTS = 121;

export interface SourceView {
  /** The document's base name; user text, shown only as a text node. */
  readonly fileName: string;
  /** 1-based lines of the literal. */
  readonly line: number;
  readonly endLine: number;
}

export interface FigureView {
  readonly key: string;
  readonly label: string;
  /** TeX of the label, from the core (never user text). */
  readonly tex: string;
  readonly value: WireNumber;
  /** The value formatted to the chosen precision ("∞" when infinite). */
  readonly display: string;
  readonly unit?: string;
  /** Why it is infinite: "element 3", "sample 2". */
  readonly cause?: string;
}

export interface FormulaView {
  readonly id: string;
  readonly title: string;
  readonly tex: string;
  readonly substituted: string;
}

export interface BarRow {
  /** Element label: an index, or a key from the literal (user text). */
  readonly label: string;
  readonly values: readonly WireNumber[];
  readonly displays: readonly string[];
  /** True for the folded "the other N" row. */
  readonly other?: boolean;
}

export interface BarChart {
  readonly id: string;
  readonly title: string;
  /** What a person should see in it, one sentence. */
  readonly caption: string;
  readonly series: readonly string[];
  readonly rows: readonly BarRow[];
  /** Bars go below the axis for negative values. */
  readonly signed: boolean;
  /** Elements before summarising. */
  readonly total: number;
  /** A horizontal reference line (e.g. log n for row entropies). */
  readonly reference?: { readonly value: number; readonly label: string };
}

export interface CurveLine {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

export interface CurveMark {
  readonly x: number;
  readonly y: WireNumber;
  readonly label: string;
  /** A short name written next to the dot and in the legend ("P", "Q"), for the few named points. */
  readonly name?: string;
  /** The colour of the dot: the series it belongs to (0 = P, 1 = Q), as in the bar charts. */
  readonly series?: number;
}

export interface CurveChart {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly lines: readonly CurveLine[];
  readonly marks: readonly CurveMark[];
  /** Marks left off when there were more samples than MAX_MARKS. */
  readonly marksLeftOff: number;
}

export interface EquivalenceView {
  readonly title: string;
  readonly caption: string;
  readonly tex: string;
}

export interface LossView {
  readonly name: 'bce' | 'cce' | 'mse';
  readonly label: string;
  readonly distribution: string;
  readonly reason: string;
  readonly samples: number;
  readonly derivation: readonly { readonly caption: string; readonly tex: string }[];
  readonly formula: FormulaView;
  readonly perSample: BarChart;
  readonly curve?: CurveChart;
  /** Why there is no curve (soft labels). */
  readonly curveMissing?: string;
  readonly equivalences: readonly EquivalenceView[];
}

export interface ViewModel {
  readonly kind: Evaluation['kind'];
  readonly view: ViewName;
  readonly source: SourceView;
  /** What the literal is: "pair of 3-element distributions P and Q, read as probs". */
  readonly shape: string;
  readonly unit: Unit;
  readonly interpretation: string;
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
  readonly figures: readonly FigureView[];
  readonly formulas: readonly FormulaView[];
  readonly bars: readonly BarChart[];
  readonly curves: readonly CurveChart[];
  readonly loss?: LossView;
  /** In the loss view, why this literal has no loss. */
  readonly lossUnavailable?: string;
}

export interface ViewModelOptions {
  readonly source: SourceView;
  readonly precision: number;
  readonly view: ViewName;
}

export function buildViewModel(evaluation: Evaluation, options: ViewModelOptions): ViewModel {
  const precision = options.precision;
  const fmt = (x: number) => formatNumber(x, precision);
  const figures: FigureView[] = figuresOf(evaluation).map((figure) => ({
    key: figure.key,
    label: figure.label,
    tex: figure.tex,
    value: toWire(figure.value),
    display: fmt(figure.value),
    ...(figure.unit ? { unit: figure.unit } : {}),
    ...(figure.infiniteAt !== undefined ? { cause: `${evaluation.kind === 'loss' ? 'sample' : 'element'} ${figure.infiniteAt}` } : {}),
  }));
  const formulas = formulasOf(evaluation, precision).map((f) => ({ id: f.id, title: f.title, tex: f.tex, substituted: f.substituted }));
  const base = {
    kind: evaluation.kind,
    view: options.view,
    source: options.source,
    shape: describe(evaluation),
    unit: evaluation.unit,
    interpretation: evaluation.interpretation,
    // A loss's reason is shown under its output distribution ("Why: …"): not a second time as a note.
    notes: evaluation.kind === 'loss' ? evaluation.notes.filter((n) => !sameSentence(n, evaluation.reason)) : [...evaluation.notes],
    warnings: [...evaluation.warnings],
    figures,
    formulas,
  };
  const lossUnavailable =
    options.view === 'loss' && evaluation.kind !== 'loss'
      ? 'This literal is not targets with predictions, so it has no loss: select an object such as {"y": [1, 0], "p": [0.9, 0.2]}, or choose BCE, CCE or MSE to read a pair as targets and predictions.'
      : undefined;
  const extra = lossUnavailable ? { lossUnavailable } : {};
  switch (evaluation.kind) {
    case 'distribution': {
      const p = evaluation.p.p;
      const label = labeller(evaluation.labels);
      const bars = [
        barChart({
          id: 'pq',
          title: 'P, element by element',
          caption: `The distribution P over its ${p.length.toLocaleString('en-US')} elements.`,
          series: ['P'],
          n: p.length,
          label,
          value: (i) => p[i]!,
          score: (i) => p[i]!,
          fold: 'sum',
          signed: false,
          fmt,
        }),
      ];
      const curves = p.length === 2 ? [binaryEntropyCurve(evaluation.unit, [{ x: p[1]!, label: `p = ${fmt(p[1]!)} (P)`, name: 'P', series: 0 }])] : [];
      return { ...base, bars, curves, ...extra };
    }
    case 'pair':
      return { ...base, bars: pairBars(evaluation, fmt), curves: pairCurves(evaluation, fmt), ...extra };
    case 'batch': {
      const rows = evaluation.rows;
      const bars = [
        barChart({
          id: 'rows',
          title: 'Entropy of each row',
          caption: `H of each of the ${rows.length.toLocaleString('en-US')} rows, against log n = ${fmt(evaluation.maxEntropy)} ${evaluation.unit} (the uniform distribution’s).`,
          series: [`H (${evaluation.unit})`],
          n: rows.length,
          label: (i) => `row ${i}`,
          value: (i) => rows[i]!.entropy,
          score: (i) => rows[i]!.entropy,
          fold: 'mean',
          signed: false,
          fmt,
          reference: { value: evaluation.maxEntropy, label: 'log n' },
        }),
      ];
      return { ...base, bars, curves: [], ...extra };
    }
    case 'loss':
      return { ...base, bars: [], curves: [], loss: lossView(evaluation, precision, fmt) };
  }
}

/** "Every target is 0 or 1…." and "every target is 0 or 1…" are the same sentence. */
function sameSentence(a: string, b: string): boolean {
  const norm = (x: string) => x.trim().replace(/\.$/, '').toLowerCase();
  return norm(a) === norm(b);
}

function labeller(labels: readonly string[] | undefined): (i: number) => string {
  return labels ? (i) => labels[i] ?? String(i) : (i) => String(i);
}

interface BarSpec {
  id: string;
  title: string;
  caption: string;
  series: string[];
  n: number;
  label: (i: number) => string;
  /** Value of element `i` in series `s`. */
  value: (i: number, s: number) => number;
  /** Which elements to keep when summarising: the largest scores. */
  score: (i: number) => number;
  /** How the folded elements combine: summed (probability mass, KL terms) or averaged. */
  fold: 'sum' | 'mean';
  signed: boolean;
  fmt: (x: number) => string;
  reference?: { value: number; label: string };
}

function barChart(spec: BarSpec): BarChart {
  const row = (label: string, values: number[], other = false): BarRow => ({
    label,
    values: values.map(toWire),
    displays: values.map(spec.fmt),
    ...(other ? { other: true } : {}),
  });
  const valuesOf = (i: number) => spec.series.map((_, s) => spec.value(i, s));
  let rows: BarRow[];
  let caption = spec.caption;
  if (spec.n <= MAX_BARS) {
    rows = Array.from({ length: spec.n }, (_, i) => row(spec.label(i), valuesOf(i)));
  } else {
    const kept = topIndices(spec.n, MAX_BARS - 1, spec.score);
    const keep = new Uint8Array(spec.n);
    for (const i of kept) keep[i] = 1;
    const rest = spec.series.map((_, s) => {
      // Kahan summation: the folded bar may hold 100,000 small terms.
      let sum = 0;
      let compensation = 0;
      for (let i = 0; i < spec.n; i++) {
        if (keep[i]) continue;
        const y = spec.value(i, s) - compensation;
        const t = sum + y;
        compensation = t - sum - y;
        sum = t;
      }
      return sum;
    });
    const others = spec.n - kept.length;
    const restValues = spec.fold === 'mean' ? rest.map((v) => v / others) : rest;
    rows = kept.map((i) => row(spec.label(i), valuesOf(i)));
    rows.push(row(`the other ${others.toLocaleString('en-US')}${spec.fold === 'mean' ? ' (mean)' : ''}`, restValues, true));
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
  };
}

/** Indices of the `k` largest scores (infinite first), in ascending index order. */
export function topIndices(n: number, k: number, score: (i: number) => number): number[] {
  if (n <= k) return Array.from({ length: n }, (_, i) => i);
  // A small sorted buffer: n up to millions, k about 30, so this is O(n) in practice.
  const best: { i: number; s: number }[] = [];
  for (let i = 0; i < n; i++) {
    const raw = score(i);
    const s = Number.isNaN(raw) ? Number.NEGATIVE_INFINITY : raw;
    if (best.length === k && s <= best[k - 1]!.s) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.s < s) at--;
    best.splice(at, 0, { i, s });
    if (best.length > k) best.pop();
  }
  return best.map((b) => b.i).sort((a, b) => a - b);
}

function pairBars(evaluation: PairEvaluation, fmt: (x: number) => string): BarChart[] {
  const p = evaluation.p.p;
  const q = evaluation.q.p;
  const n = p.length;
  const label = labeller(evaluation.labels);
  const pq = evaluation.klTermsPQ;
  const qp = evaluation.klTermsQP;
  return [
    barChart({
      id: 'pq',
      title: 'P and Q, element by element',
      caption: 'Grouped bars: P and Q side by side for each element.',
      series: ['P', 'Q'],
      n,
      label,
      value: (i, s) => (s === 0 ? p[i]! : q[i]!),
      score: (i) => Math.max(p[i]!, q[i]!),
      fold: 'sum',
      signed: false,
      fmt,
    }),
    barChart({
      id: 'kl',
      title: 'Each element’s contribution to the KL divergences',
      caption: `pᵢ log(pᵢ/qᵢ) for D_KL(P‖Q) and qᵢ log(qᵢ/pᵢ) for D_KL(Q‖P), in ${evaluation.unit}. A term is negative where the other distribution is larger; each sum is still ≥ 0.`,
      series: ['D_KL(P‖Q) term', 'D_KL(Q‖P) term'],
      n,
      label,
      value: (i, s) => (s === 0 ? pq[i]! : qp[i]!),
      score: (i) => Math.max(Math.abs(pq[i]!), Math.abs(qp[i]!)),
      fold: 'sum',
      signed: true,
      fmt,
    }),
  ];
}

function pairCurves(evaluation: PairEvaluation, fmt: (x: number) => string): CurveChart[] {
  if (evaluation.p.p.length !== 2) return [];
  const p = evaluation.p.p[1]!;
  const q = evaluation.q.p[1]!;
  return [
    binaryEntropyCurve(evaluation.unit, [
      { x: p, label: `p = ${fmt(p)} (P)`, name: 'P', series: 0 },
      { x: q, label: `q = ${fmt(q)} (Q)`, name: 'Q', series: 1 },
    ]),
  ];
}

/** H(p) = −p log p − (1 − p) log(1 − p), in the unit, with 0 log 0 = 0. */
export function binaryEntropy(p: number, unit: Unit): number {
  const term = (x: number) => (x > 0 ? -x * Math.log(x) : 0);
  return (term(p) + term(1 - p)) / natsPerUnit(unit);
}

function binaryEntropyCurve(unit: Unit, at: { x: number; label: string; name: string; series: number }[]): CurveChart {
  const points = Array.from({ length: CURVE_POINTS }, (_, k) => {
    const x = k / (CURVE_POINTS - 1);
    return [x, binaryEntropy(x, unit)] as const;
  });
  return {
    id: 'binaryEntropy',
    title: 'Binary entropy H(p)',
    caption: `A two-element distribution is a Bernoulli: H(p) peaks at p = ½ with log 2 = ${formatNumber(binaryEntropy(0.5, unit), 6)} ${unit}.`,
    xLabel: 'p (second element)',
    yLabel: `H(p) (${unit})`,
    x: [0, 1],
    y: [0, binaryEntropy(0.5, unit) * 1.1],
    lines: [{ name: 'H(p)', points }],
    marks: at.map((m) => ({ x: m.x, y: toWire(binaryEntropy(m.x, unit)), label: m.label, name: m.name, series: m.series })),
    marksLeftOff: 0,
  };
}

const DISTRIBUTION_LABELS = { bernoulli: 'Bernoulli', multinoulli: 'Multinoulli (categorical)', normal: 'Normal (unit variance)' } as const;

function lossView(evaluation: LossEvaluation, precision: number, fmt: (x: number) => string): LossView {
  const loss = evaluation.loss;
  const per = evaluation.perSample;
  const formula = formulasOf(evaluation, precision)[0]!;
  const perSample = barChart({
    id: 'perSample',
    title: 'Loss of each sample',
    caption: `The ${loss.toUpperCase()} of each sample; the batch loss is their mean, ${fmt(evaluation.value)}.`,
    series: [loss === 'mse' ? 'squared error' : `loss (${evaluation.unit})`],
    n: per.length,
    label: (i) => `sample ${i}`,
    value: (i) => per[i]!,
    score: (i) => per[i]!,
    fold: 'mean',
    signed: false,
    fmt,
  });
  const curve = lossCurve(evaluation, fmt);
  return {
    name: loss,
    label: LOSS_LABELS[loss],
    distribution: DISTRIBUTION_LABELS[evaluation.distribution],
    reason: evaluation.reason,
    samples: evaluation.samples,
    derivation: derivationOf(evaluation, precision).map((s) => ({ caption: s.caption, tex: s.tex })),
    formula: { id: formula.id, title: formula.title, tex: formula.tex, substituted: formula.substituted },
    perSample,
    ...(curve ? { curve } : { curveMissing: 'The targets are soft labels, so no single label’s probability decides each sample’s loss: there is no −log p curve to mark them on.' }),
    equivalences: equivalences(evaluation, precision),
  };
}

function lossCurve(evaluation: LossEvaluation, fmt: (x: number) => string): CurveChart | undefined {
  const scale = natsPerUnit(evaluation.unit);
  const per = evaluation.perSample;
  const kept = topIndices(per.length, MAX_MARKS, (i) => per[i]!);
  const leftOff = per.length - kept.length;
  if (evaluation.loss === 'mse') {
    const f = evaluation.predictions;
    const y = evaluation.targets;
    let reach = 1;
    for (const i of kept) reach = Math.max(reach, Math.abs(f[i]! - y[i]!));
    reach *= 1.15;
    const halfLog2Pi = (0.5 * Math.log(2 * Math.PI)) / scale;
    const mse = Array.from({ length: CURVE_POINTS }, (_, k) => {
      const r = -reach + (2 * reach * k) / (CURVE_POINTS - 1);
      return [r, r * r] as const;
    });
    const nll = mse.map(([r, r2]) => [r, halfLog2Pi + (0.5 * r2) / scale] as const);
    return {
      id: 'lossCurve',
      title: 'Loss as a function of the prediction',
      caption: `Squared error (y − f)² and the Normal NLL ½ log 2π + ½ (y − f)² against the residual f − y: both are lowest at f = y, so minimising one minimises the other.`,
      xLabel: 'residual f − y',
      yLabel: 'loss',
      x: [-reach, reach],
      // Both lines fit: the NLL sits above the parabola by ½ log 2π near zero.
      y: [0, Math.max(reach * reach, nll[0]![1]) * 1.05],
      lines: [
        { name: '(y − f)²', points: mse },
        { name: `NLL (${evaluation.unit})`, points: nll },
      ],
      marks: kept.map((i) => {
        const r = f[i]! - y[i]!;
        return { x: r, y: toWire(r * r), label: `sample ${i}: f − y = ${fmt(r)}` };
      }),
      marksLeftOff: leftOff,
    };
  }
  const observed = evaluation.observedProbability;
  if (!observed) return undefined;
  const log = evaluation.unit === 'nats' ? 'ln' : evaluation.unit === 'bits' ? 'log₂' : 'log₁₀';
  const floor = 0.005;
  const points = Array.from({ length: CURVE_POINTS }, (_, k) => {
    // Denser near 0, where the curve climbs.
    const x = floor * Math.pow(1 / floor, k / (CURVE_POINTS - 1));
    return [x, -Math.log(x) / scale] as const;
  });
  let top = -Math.log(0.02) / scale;
  for (const i of kept) if (Number.isFinite(per[i]!)) top = Math.max(top, per[i]!);
  return {
    id: 'lossCurve',
    title: 'Loss as a function of the prediction',
    caption: `Each sample’s loss is −${log} p of the probability p the model gives its observed label: 0 at p = 1, growing without bound as p → 0.`,
    xLabel: 'p of the observed label',
    yLabel: `−${log} p (${evaluation.unit})`,
    x: [0, 1],
    y: [0, top * 1.1],
    lines: [{ name: `−${log} p`, points }],
    marks: kept.map((i) => ({ x: observed[i]!, y: toWire(per[i]!), label: `sample ${i}: p = ${fmt(observed[i]!)}` })),
    marksLeftOff: leftOff,
  };
}

function equivalences(evaluation: LossEvaluation, precision: number): EquivalenceView[] {
  const out: EquivalenceView[] = [];
  const num = (x: number) => texNumber(x, precision);
  if (evaluation.twoClassBce !== undefined) {
    out.push({
      title: 'With two classes, CCE is BCE',
      caption: 'The categorical cross-entropy over two classes, and the binary cross-entropy on the second class’s probability, on these numbers:',
      tex: `\\mathcal{L}_{\\mathrm{CCE}} = ${num(evaluation.value)} \\qquad \\mathcal{L}_{\\mathrm{BCE}} = ${num(evaluation.twoClassBce)}`,
    });
  }
  if (evaluation.distribution === 'normal' && evaluation.gaussianNll !== undefined) {
    const scale = natsPerUnit(evaluation.unit);
    const log = logSymbol(evaluation.unit);
    const loge = evaluation.unit === 'nats' ? '' : `\\,${log} e`;
    out.push({
      title: 'Minimising the Normal NLL is minimising MSE',
      caption: 'The NLL is a constant, ½ log 2π, plus half the MSE: neither the constant nor the ½ moves the minimum. Both halves, on these numbers:',
      tex: `\\mathrm{NLL} = \\underbrace{\\tfrac12 ${log} 2\\pi}_{${num((0.5 * Math.log(2 * Math.PI)) / scale)}} + \\underbrace{\\tfrac12\\,\\mathrm{MSE}${loge}}_{${num((0.5 * evaluation.value) / scale)}} = ${num(evaluation.gaussianNll)}`,
    });
  }
  return out;
}
