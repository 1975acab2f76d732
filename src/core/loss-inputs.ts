import { LiteralError, type VectorContext } from './errors';
import { NORMALISATION_TOLERANCE } from './interpret';
import { softmaxInto } from './log-softmax';
import { contextOf, isMatrix, type Matrix, type Vector } from './shape';
import { CompensatedSum } from './summation';

/**
 * The shapes and tests of a targets/predictions literal that the loss choice, the losses and the
 * no-loss reading (`--loss none`) share: what a prediction vector or row is, and how it is read.
 */

/** An n×1 matrix is a vector of n predictions. */
export function squeeze(value: Vector | Matrix): Vector | Matrix {
  if (!isMatrix(value) || value.columns !== 1) return value;
  return { values: value.values, range: value.range, elementRange: (i) => value.row(i).elementRange(0) };
}

/**
 * A vector of binary predictions as two-class rows: [1 − p, p], or logits [0, z] (softmax of [0, z]
 * is [1 − σ(z), σ(z)], so both give the Bernoulli distribution). A matrix is returned as it is.
 */
export function twoColumns(value: Vector | Matrix, asLogits: boolean): Matrix {
  if (isMatrix(value)) return value;
  const n = value.values.length;
  const values = new Float64Array(n * 2);
  const logits = asLogits || firstOutside01(value.values) >= 0;
  for (let i = 0; i < n; i++) {
    const x = value.values[i];
    values[i * 2] = logits ? 0 : 1 - x;
    values[i * 2 + 1] = x;
  }
  return {
    rows: n,
    columns: 2,
    values,
    range: value.range,
    row: (i) => ({ values: values.subarray(i * 2, i * 2 + 2), range: value.elementRange(i), elementRange: () => value.elementRange(i) }),
  };
}

export function asVector(value: Vector | Matrix, name: string): Vector {
  const squeezed = squeeze(value);
  if (isMatrix(squeezed)) throw new LiteralError('shape', `${name} must be one value per sample`, squeezed.range);
  return squeezed;
}

export function isBinary(values: Float64Array): boolean {
  return values.every((v) => v === 0 || v === 1);
}

/** The first value outside [0, 1] (NaN included), or −1. */
export function firstOutside01(values: Float64Array): number {
  return values.findIndex((v) => !(v >= 0 && v <= 1));
}

/** Every row non-negative with a (compensated) sum within NORMALISATION_TOLERANCE of 1. */
export function isProbabilityRows(matrix: Matrix): boolean {
  const { rows, columns, values } = matrix;
  const acc = new CompensatedSum();
  for (let i = 0; i < rows; i++) {
    acc.reset();
    for (let j = i * columns; j < (i + 1) * columns; j++) {
      const v = values[j];
      if (!(v >= 0)) return false;
      acc.add(v);
    }
    if (Math.abs(acc.value() - 1) > NORMALISATION_TOLERANCE) return false;
  }
  return true;
}

/** The class index of each one-hot row, or undefined when any row is soft. */
export function oneHotLabels(targets: Matrix): Int32Array | undefined {
  const labels = new Int32Array(targets.rows);
  for (let i = 0; i < targets.rows; i++) {
    let hot = -1;
    for (let j = 0; j < targets.columns; j++) {
      const v = targets.values[i * targets.columns + j];
      if (v === 1 && hot < 0) hot = j;
      else if (v !== 0) return undefined;
    }
    if (hot < 0) return undefined;
    labels[i] = hot;
  }
  return labels;
}

/** The context naming row i of the predictions, for errors raised while reading it. */
export function predictionRow(matrix: Matrix): (row: number) => VectorContext {
  return (i) => contextOf(matrix.row(i), `row ${i} of the predictions`);
}

/** Softmax of each row, row-major. */
export function softmaxRows(matrix: Matrix): Float64Array {
  const out = new Float64Array(matrix.values.length);
  const rowContext = predictionRow(matrix);
  for (let i = 0; i < matrix.rows; i++) softmaxInto(matrix.values, i * matrix.columns, (i + 1) * matrix.columns, () => rowContext(i), out);
  return out;
}
