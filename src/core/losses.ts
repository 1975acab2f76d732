// Losses as cross-entropies under three output distributions (math.md, "Losses"), in nats.
//
// Inputs are validated by the caller (shapes, label ranges, probabilities in [0, 1]); the small
// validators at the end of this file are there for it to use. Means follow PyTorch's default
// reduction='mean' and are compensated sums divided by the number of samples.

import { LiteralError, type SourceRange, type VectorContext } from './errors';
import { messageNumber } from './interpret';
import { normalise, softplus } from './log-softmax';
import { CompensatedSum, sum } from './summation';

/** A loss per sample and its mean. */
export interface LossValues {
  perSample: Float64Array;
  /** The mean over samples (PyTorch reduction='mean'); +Infinity if any sample is. */
  value: number;
  /** The first sample whose loss is +Infinity, -1 if none. */
  infiniteAt: number;
}

/** Categorical targets: class indices, or one-hot / soft-label rows (row-major n×k). */
export type CategoricalTargets = { kind: 'indices'; indices: Int32Array } | { kind: 'rows'; rows: Float64Array };

/** ½ ln 2π, the constant in the Normal negative log-likelihood. */
export const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** PyTorch's BCELoss clamps each log at this value. */
export const PYTORCH_LOG_CLAMP = -100;

/** Keras' backend epsilon(): predictions are clipped to [ε, 1 − ε]. */
export const KERAS_EPSILON = 1e-7;

function assertLength(actual: number, expected: number, what: string): void {
  if (actual !== expected) throw new Error(`${what}: length ${actual}, expected ${expected}`);
}

/** Mean and first infinite sample of per-sample losses. */
function summarise(perSample: Float64Array): LossValues {
  const acc = new CompensatedSum();
  let infiniteAt = -1;
  for (let i = 0; i < perSample.length; i++) {
    const x = perSample[i];
    if (x === Infinity && infiniteAt < 0) infiniteAt = i;
    acc.add(x);
  }
  return { perSample, value: acc.value() / perSample.length, infiniteAt };
}

// ---------------------------------------------------------------------------------------------
// Bernoulli: binary cross-entropy

/**
 * −[y ln p + (1 − y) ln(1 − p)] with 0 · ln 0 = 0: exactly +∞ when p = 0 < y or y < 1 = p, and 0
 * for y = p ∈ {0, 1}. ln(1 − p) is log1p(−p), exact for small p (PyTorch's log(1 − p) differs
 * from it by at most one rounding of 1 − p, ~1e-16 absolute).
 */
function bceFromProbability(y: number, p: number): number {
  const positive = y === 0 ? 0 : y * Math.log(p);
  const negative = y === 1 ? 0 : (1 - y) * Math.log1p(-p);
  return 0 - (positive + negative); // 0 − x, not −x: no −0 for a perfect prediction
}

/** softplus(z) − z·y = max(z, 0) − z·y + log1p(e^−|z|): BCEWithLogitsLoss, finite for every finite z. */
function bceFromLogit(y: number, z: number): number {
  return softplus(z) - z * y;
}

/**
 * Binary cross-entropy, the NLL of a Bernoulli output: from probabilities as PyTorch's BCELoss
 * without its clamp (so +∞ is reported exactly), or from logits as BCEWithLogitsLoss. Targets
 * may be soft labels in [0, 1].
 */
export function binaryCrossEntropy(targets: Float64Array, predictions: Float64Array, fromLogits: boolean): LossValues {
  assertLength(predictions.length, targets.length, 'predictions');
  const perSample = new Float64Array(targets.length);
  for (let i = 0; i < targets.length; i++) {
    perSample[i] = fromLogits ? bceFromLogit(targets[i], predictions[i]) : bceFromProbability(targets[i], predictions[i]);
  }
  return summarise(perSample);
}

/**
 * Per-sample BCE as PyTorch's nn.BCELoss reports it: each log clamped at −100, so a confident
 * wrong prediction costs 100 (times the label weight) instead of +∞. Uses log(1 − p) as PyTorch does.
 */
export function frameworkClampedBcePerSample(targets: Float64Array, predictions: Float64Array): Float64Array {
  assertLength(predictions.length, targets.length, 'predictions');
  const out = new Float64Array(targets.length);
  for (let i = 0; i < targets.length; i++) {
    const y = targets[i];
    const p = predictions[i];
    const logP = Math.max(Math.log(p), PYTORCH_LOG_CLAMP);
    const log1mP = Math.max(Math.log(1 - p), PYTORCH_LOG_CLAMP);
    out[i] = 0 - (y * logP + (1 - y) * log1mP);
  }
  return out;
}

/** The mean BCE PyTorch's nn.BCELoss (reduction='mean') reports: each log clamped at −100. */
export function frameworkClampedBce(targets: Float64Array, predictions: Float64Array): number {
  return summarise(frameworkClampedBcePerSample(targets, predictions)).value;
}

/**
 * Per-sample BCE as Keras reports it (keras.losses.binary_crossentropy, from_logits=False):
 * predictions clipped to [1e-7, 1 − 1e-7], then the plain formula. Computed in float64; Keras
 * works in float32 by default, so its own figure agrees to about 1e-7 relative, not 1e-9.
 */
export function kerasClippedBcePerSample(targets: Float64Array, predictions: Float64Array): Float64Array {
  assertLength(predictions.length, targets.length, 'predictions');
  const out = new Float64Array(targets.length);
  for (let i = 0; i < targets.length; i++) {
    const y = targets[i];
    const p = clip(predictions[i], KERAS_EPSILON, 1 - KERAS_EPSILON);
    out[i] = 0 - (y * Math.log(p) + (1 - y) * Math.log(1 - p));
  }
  return out;
}

/** The mean BCE Keras reports: predictions clipped to [1e-7, 1 − 1e-7]. */
export function kerasClippedBce(targets: Float64Array, predictions: Float64Array): number {
  return summarise(kerasClippedBcePerSample(targets, predictions)).value;
}

// ---------------------------------------------------------------------------------------------
// Multinoulli: categorical cross-entropy

/**
 * −ln p at `index`: for logits −log-softmax = (max − z) + logNorm, exact when z is the max and
 * never cancelling large logits against each other; for probabilities −ln p as given.
 */
function negLogAt(predictions: Float64Array, index: number, fromLogits: boolean, max: number, logNorm: number): number {
  return fromLogits ? max - predictions[index] + logNorm : 0 - Math.log(predictions[index]);
}

/** −y ln p with 0 · ln 0 = 0 (so y = 0 never meets an infinite log). */
function weightedNegLog(y: number, negLog: number): number {
  return y === 0 ? 0 : y * negLog;
}

/**
 * Categorical cross-entropy, the NLL of a multinoulli (softmax) output: −Σ_k y_k ln p_k per row.
 * From logits, ln p is the row's log-softmax (nn.CrossEntropyLoss, with indices or probability
 * targets). From probability rows, ln p is ln of the row as given, not renormalised (nn.NLLLoss on
 * log(p)); p_k = 0 for the target class gives +∞. 0 · ln 0 = 0 for soft labels.
 */
export function categoricalCrossEntropy(
  targets: CategoricalTargets,
  predictions: Float64Array,
  classes: number,
  fromLogits: boolean,
  rowContext: (row: number) => VectorContext,
): LossValues {
  const n = predictions.length / classes;
  if (!Number.isInteger(n) || classes < 1) throw new Error(`predictions: length ${predictions.length} is not a multiple of ${classes}`);
  if (targets.kind === 'indices') assertLength(targets.indices.length, n, 'target indices');
  else assertLength(targets.rows.length, predictions.length, 'target rows');

  const perSample = new Float64Array(n);
  const acc = new CompensatedSum();
  for (let i = 0; i < n; i++) {
    const offset = i * classes;
    let max = 0;
    let logNorm = 0;
    if (fromLogits) {
      ({ max, logNorm } = normalise(predictions, offset, offset + classes, () => rowContext(i)));
    }
    if (targets.kind === 'indices') {
      perSample[i] = negLogAt(predictions, offset + targets.indices[i], fromLogits, max, logNorm);
    } else {
      acc.reset();
      for (let k = offset; k < offset + classes; k++) {
        const y = targets.rows[k];
        // Skip before computing the log: 0 · ln 0 = 0.
        if (y !== 0) acc.add(weightedNegLog(y, negLogAt(predictions, k, fromLogits, max, logNorm)));
      }
      perSample[i] = acc.value();
    }
  }
  return summarise(perSample);
}

/**
 * Keras' categorical cross-entropy on probability rows (keras.losses.categorical_crossentropy,
 * from_logits=False): each row divided by its sum, clipped to [1e-7, 1 − 1e-7], then −Σ y ln p, so
 * finite where the target class has probability 0. PyTorch has no clamp here: nn.NLLLoss(log p)
 * is +∞ for a zero at the target class (and a hand-written −(y * log p).sum() is NaN where y = 0
 * meets p = 0), so PyTorch's figure is the exact one.
 */
export function kerasClippedCce(targets: CategoricalTargets, predictions: Float64Array, classes: number): number {
  const n = predictions.length / classes;
  const perSample = new Float64Array(n);
  const rowAcc = new CompensatedSum();
  for (let i = 0; i < n; i++) {
    const offset = i * classes;
    const total = sum(predictions, offset, offset + classes);
    if (targets.kind === 'indices') {
      perSample[i] = -kerasLog(predictions[offset + targets.indices[i]], total);
    } else {
      rowAcc.reset();
      for (let k = offset; k < offset + classes; k++) {
        const y = targets.rows[k];
        if (y !== 0) rowAcc.add(weightedNegLog(y, -kerasLog(predictions[k], total)));
      }
      perSample[i] = rowAcc.value();
    }
  }
  return summarise(perSample).value;
}

// ---------------------------------------------------------------------------------------------
// Normal: mean squared error and the Gaussian NLL

/**
 * Mean squared error, mean (y − f)², and the NLL of a unit-variance Normal output N(y; f, 1),
 * ½ ln 2π + ½ (y − f)² per sample. Minimising one minimises the other: the NLL's mean is
 * ½ ln 2π + ½ MSE (the constant does not move the minimum; the ½ only scales the gradient).
 */
export function meanSquaredError(
  targets: Float64Array,
  predictions: Float64Array,
): LossValues & { gaussianNll: number; perSampleNll: Float64Array } {
  assertLength(predictions.length, targets.length, 'predictions');
  const perSample = new Float64Array(targets.length);
  const perSampleNll = new Float64Array(targets.length);
  for (let i = 0; i < targets.length; i++) {
    const r = targets[i] - predictions[i];
    perSample[i] = r * r;
    perSampleNll[i] = HALF_LOG_2PI + 0.5 * perSample[i];
  }
  const summary = summarise(perSample);
  return { ...summary, gaussianNll: HALF_LOG_2PI + 0.5 * summary.value, perSampleNll };
}

// ---------------------------------------------------------------------------------------------
// Validators for the caller: each reports the first bad element with its source range.

/** Labels for BCE: each in [0, 1] (soft labels allowed). */
export function validateBinaryTargets(targets: Float64Array, locate: (index: number) => SourceRange, name = 'target'): void {
  for (let i = 0; i < targets.length; i++) {
    const y = targets[i];
    if (!(y >= 0 && y <= 1)) {
      throw new LiteralError('label-out-of-range', `${name} ${i} is ${messageNumber(y)}; binary labels must lie in [0, 1]`, locate(i));
    }
  }
}

/** Probabilities for BCE or CCE: each in [0, 1]. */
export function validateProbabilities(values: Float64Array, locate: (index: number) => SourceRange, name = 'prediction'): void {
  for (let i = 0; i < values.length; i++) {
    const p = values[i];
    if (!(p >= 0 && p <= 1)) {
      throw new LiteralError('invalid-probability', `${name} ${i} is ${messageNumber(p)}, not a probability in [0, 1]`, locate(i));
    }
  }
}

/** Class indices for CCE: integers in [0, classes). */
export function validateClassIndices(indices: Float64Array, classes: number, locate: (index: number) => SourceRange, name = 'label'): Int32Array {
  const out = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const c = indices[i];
    if (!Number.isInteger(c) || c < 0 || c >= classes) {
      throw new LiteralError('label-out-of-range', `${name} ${i} is ${messageNumber(c)}, not a class index in 0…${classes - 1}`, locate(i));
    }
    out[i] = c;
  }
  return out;
}

/** Keras' ln of a probability: normalised by the row total, clipped to [ε, 1 − ε]. */
function kerasLog(p: number, total: number): number {
  return Math.log(clip(p / total, KERAS_EPSILON, 1 - KERAS_EPSILON));
}

function clip(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
