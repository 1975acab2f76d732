// Losses as cross-entropies under three output distributions (math.md, "Losses"), in nats.
//
// Inputs are validated by the caller (shapes, label ranges, probabilities in [0, 1]: loss-read.ts
// and the loss builders). Means follow PyTorch's default
// reduction='mean' and are compensated sums divided by the number of samples. The arithmetic of
// each framework, and the options, are in conventions.ts; these are its plain cases.

import { binaryPerSample, categoricalPerSample, KERAS_EPSILON, reduce, TORCH_LOG_CLAMP, type CategoricalTargets } from './conventions';
import type { VectorContext } from './errors';

export type { CategoricalTargets };
export { KERAS_EPSILON };

/** A loss per sample and its mean. */
export interface LossValues {
  perSample: Float64Array;
  /** The mean over samples (PyTorch reduction='mean'); +Infinity if any sample is. */
  value: number;
  /** The first sample whose loss is +Infinity, -1 if none. */
  infiniteAt: number;
}

/** ½ ln 2π, the constant in the Normal negative log-likelihood. */
export const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** PyTorch's BCELoss clamps each log at this value. */
export const PYTORCH_LOG_CLAMP = TORCH_LOG_CLAMP;

const ONE = Float64Array.of(1);

function assertLength(actual: number, expected: number, what: string): void {
  if (actual !== expected) throw new Error(`${what}: length ${actual}, expected ${expected}`);
}

/** Mean and first infinite sample of per-sample losses. */
function summarise(perSample: Float64Array): LossValues {
  const reduced = reduce(perSample, perSample.length);
  return { perSample, value: reduced.mean, infiniteAt: reduced.infiniteAt };
}

// ---------------------------------------------------------------------------------------------
// Bernoulli: binary cross-entropy

/**
 * Binary cross-entropy, the NLL of a Bernoulli output: −[y ln p + (1 − y) ln(1 − p)] with
 * 0 · ln 0 = 0, from probabilities as PyTorch's BCELoss without its clamp (so +∞ is reported
 * exactly; ln(1 − p) is log1p(−p), exact for small p), or from logits as BCEWithLogitsLoss.
 * Targets may be soft labels in [0, 1].
 */
export function binaryCrossEntropy(targets: Float64Array, predictions: Float64Array, fromLogits: boolean): LossValues {
  assertLength(predictions.length, targets.length, 'predictions');
  return summarise(binaryPerSample({ targets, predictions, fromLogits, posWeight: ONE, columns: 1 }, 'exact'));
}

/**
 * Per-sample BCE as PyTorch's nn.BCELoss reports it: each log clamped at −100, so a confident
 * wrong prediction costs 100 (times the label weight) instead of +∞. Uses log(1 − p) as PyTorch does.
 */
export function frameworkClampedBcePerSample(targets: Float64Array, predictions: Float64Array): Float64Array {
  assertLength(predictions.length, targets.length, 'predictions');
  return binaryPerSample({ targets, predictions, fromLogits: false, posWeight: ONE, columns: 1 }, 'torch');
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
  return binaryPerSample({ targets, predictions, fromLogits: false, posWeight: ONE, columns: 1 }, 'keras');
}

/** The mean BCE Keras reports: predictions clipped to [1e-7, 1 − 1e-7]. */
export function kerasClippedBce(targets: Float64Array, predictions: Float64Array): number {
  return summarise(kerasClippedBcePerSample(targets, predictions)).value;
}

// ---------------------------------------------------------------------------------------------
// Multinoulli: categorical cross-entropy

/**
 * Categorical cross-entropy, the NLL of a multinoulli (softmax) output: −Σ_k y_k ln p_k per row.
 * From logits, ln p is the row's log-softmax (nn.CrossEntropyLoss, with indices or probability
 * targets). From probability rows, ln p is ln of the row divided by its sum (so rows that sum to 1
 * within rounding, or printed to 4 decimals, give the loss of the distribution they stand for);
 * p_k = 0 for the target class gives +∞. 0 · ln 0 = 0 for soft labels.
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
  // No index is ignored here: the caller validated them all as classes.
  return summarise(categoricalPerSample({ targets, predictions, classes, fromLogits, smoothing: 0, ignoreIndex: -1, rowContext }, 'exact'));
}

/**
 * Keras' categorical cross-entropy on probability rows (keras.losses.categorical_crossentropy,
 * from_logits=False): each row divided by its sum, clipped to [1e-7, 1 − 1e-7], then −Σ y ln p, so
 * finite where the target class has probability 0.
 */
export function kerasClippedCce(targets: CategoricalTargets, predictions: Float64Array, classes: number): number {
  const noRows = () => {
    throw new Error('probability rows have no softmax');
  };
  return summarise(categoricalPerSample({ targets, predictions, classes, fromLogits: false, smoothing: 0, ignoreIndex: -1, rowContext: noRows }, 'keras')).value;
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
