// Per-sample cross-entropies as each framework computes them (issue 9, item 3), with PyTorch's
// options: class weights, the positive weight, ignored targets and smoothed labels. The frameworks
// differ only in how a probability becomes a log (loss-options.ts, `Convention`); everything else —
// weights, smoothing, reduction — follows PyTorch's definitions in every convention.

import type { VectorContext } from './errors';
import type { Convention } from './loss-options';
import { normalise, sigmoid, softplus } from './log-softmax';
import { CompensatedSum, sum } from './summation';

/** PyTorch's BCELoss clamps each log at this value. */
export const TORCH_LOG_CLAMP = -100;

/** Keras' backend epsilon(): probabilities are clipped to [ε, 1 − ε]. */
export const KERAS_EPSILON = 1e-7;

/** scikit-learn's log_loss (since 1.5) clips to [ε, 1 − ε] with ε = np.finfo(float64).eps. */
export const SKLEARN_EPSILON = Number.EPSILON;

// ---------------------------------------------------------------------------------------------
// Bernoulli

/** Binary targets (already smoothed) against predictions, element by element (n×c, row-major). */
export interface BinaryProblem {
  readonly targets: Float64Array;
  readonly predictions: Float64Array;
  readonly fromLogits: boolean;
  /** The positive label's weight for each column (length `columns`), as BCEWithLogitsLoss broadcasts it. */
  readonly posWeight: Float64Array;
  readonly columns: number;
}

/**
 * −[w·y·ln p + (1 − y)·ln(1 − p)] per element under a convention, 0·ln 0 = 0. From logits, every
 * framework but scikit-learn (which takes probabilities only) computes it exactly:
 * w·y·softplus(−z) + (1 − y)·softplus(z), finite for every finite z, as BCEWithLogitsLoss does.
 */
export function binaryPerSample(problem: BinaryProblem, convention: Convention): Float64Array {
  const { targets, predictions, fromLogits, posWeight, columns } = problem;
  const out = new Float64Array(targets.length);
  const exactLogits = fromLogits && convention !== 'sklearn';
  for (let i = 0; i < targets.length; i++) {
    const y = targets[i];
    const w = posWeight[i % columns];
    const x = predictions[i];
    if (exactLogits) {
      // A zero coefficient skips its term: softplus may be +∞ for a −∞ logit, and 0 · ∞ is NaN.
      const positive = y === 0 || w === 0 ? 0 : w * y * softplus(-x);
      const negative = y === 1 ? 0 : (1 - y) * softplus(x);
      out[i] = positive + negative;
    } else {
      const p = fromLogits ? sigmoid(x) : x;
      const positive = y === 0 || w === 0 ? 0 : w * y * logOne(p, convention);
      const negative = y === 1 ? 0 : (1 - y) * logZero(p, convention);
      out[i] = 0 - (positive + negative); // 0 − x, not −x: no −0 for a perfect prediction
    }
  }
  return out;
}

/** ln p of the positive label. */
function logOne(p: number, convention: Convention): number {
  switch (convention) {
    case 'exact':
      return Math.log(p);
    case 'torch':
      return Math.max(Math.log(p), TORCH_LOG_CLAMP);
    case 'keras':
      return Math.log(clip(p, KERAS_EPSILON, 1 - KERAS_EPSILON));
    case 'sklearn':
      return Math.log(clip(p, SKLEARN_EPSILON, 1 - SKLEARN_EPSILON));
  }
}

/** ln(1 − p) of the negative label: log1p(−p) exactly; the frameworks' own log(1 − p) otherwise. */
function logZero(p: number, convention: Convention): number {
  switch (convention) {
    case 'exact':
      return Math.log1p(-p);
    case 'torch':
      return Math.max(Math.log(1 - p), TORCH_LOG_CLAMP);
    case 'keras':
      return Math.log(1 - clip(p, KERAS_EPSILON, 1 - KERAS_EPSILON));
    case 'sklearn':
      // log_loss turns p into the row [1 − p, p] and clips both entries.
      return Math.log(clip(1 - p, SKLEARN_EPSILON, 1 - SKLEARN_EPSILON));
  }
}

// ---------------------------------------------------------------------------------------------
// Multinoulli

/** Categorical targets: class indices (some may equal `ignoreIndex`), or rows of class weights (n×k). */
export type CategoricalTargets = { kind: 'indices'; indices: Int32Array } | { kind: 'rows'; rows: Float64Array };

export interface CategoricalProblem {
  readonly targets: CategoricalTargets;
  /** n×k, row-major: probability rows or logit rows. */
  readonly predictions: Float64Array;
  readonly classes: number;
  readonly fromLogits: boolean;
  /** Class weights w_c (length k), or undefined for all 1. */
  readonly weight?: Float64Array | undefined;
  /** ε: targets (1 − ε)·y + ε/k. */
  readonly smoothing: number;
  /** Index targets equal to this are left out (loss 0). */
  readonly ignoreIndex: number;
  /** Names row i in errors raised while taking its softmax. */
  readonly rowContext: (row: number) => VectorContext;
}

/**
 * −Σ_c w_c·ỹ_c·ln p_c per row under a convention, ỹ = (1 − ε)·y + ε/k, 0·ln 0 = 0. With index
 * targets that is PyTorch's (1 − ε)·w_y·(−ln p_y) + (ε/k)·Σ_c w_c·(−ln p_c); an ignored target's
 * loss is 0. From logits, ln p is the log-softmax in every framework but scikit-learn (which
 * clips the softmax). From probability rows: exact renormalises each row to sum 1; torch takes ln p
 * as given (nll_loss(log p), no clamp); keras rescales, then clips to [1e-7, 1 − 1e-7]; sklearn
 * clips to [ε, 1 − ε] without renormalising.
 */
export function categoricalPerSample(problem: CategoricalProblem, convention: Convention): Float64Array {
  const { targets, predictions, classes: k, smoothing, ignoreIndex, weight } = problem;
  const n = predictions.length / k;
  const out = new Float64Array(n);
  const logs = new Float64Array(k);
  const acc = new CompensatedSum();
  const spread = smoothing / k;
  const keep = 1 - smoothing;
  for (let i = 0; i < n; i++) {
    const label = targets.kind === 'indices' ? targets.indices[i] : -1;
    if (targets.kind === 'indices' && label === ignoreIndex) continue;
    rowLogs(problem, i, convention, logs);
    acc.reset();
    for (let c = 0; c < k; c++) {
      const y = targets.kind === 'indices' ? (c === label ? keep : 0) + spread : keep * targets.rows[i * k + c] + spread;
      const coefficient = weight ? weight[c] * y : y;
      // Skip before multiplying: 0 · ln 0 = 0.
      if (coefficient !== 0) acc.add(0 - coefficient * logs[c]);
    }
    out[i] = acc.value();
  }
  return out;
}

/** ln p_c of row i under a convention, into `logs`. */
function rowLogs(problem: CategoricalProblem, i: number, convention: Convention, logs: Float64Array): void {
  const { predictions, classes: k, fromLogits } = problem;
  const start = i * k;
  if (fromLogits && convention !== 'sklearn') {
    const { max, logNorm } = normalise(predictions, start, start + k, () => problem.rowContext(i));
    for (let c = 0; c < k; c++) logs[c] = Math.min(0, predictions[start + c] - max - logNorm);
    return;
  }
  if (fromLogits) {
    // scikit-learn takes probabilities: the softmax exp(z − max) / norm, then its clip.
    const { max, norm } = normalise(predictions, start, start + k, () => problem.rowContext(i));
    for (let c = 0; c < k; c++) logs[c] = Math.log(clip(Math.exp(predictions[start + c] - max) / norm, SKLEARN_EPSILON, 1 - SKLEARN_EPSILON));
    return;
  }
  const total = convention === 'exact' || convention === 'keras' ? sum(predictions, start, start + k) : 1;
  for (let c = 0; c < k; c++) {
    const p = predictions[start + c];
    switch (convention) {
      case 'exact':
        logs[c] = Math.log(p / total);
        break;
      case 'torch':
        logs[c] = Math.log(p);
        break;
      case 'keras':
        logs[c] = Math.log(clip(p / total, KERAS_EPSILON, 1 - KERAS_EPSILON));
        break;
      case 'sklearn':
        logs[c] = Math.log(clip(p, SKLEARN_EPSILON, 1 - SKLEARN_EPSILON));
        break;
    }
  }
}

/**
 * What a weighted mean divides by, as PyTorch: for class indices Σ w_{y_i} over the targets not
 * ignored (their count without weights); for target rows, and for BCE, the number of samples.
 */
export function meanDenominator(problem: CategoricalProblem): number {
  const { targets, weight, ignoreIndex } = problem;
  if (targets.kind === 'rows') return targets.rows.length / problem.classes;
  const acc = new CompensatedSum();
  for (let i = 0; i < targets.indices.length; i++) {
    const label = targets.indices[i];
    if (label !== ignoreIndex) acc.add(weight ? weight[label] : 1);
  }
  return acc.value();
}

// ---------------------------------------------------------------------------------------------

/** A reduction of per-sample losses: their sum, their mean (sum / denominator), the first +∞. */
export interface Reduced {
  readonly perSample: Float64Array;
  readonly sum: number;
  readonly mean: number;
  /** The first sample whose loss is +∞, or −1. */
  readonly infiniteAt: number;
}

export function reduce(perSample: Float64Array, denominator: number): Reduced {
  const acc = new CompensatedSum();
  let infiniteAt = -1;
  for (let i = 0; i < perSample.length; i++) {
    const x = perSample[i];
    if (x === Infinity && infiniteAt < 0) infiniteAt = i;
    acc.add(x);
  }
  const total = acc.value();
  return { perSample, sum: total, mean: total / denominator, infiniteAt };
}

function clip(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
