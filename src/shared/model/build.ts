import type { Evaluation, PairEvaluation } from '../../core/evaluate';
import type { PairsEvaluation } from '../../core/pairs';
import { describe, figuresOf, formatNumber, infiniteAtNoun } from '../../core/figures';
import { formulasOf } from '../../core/tex';
import type { PlaygroundBase, PlaygroundState } from '../playground';
import type { ViewName } from '../protocol';
import type { BarChart, CurveChart, FigureView, SourceView, ViewModel } from '../view-model';
import { toWire } from '../wire';
import { barChart } from './bars';
import { binaryEntropyCurve } from './curves';
import { jointView } from './joint';
import { lossView } from './loss';
import { baseOf } from './playground';
import { conditionOf } from './playground-text';
import { sequenceView } from './sequence';

export interface ViewModelOptions {
  readonly source: SourceView;
  readonly precision: number;
  /** The panel's view: in the loss view a literal without a loss says why. */
  readonly view: ViewName;
  /**
   * The page's playground: `evaluation` is `evaluationAt(base, state)`, and the model says so
   * (each figure's condition, the formulas' titles). Without it the model is of the literal as
   * written, and carries the base the page will play with.
   */
  readonly playground?: { readonly base: PlaygroundBase; readonly state: PlaygroundState };
  /**
   * false: no bar or curve charts for a distribution or a pair — a playground draw whose charts are
   * off screen keeps them as they were, and summarising 100,000 elements twice would be wasted.
   */
  readonly charts?: boolean;
}

/**
 * Builds the visualizer's view model from an Evaluation: everything the webview draws, formatted to the
 * chosen precision, long vectors summarised (bars.ts) so a message stays a few KiB whatever
 * the literal's length. Pure (no vscode API), so the unit tests build it exactly as the panel does,
 * and the page builds it again, with the same code, for every playground change.
 */
export function buildViewModel(evaluation: Evaluation, options: ViewModelOptions): ViewModel {
  const precision = options.precision;
  const fmt = (x: number) => formatNumber(x, precision);
  const base = options.playground?.base ?? baseOf(evaluation);
  const condition = options.playground && base ? conditionOf(base, options.playground.state) : undefined;
  const figures: FigureView[] = figuresOf(evaluation).map((figure) => ({
    key: figure.key,
    label: figure.label,
    tex: figure.tex,
    value: toWire(figure.value),
    display: fmt(figure.value),
    ...(figure.unit ? { unit: figure.unit } : {}),
    ...(figure.infiniteAt !== undefined ? { cause: `${infiniteAtNoun(evaluation)} ${figure.infiniteAt}` } : {}),
    ...(condition ? { condition } : {}),
  }));
  const titled = (title: string) => (condition ? `${title} (${condition})` : title);
  const formulas = formulasOf(evaluation, precision).map((f) => ({ id: f.id, title: titled(f.title), tex: f.tex, substituted: f.substituted }));
  const common = {
    kind: evaluation.kind,
    source: options.source,
    shape: describe(evaluation),
    unit: evaluation.unit,
    interpretation: evaluation.interpretation,
    // A loss's reason is shown under its output distribution ("Why: …"): not a second time as a note.
    notes: evaluation.kind === 'loss' ? evaluation.notes.filter((n) => !sameSentence(n, evaluation.reason)) : [...evaluation.notes],
    warnings: [...evaluation.warnings],
    figures,
    formulas,
    ...(base ? { playground: base } : {}),
    ...(condition ? { condition } : {}),
  };
  const lossUnavailable =
    options.view === 'loss' && evaluation.kind !== 'loss'
      ? 'This literal is not targets with predictions, so it has no loss: select an object such as {"y": [1, 0], "p": [0.9, 0.2]}, or choose BCE, CCE or MSE to read a pair as targets and predictions.'
      : undefined;
  const extra = lossUnavailable ? { lossUnavailable } : {};
  if (options.charts === false && (evaluation.kind === 'distribution' || evaluation.kind === 'pair')) return { ...common, bars: [], curves: [], ...extra };
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
          value: (i) => p[i],
          score: (i) => p[i],
          fold: 'sum',
          signed: false,
          fmt,
          draggable: base !== undefined,
          histogram: true,
        }),
      ];
      const curves = p.length === 2 ? [binaryEntropyCurve(evaluation.unit, [{ x: p[1], label: `p = ${fmt(p[1])} (P)`, name: 'P', series: 0 }])] : [];
      return { ...common, bars, curves, ...extra };
    }
    case 'pair':
      return { ...common, bars: pairBars(evaluation, fmt, base !== undefined), curves: pairCurves(evaluation, fmt), ...extra };
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
          value: (i) => rows[i].entropy,
          score: (i) => rows[i].entropy,
          fold: 'mean',
          signed: false,
          fmt,
          reference: { value: evaluation.maxEntropy, label: 'log n' },
        }),
      ];
      return { ...common, bars, curves: [], ...extra };
    }
    case 'loss':
      return { ...common, bars: [], curves: [], loss: lossView(evaluation, precision, fmt, titled, options.playground?.state.smoothing ?? 0) };
    case 'pairs':
      return { ...common, bars: [pairsBars(evaluation, fmt)], curves: [], ...extra };
    case 'joint':
      return { ...common, bars: [], curves: [], joint: jointView(evaluation, fmt), ...extra };
    case 'sequence':
      return { ...common, bars: [], curves: [], sequence: sequenceView(evaluation, fmt), ...extra };
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

function pairBars(evaluation: PairEvaluation, fmt: (x: number) => string, draggable: boolean): BarChart[] {
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
      value: (i, s) => (s === 0 ? p[i] : q[i]),
      score: (i) => Math.max(p[i], q[i]),
      fold: 'sum',
      signed: false,
      fmt,
      draggable,
      histogram: true,
    }),
    barChart({
      id: 'kl',
      title: 'Each element’s contribution to the KL divergences',
      caption: `pᵢ log(pᵢ/qᵢ) for D_KL(P‖Q) and qᵢ log(qᵢ/pᵢ) for D_KL(Q‖P), in ${evaluation.unit}. A term is negative where the other distribution is larger; each sum is still ≥ 0.`,
      series: ['D_KL(P‖Q) term', 'D_KL(Q‖P) term'],
      n,
      label,
      value: (i, s) => (s === 0 ? pq[i] : qp[i]),
      score: (i) => Math.max(Math.abs(pq[i]), Math.abs(qp[i])),
      fold: 'sum',
      signed: true,
      fmt,
    }),
  ];
}

function pairCurves(evaluation: PairEvaluation, fmt: (x: number) => string): CurveChart[] {
  if (evaluation.p.p.length !== 2) return [];
  const p = evaluation.p.p[1];
  const q = evaluation.q.p[1];
  return [
    binaryEntropyCurve(evaluation.unit, [
      { x: p, label: `p = ${fmt(p)} (P)`, name: 'P', series: 0 },
      { x: q, label: `q = ${fmt(q)} (Q)`, name: 'Q', series: 1 },
    ]),
  ];
}

/** Each row's two KL directions side by side: a batch of pairs is where the asymmetry hides in a mean. */
function pairsBars(evaluation: PairsEvaluation, fmt: (x: number) => string): BarChart {
  const rows = evaluation.rows;
  return barChart({
    id: 'pairs-kl',
    title: 'Both KL divergences of each row',
    caption:
      `D_KL(P‖Q) and D_KL(Q‖P) of each of the ${rows.length.toLocaleString('en-US')} rows, in ${evaluation.unit}; they differ, as KL is not symmetric. ` +
      "The mean of the first is PyTorch's kl_div(input=log q, target=p, reduction='batchmean'): the log of Q goes first, and the result is D_KL(P‖Q).",
    series: ['D_KL(P‖Q)', 'D_KL(Q‖P)'],
    n: rows.length,
    label: (i) => `row ${i}`,
    value: (i, s) => (s === 0 ? rows[i].klPQ.value : rows[i].klQP.value),
    score: (i) => Math.max(rows[i].klPQ.value, rows[i].klQP.value),
    fold: 'mean',
    signed: false,
    fmt,
  });
}
