import { LiteralError, type SourceRange } from './errors';
import { messageNumber, NEGATIVE_NOISE, NORMALISATION_TOLERANCE } from './interpret';
import type { Matrix } from './shape';
import { CompensatedSum } from './summation';
import { natsPerUnit, type InterpretationMode, type Unit, type EvaluationCommon } from './types';

/**
 * A joint distribution of two variables given as a table: X indexes the rows, Y the columns, and the
 * cells are P(X = i, Y = j) or counts (a contingency table, as scikit-learn's
 * `mutual_info_score(contingency=…)` takes). Every figure is computed from its own terms rather than
 * as a difference of entropies, so a mutual information near 0 keeps its digits; the identities
 * I(X;Y) = H(X) + H(Y) − H(X,Y) and H(X|Y) = H(X,Y) − H(Y) hold to rounding.
 */
export interface JointEvaluation extends EvaluationCommon {
  readonly kind: 'joint';
  readonly interpretation: 'probs' | 'counts';
  readonly rows: number;
  readonly columns: number;
  /** P(X = i, Y = j), row-major, summing to 1. */
  readonly table: Float64Array;
  /** P(X = i): the row sums. */
  readonly marginalX: Float64Array;
  /** P(Y = j): the column sums. */
  readonly marginalY: Float64Array;
  readonly jointEntropy: number;
  readonly entropyX: number;
  readonly entropyY: number;
  readonly conditionalEntropyXGivenY: number;
  readonly conditionalEntropyYGivenX: number;
  readonly mutualInformation: number;
}

export function evaluateJoint(matrix: Matrix, as: InterpretationMode, unit: Unit): JointEvaluation {
  if (as === 'logits' || as === 'logprobs') {
    throw new LiteralError('shape', `a joint table holds probabilities or counts, so it cannot be read as ${as}: choose "auto", "probs" or "counts"`, matrix.range);
  }
  const { rows, columns } = matrix;
  const { values, noise, rescaled } = checked(matrix);
  const rowSums = new Float64Array(rows);
  const columnSums = sumsOfColumns(values, rows, columns);
  const total = new CompensatedSum();
  const acc = new CompensatedSum();
  for (let i = 0; i < rows; i++) {
    acc.reset();
    for (let j = i * columns; j < (i + 1) * columns; j++) acc.add(values[j]);
    rowSums[i] = acc.value();
    total.add(rowSums[i]);
  }
  const n = total.value();
  if (n === 0) throw new LiteralError('invalid-probability', 'the values of the joint table sum to 0', matrix.range);

  const joint = new CompensatedSum();
  const xGivenY = new CompensatedSum();
  const yGivenX = new CompensatedSum();
  const mutual = new CompensatedSum();
  const table = new Float64Array(values.length);
  for (let i = 0; i < rows; i++) {
    const a = rowSums[i];
    for (let j = 0; j < columns; j++) {
      const c = values[i * columns + j];
      const p = c / n;
      table[i * columns + j] = p;
      if (c === 0) continue;
      const b = columnSums[j];
      joint.add(-p * logRatio(c, n));
      xGivenY.add(-p * Math.log(c / b));
      yGivenX.add(-p * Math.log(c / a));
      // ln(p_ij / (p_i p_j)) = ln((c/a)(n/b)): a ratio of counts, never a difference of large logs.
      mutual.add(p * Math.log((c / a) * (n / b)));
    }
  }
  const scale = natsPerUnit(unit);
  const hx = marginalEntropy(rowSums, n);
  const hy = marginalEntropy(columnSums, n);
  const read = reading(n, as, rescaled);
  return {
    kind: 'joint',
    unit,
    range: matrix.range,
    notes: [read.reason, `X indexes the ${rows} rows and Y the ${columns} columns.`],
    warnings: noise.length > 0 ? [noiseWarning(noise, matrix), ...read.warnings] : read.warnings,
    interpretation: read.interpretation,
    rows,
    columns,
    table,
    marginalX: rowSums.map((a) => a / n),
    marginalY: columnSums.map((b) => b / n),
    jointEntropy: Math.max(0, joint.value()) / scale,
    entropyX: hx / scale,
    entropyY: hy / scale,
    conditionalEntropyXGivenY: Math.max(0, xGivenY.value()) / scale,
    conditionalEntropyYGivenX: Math.max(0, yGivenX.value()) / scale,
    // Rounding is the only way outside [0, min(H(X), H(Y))].
    mutualInformation: Math.min(hx, hy, Math.max(0, mutual.value())) / scale,
  };
}

/**
 * The values checked (finite, non-negative), float noise within NEGATIVE_NOISE below 0 set to 0
 * (issue 9 row 11; `noise` lists those cells), and divided by their largest when their sum overflows.
 */
function checked(matrix: Matrix): { values: Float64Array; noise: number[]; rescaled: boolean } {
  let values = matrix.values;
  const noise: number[] = [];
  let largest = 0;
  const acc = new CompensatedSum();
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v < 0 && v >= -NEGATIVE_NOISE) {
      if (noise.length === 0) values = values.slice();
      noise.push(k);
      values[k] = 0;
      continue;
    }
    if (!(v >= 0) || v === Infinity) {
      const { where, range } = cell(matrix, k);
      if (!Number.isFinite(v)) throw new LiteralError('non-finite', `${where} is ${String(v)}`, range);
      throw new LiteralError('negative-count', `${where} is negative (${messageNumber(v)}), but probabilities and counts cannot be negative`, range);
    }
    if (v > largest) largest = v;
    acc.add(v);
  }
  const rescaled = acc.value() === Infinity;
  return { values: rescaled ? values.map((v) => v / largest) : values, noise, rescaled };
}

function cell(matrix: Matrix, k: number): { where: string; range: SourceRange } {
  const row = Math.floor(k / matrix.columns);
  const column = k % matrix.columns;
  return { where: `row ${row}, column ${column} of the joint table`, range: matrix.row(row).elementRange(column) };
}

function noiseWarning(noise: readonly number[], matrix: Matrix): string {
  const shown = noise.slice(0, 3).map((k) => `${cell(matrix, k).where} (${messageNumber(matrix.values[k])})`);
  const more = noise.length > 3 ? ` and ${noise.length - 3} more` : '';
  return `read as 0: ${shown.join(', ')}${more}, within ${NEGATIVE_NOISE} below 0: float noise`;
}


function sumsOfColumns(values: Float64Array, rows: number, columns: number): Float64Array {
  const sums = new Float64Array(columns);
  const compensations = new Float64Array(columns);
  // Neumaier's accumulator, one per column, so a tall table is read once in row order.
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const x = values[i * columns + j];
      const s = sums[j];
      const t = s + x;
      compensations[j] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      sums[j] = t;
    }
  }
  for (let j = 0; j < columns; j++) sums[j] += compensations[j];
  return sums;
}

/** ln(c / n), exact even when the quotient is subnormal. */
function logRatio(c: number, n: number): number {
  const p = c / n;
  return p >= 2.2250738585072014e-308 ? Math.log(p) : Math.log(c) - Math.log(n);
}

/** −Σ (s/n) ln(s/n) over the marginal sums s, in nats. */
function marginalEntropy(sums: Float64Array, n: number): number {
  const acc = new CompensatedSum();
  for (const s of sums) if (s > 0) acc.add(-(s / n) * logRatio(s, n));
  return Math.max(0, acc.value());
}

function reading(n: number, as: 'auto' | 'probs' | 'counts', rescaled: boolean): { interpretation: 'probs' | 'counts'; reason: string; warnings: string[] } {
  const sumsToOne = !rescaled && Math.abs(n - 1) <= NORMALISATION_TOLERANCE;
  const interpretation = as === 'auto' ? (sumsToOne ? 'probs' : 'counts') : as;
  const shown = rescaled ? 'more than the largest double' : messageNumber(n);
  const warnings = sumsToOne ? [] : [`normalised: the values summed to ${shown}`];
  if (as !== 'auto') return { interpretation, reason: `Read as a joint table of ${as === 'probs' ? 'probabilities' : 'counts'}, as requested.`, warnings };
  const reason = sumsToOne
    ? 'All values are non-negative and sum to 1, so they were read as the joint probabilities P(X = i, Y = j).'
    : `All values are non-negative but sum to ${shown}, not 1, so they were read as counts (a contingency table) and normalised.`;
  return { interpretation, reason, warnings };
}
