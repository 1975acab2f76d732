import { LiteralError, type SourceRange } from './errors';
import { messageNumber, NEGATIVE_NOISE, NORMALISATION_TOLERANCE } from './interpret';
import { nonFinite } from './log-softmax';
import { contextOf, isMatrix, type Matrix, type Vector } from './shape';
import { CompensatedSum } from './summation';

/**
 * How a loss reads its numbers (issue 9 rows 1, 2 and 5): finite targets and predictions, binary
 * predictions with float noise at the edges of [0, 1] clipped, prediction rows that sum to 1 as
 * printed (to 4 decimals, say) read as probabilities and renormalised, one reading for the batch.
 * Every adjustment is a warning naming the element or the row.
 */

/** Targets or predictions as one flat array (row-major for a matrix), named element by element. */
export interface Flat {
  readonly values: Float64Array;
  readonly range: SourceRange;
  /** 1 for a vector; the columns of a matrix. */
  readonly columns: number;
  elementRange(index: number): SourceRange;
}

export function flatten(value: Vector | Matrix): Flat {
  if (!isMatrix(value)) return { values: value.values, range: value.range, columns: 1, elementRange: (i) => value.elementRange(i) };
  const columns = value.columns;
  return { values: value.values, range: value.range, columns, elementRange: (i) => value.row(Math.floor(i / columns)).elementRange(i % columns) };
}

/** "prediction 3" for a vector, "prediction [1, 2]" (row, column, numpy's indexing) for a matrix. */
export function elementName(flat: Flat, index: number, noun: string): string {
  return flat.columns === 1 ? `${noun} ${index}` : `${noun} [${Math.floor(index / flat.columns)}, ${index % flat.columns}]`;
}

/** Targets must be finite numbers: NaN or ±∞ is an error at the element (issue 9 row 1). */
export function checkFiniteTargets(targets: Flat): void {
  const values = targets.values;
  for (let i = 0; i < values.length; i++) {
    if (values[i] - values[i] !== 0) {
      throw new LiteralError('non-finite', `${elementName(targets, i, 'target')} is ${String(values[i])}: a loss needs finite targets`, targets.elementRange(i));
    }
  }
}

/** Real-valued predictions (MSE) must be finite too. */
export function checkFinitePredictions(predictions: Flat): void {
  const values = predictions.values;
  for (let i = 0; i < values.length; i++) {
    if (values[i] - values[i] !== 0) throw notFinitePrediction(predictions, i);
  }
}

function notFinitePrediction(predictions: Flat, i: number): LiteralError {
  return new LiteralError('non-finite', `${elementName(predictions, i, 'prediction')} is ${String(predictions.values[i])}: a loss needs finite predictions`, predictions.elementRange(i));
}

/** How predictions were read: the values to use, probabilities or logits, and what was said about it. */
export interface PredictionReading {
  readonly values: Float64Array;
  readonly fromLogits: boolean;
  readonly note: string;
  readonly warnings: readonly string[];
}

export type PredictionMode = 'auto' | 'probs' | 'logits';

/** How far outside [0, 1] a binary prediction may be and still be a probability: float noise such as 1.0000001. */
export const PROBABILITY_NOISE = 1e-6;

/**
 * Bernoulli predictions: logits when asked (or under a `logits` key) or when a value lies outside
 * [0, 1] by more than float noise; otherwise probabilities, with values within 1e-6 outside [0, 1]
 * clipped into it and named in a warning. NaN and +∞ are errors; −∞ is a logit of probability 0.
 */
export function readBinaryPredictions(predictions: Flat, mode: PredictionMode): PredictionReading {
  const values = predictions.values;
  for (let i = 0; i < values.length; i++) if (!(values[i] < Infinity)) throw notFinitePrediction(predictions, i);
  if (mode === 'logits') return { values, fromLogits: true, note: 'Predictions read as logits (sigmoid), as BCEWithLogitsLoss does.', warnings: [] };
  const outside = values.findIndex((v) => !(v >= -PROBABILITY_NOISE && v <= 1 + PROBABILITY_NOISE));
  if (outside >= 0 && mode === 'probs') {
    if (values[outside] === -Infinity) throw notFinitePrediction(predictions, outside);
    throw new LiteralError('invalid-probability', `${elementName(predictions, outside, 'prediction')} is ${messageNumber(values[outside])}, not a probability in [0, 1]`, predictions.elementRange(outside));
  }
  if (outside >= 0) {
    return {
      values,
      fromLogits: true,
      note: `${capitalise(elementName(predictions, outside, 'prediction'))} (${messageNumber(values[outside])}) lies outside [0, 1], so the predictions are read as logits (sigmoid), as BCEWithLogitsLoss does.`,
      warnings: [],
    };
  }
  const clipped: number[] = [];
  let clean = values;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0 || values[i] > 1) {
      if (clean === values) clean = values.slice();
      clean[i] = values[i] < 0 ? 0 : 1;
      clipped.push(i);
    }
  }
  const warnings = clipped.length === 0 ? [] : [`clipped to [0, 1]: ${listed(clipped, (i) => `${elementName(predictions, i, 'prediction')} (${messageNumber(values[i])})`)} ${clipped.length === 1 ? 'lies' : 'lie'} within 1e-6 outside it, float noise rather than a logit`];
  return { values: clean, fromLogits: false, note: 'Predictions read as probabilities (every one lies in [0, 1]), as BCELoss does.', warnings };
}

/**
 * How far from 1 a prediction row may sum and still be a probability row, renormalised with a
 * warning: printed probabilities lose up to C·½·10⁻ᵈ to rounding (PyTorch prints 4 decimals:
 * [0.3333, 0.3333, 0.3333]), and a row of logits has no reason to sum to 1.
 */
export const PRINTED_ROW_TOLERANCE = 0.01;

/**
 * Categorical predictions, one reading for the whole batch: logits when asked (or under a `logits`
 * key), or when any value is negative beyond float noise (−∞ included, a masked class); otherwise
 * probability rows when every row sums to 1 within PRINTED_ROW_TOLERANCE (or `probs` was asked
 * for), each row off by more than rounding renormalised with a warning naming it; other
 * non-negative rows are logits, with a warning saying why and how to read them as probabilities.
 */
export function readPredictionRows(predictions: Matrix, mode: PredictionMode): PredictionReading {
  const { values, columns: k, rows: n } = predictions;
  const context = (i: number) => contextOf(predictions.row(i), `row ${i} of the predictions`);
  for (let j = 0; j < values.length; j++) if (!(values[j] < Infinity)) throw nonFinite(context(Math.floor(j / k)), j % k, values[j]);
  const logitsNote = 'Predictions read as logits (log-softmax per row), as CrossEntropyLoss does.';
  if (mode === 'logits') return { values, fromLogits: true, note: logitsNote, warnings: [] };
  const negative = values.findIndex((v) => v < -NEGATIVE_NOISE);
  if (negative >= 0) {
    const row = Math.floor(negative / k);
    const x = values[negative];
    if (mode === 'probs') {
      throw new LiteralError('negative-count', `element ${negative % k} of row ${row} of the predictions is ${messageNumber(x)}, but probabilities cannot be negative`, predictions.row(row).elementRange(negative % k));
    }
    const what = x === -Infinity ? '−∞ (a masked class, probability 0)' : `negative (${messageNumber(x)})`;
    return { values, fromLogits: true, note: `Element ${negative % k} of row ${row} of the predictions is ${what}, so every row was read as logits (log-softmax per row), as CrossEntropyLoss does.`, warnings: [] };
  }
  const warnings: string[] = [];
  const clean = withoutNoise(values, k, warnings);
  const sums = rowSums(clean, n, k);
  const zero = sums.findIndex((s) => s === 0);
  const probabilityLike = zero < 0 && sums.every((s) => Math.abs(s - 1) <= PRINTED_ROW_TOLERANCE);
  if (mode === 'probs' && zero >= 0) {
    throw new LiteralError('invalid-probability', `row ${zero} of the predictions sums to 0: there is no distribution to renormalise`, predictions.row(zero).range);
  }
  if (mode === 'probs' || probabilityLike) {
    const off: number[] = [];
    sums.forEach((s, i) => {
      if (Math.abs(s - 1) > NORMALISATION_TOLERANCE) off.push(i);
    });
    if (off.length > 0) warnings.push(`renormalised: ${listed(off, (i) => `row ${i} of the predictions sums to ${messageNumber(sums[i])}`)}, not 1; each row was divided by its sum`);
    const how = mode === 'probs' ? 'as requested' : `every row is non-negative and sums to 1${off.length > 0 ? ` within ${PRINTED_ROW_TOLERANCE}` : ''}`;
    return { values: clean, fromLogits: false, note: `Predictions read as probability rows (${how}), as NLLLoss on their log does.`, warnings };
  }
  const far = zero >= 0 ? zero : sums.findIndex((s) => !(Math.abs(s - 1) <= PRINTED_ROW_TOLERANCE));
  warnings.push(`read as logits (log-softmax per row): row ${far} of the predictions sums to ${messageNumber(sums[far])}, not 1, so the rows are not probabilities; read them with --as probs to have each row normalised`);
  return { values, fromLogits: true, note: logitsNote, warnings };
}

/** Prediction rows divided by their sums: the distributions the model gives. */
export function normalisedRows(values: Float64Array, classes: number): Float64Array {
  const n = values.length / classes;
  const sums = rowSums(values, n, classes);
  const out = new Float64Array(values.length);
  for (let j = 0; j < values.length; j++) out[j] = values[j] / sums[Math.floor(j / classes)];
  return out;
}

function rowSums(values: Float64Array, n: number, k: number): number[] {
  const acc = new CompensatedSum();
  const sums: number[] = [];
  for (let i = 0; i < n; i++) {
    acc.reset();
    for (let j = i * k; j < (i + 1) * k; j++) acc.add(values[j]);
    sums.push(acc.value());
  }
  return sums;
}

/** Values within NEGATIVE_NOISE below 0 set to 0, with one warning naming them. */
function withoutNoise(values: Float64Array, k: number, warnings: string[]): Float64Array {
  const zeroed: number[] = [];
  for (let j = 0; j < values.length; j++) if (values[j] < 0) zeroed.push(j);
  if (zeroed.length === 0) return values;
  const clean = values.slice();
  for (const j of zeroed) clean[j] = 0;
  warnings.push(`read as 0: ${listed(zeroed, (j) => `element ${j % k} of row ${Math.floor(j / k)} (${messageNumber(values[j])})`)} of the predictions ${zeroed.length === 1 ? 'lies' : 'lie'} within ${NEGATIVE_NOISE} below 0, float noise rather than a logit`);
  return clean;
}

/** The first three, then "and N more". */
function listed(indices: readonly number[], name: (i: number) => string): string {
  const shown = indices.slice(0, 3).map(name).join(', ');
  return indices.length > 3 ? `${shown} and ${indices.length - 3} more` : shown;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
