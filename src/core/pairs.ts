import { count, LiteralError, spanning, type SourceRange, type VectorContext } from './errors';
import { interpret, messageNumber, NEGATIVE_NOISE, NORMALISATION_TOLERANCE } from './interpret';
import { logSumExp } from './log-softmax';
import { crossEntropy, entropy, jsDivergence, klDivergence } from './quantities';
import type { Matrix } from './shape';
import { CompensatedSum } from './summation';
import { natsPerUnit, type Interpretation, type InterpretationMode, type Interpreted, type MaybeInfinite, type PairFigures, type Unit, type EvaluationCommon } from './types';

/**
 * A batch of pairs: row i of P against row i of Q, as PyTorch's `kl_div` takes a batch. Each row
 * gets the pair's figures; the top-level figures are their means over rows, which for KL is
 * `kl_div(input=log q, target=p, reduction='batchmean')`: the sum over every element divided by
 * the number of rows.
 */

export type PairsRow = PairFigures;

/** The top-level figures are the means over rows; an infinite mean's infiniteAt is the first infinite row. */
export interface PairsEvaluation extends PairFigures, EvaluationCommon {
  readonly kind: 'pairs';
  /** How P's rows were read (one reading for every row), and Q's. */
  readonly interpretation: Interpretation;
  readonly interpretationQ: Interpretation;
  readonly columns: number;
  readonly rows: readonly PairsRow[];
}

/** Warnings about infinite rows stop after this many: a batch may have thousands. */
const INFINITE_ROWS_NAMED = 3;

export function evaluatePairs(p: Matrix, q: Matrix, as: InterpretationMode, unit: Unit): PairsEvaluation {
  if (p.rows !== q.rows || p.columns !== q.columns) {
    throw new LiteralError(
      'length-mismatch',
      `P is ${p.rows}×${p.columns} but Q is ${q.rows}×${q.columns}: a batch of pairs needs one row of Q for each row of P, of the same length`,
      q.range,
    );
  }
  const readP = new RowReading(p, as, 'P');
  const readQ = new RowReading(q, as, 'Q');
  const scale = natsPerUnit(unit);
  const warnings: string[] = [];
  const rows: PairsRow[] = [];
  const means = { entropy: new CompensatedSum(), entropyQ: new CompensatedSum(), crossEntropy: new CompensatedSum(), klPQ: new CompensatedSum(), klQP: new CompensatedSum(), js: new CompensatedSum() };
  const firstInfinite = { crossEntropy: -1, klPQ: -1, klQP: -1 };
  let infiniteRows = 0;
  for (let i = 0; i < p.rows; i++) {
    // Row by row, so only one row of each side is held as a distribution at a time.
    const pi = readP.read(i);
    const qi = readQ.read(i);
    const row: PairsRow = {
      entropy: entropy(pi) / scale,
      entropyQ: entropy(qi) / scale,
      crossEntropy: inUnit(crossEntropy(pi, qi), scale),
      klPQ: inUnit(klDivergence(pi, qi), scale),
      klQP: inUnit(klDivergence(qi, pi), scale),
      jsDivergence: jsDivergence(pi, qi) / scale,
    };
    rows.push(row);
    means.entropy.add(row.entropy);
    means.entropyQ.add(row.entropyQ);
    means.js.add(row.jsDivergence);
    for (const key of ['crossEntropy', 'klPQ', 'klQP'] as const) {
      if (row[key].infiniteAt >= 0 && firstInfinite[key] < 0) firstInfinite[key] = i;
      means[key].add(row[key].value);
    }
    if (row.klPQ.infiniteAt >= 0 || row.klQP.infiniteAt >= 0) {
      if (infiniteRows++ < INFINITE_ROWS_NAMED) warnings.push(infiniteWarning(i, row));
    }
  }
  if (infiniteRows > INFINITE_ROWS_NAMED) warnings.push(`… and ${count(infiniteRows - INFINITE_ROWS_NAMED, 'more row')} with an infinite KL divergence`);
  const n = p.rows;
  const mean = (acc: CompensatedSum) => acc.value() / n;
  warnings.unshift(...readP.warnings, ...readQ.warnings);
  return {
    kind: 'pairs',
    unit,
    range: spanning(p.range, q.range),
    notes: [
      readP.note(),
      readQ.note(),
      `The top-level figures are means over the ${n} rows; for KL that is PyTorch's kl_div(input=log Q, target=P, reduction='batchmean'), which is D_KL(P‖Q).`,
    ],
    warnings,
    interpretation: readP.interpretation(),
    interpretationQ: readQ.interpretation(),
    columns: p.columns,
    rows,
    entropy: mean(means.entropy),
    entropyQ: mean(means.entropyQ),
    crossEntropy: { value: mean(means.crossEntropy), infiniteAt: firstInfinite.crossEntropy },
    klPQ: { value: mean(means.klPQ), infiniteAt: firstInfinite.klPQ },
    klQP: { value: mean(means.klQP), infiniteAt: firstInfinite.klQP },
    jsDivergence: mean(means.js),
  };
}

/** Warnings from the rows stop after this many. */
const ROW_WARNINGS = 20;

/**
 * Every row of a matrix read one way (math.md's rules applied to the whole batch), one row at a
 * time: in `auto`, a negative value anywhere (float noise within NEGATIVE_NOISE of 0 aside, which
 * each row's reading zeroes with a warning) makes every row logits, or log-probabilities when no
 * value is positive and every row's log-sum-exp is 0; otherwise each row is probabilities or counts,
 * which normalise to the same numbers (the batch is called counts if any row is).
 */
export class RowReading {
  /** The reading every row gets; `auto` only when the matrix has no negative value. */
  private readonly mode: InterpretationMode;
  private readonly negative: number;
  private counts = false;
  private firstReason = '';
  private sameReason = true;
  readonly warnings: string[] = [];

  constructor(
    private readonly matrix: Matrix,
    as: InterpretationMode,
    private readonly name: string,
  ) {
    this.negative = as === 'auto' ? firstBelow(matrix.values, -NEGATIVE_NOISE) : -1;
    this.mode = this.negative < 0 ? as : allLogProbabilities(matrix) ? 'logprobs' : 'logits';
  }

  read(i: number): Interpreted {
    const { matrix } = this;
    const values = matrix.values.subarray(i * matrix.columns, (i + 1) * matrix.columns);
    // Once the note's words are settled and the warnings are full, a row's words would be dropped: not composed.
    const quiet = !this.sameReason && this.warnings.length >= ROW_WARNINGS;
    const row = interpret(values, this.mode, new RowContext(matrix, i, this.name), quiet);
    if (row.interpretation === 'counts') this.counts = true;
    if (i === 0) this.firstReason = row.reason;
    else if (!quiet && row.reason !== this.firstReason) this.sameReason = false;
    for (const warning of row.warnings) if (this.warnings.length < ROW_WARNINGS) this.warnings.push(`${this.name} row ${i}: ${warning}`);
    return row;
  }

  /** After every row was read: the batch's reading. */
  interpretation(): Interpretation {
    if (this.mode !== 'auto') return this.mode;
    return this.counts ? 'counts' : 'probs';
  }

  /** After every row was read: how, and why, in one sentence. */
  note(): string {
    const { name, matrix, negative } = this;
    if (negative >= 0 && this.mode === 'logits') {
      const where = `element ${negative % matrix.columns} of row ${Math.floor(negative / matrix.columns)} is negative (${messageNumber(matrix.values[negative])})`;
      return `${name}: ${where}, so every row was read as logits (softmax), one reading for the whole batch.`;
    }
    if (negative >= 0) return `${name}: every value is at most 0 and each row's exponentials sum to 1, so every row was read as log-probabilities.`;
    if (this.sameReason) return `${name}: ${this.firstReason}`;
    const interpretation = this.interpretation();
    return `${name}: every row was read as ${interpretation === 'counts' ? 'counts and normalised' : interpretation} (row 0: ${this.firstReason})`;
  }
}

/** Row `index` under its name in messages ("row 3 of P"); name and ranges are made only when a message needs them. */
class RowContext implements VectorContext {
  constructor(
    private readonly matrix: Matrix,
    private readonly index: number,
    private readonly of: string,
  ) {}

  get name(): string {
    return `row ${this.index} of ${this.of}`;
  }

  get range(): SourceRange {
    return this.matrix.row(this.index).range;
  }

  elementRange(index: number): SourceRange {
    return this.matrix.row(this.index).elementRange(index);
  }
}

/** The first index of a value below `limit`, or -1: a plain loop, as a million rows are scanned. */
function firstBelow(values: Float64Array, limit: number): number {
  for (let i = 0; i < values.length; i++) if (values[i] < limit) return i;
  return -1;
}

function allLogProbabilities(matrix: Matrix): boolean {
  if (matrix.values.some((v) => v > 0)) return false;
  for (let i = 0; i < matrix.rows; i++) if (!(Math.abs(logSumExp(matrix.row(i).values)) <= NORMALISATION_TOLERANCE)) return false;
  return true;
}

function infiniteWarning(i: number, row: PairsRow): string {
  const parts: string[] = [];
  if (row.klPQ.infiniteAt >= 0) parts.push(`D_KL(P‖Q) and H(P,Q) are infinite: Q is 0 at element ${row.klPQ.infiniteAt} where P is not`);
  if (row.klQP.infiniteAt >= 0) parts.push(`D_KL(Q‖P) is infinite: P is 0 at element ${row.klQP.infiniteAt} where Q is not`);
  return `row ${i}: ${parts.join('; ')}`;
}

function inUnit(value: MaybeInfinite, scale: number): MaybeInfinite {
  return { value: value.value / scale, infiniteAt: value.infiniteAt };
}
