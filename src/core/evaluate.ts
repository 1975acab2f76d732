import { count, LiteralError, spanning, type SourceRange } from './errors';
import { interpret } from './interpret';
import { readLiteral } from './reader';
import { crossEntropy, entropy, entropyAndTerms, jsDivergence, klDivergence, klTerms, maxEntropy } from './quantities';
import { contextOf, shapeAsJoint, shapeOf, type Matrix, type RowsMode, type Shaped, type Vector } from './shape';
import { evaluateJoint, type JointEvaluation } from './joint';
import { evaluatePairs, RowReading, type PairsEvaluation } from './pairs';
import { evaluateSequence, type SequenceEvaluation } from './sequence';
import { selectLoss, type LossEvaluation } from './loss-select';
import type { LossDefaults } from './loss-defaults';
import { givenOptions, OPTION_FLAGS, type LossOptions } from './loss-options';
import { perplexityOf } from './meaning';
import { predictionRows } from './predictions-only';
import { mean } from './summation';
import { natsPerUnit, type Interpretation, type InterpretationMode, type Interpreted, type LossMode, type MaybeInfinite, type PairFigures, type Unit, type EvaluationCommon } from './types';

/**
 * The pipeline every front end shares: read → shape → interpret → compute. Every figure in an
 * Evaluation is already in the chosen unit; nothing here formats text.
 */

export interface EvaluateOptions {
  readonly unit: Unit;
  readonly as: InterpretationMode;
  readonly loss: LossMode;
  /** Refuse literals with more elements than this (hovers use a small limit). */
  readonly maxElements?: number;
  /**
   * Read a table as a joint distribution of X (rows) and Y (columns): the CLI's `--as joint`. Apart
   * from `as` because it is a shape, not a way to read numbers: the editor's interpretation
   * setting and toggles do not offer it.
   */
  readonly joint?: boolean;
  /** The frameworks' loss options (--reduction, --weight, …); one that cannot apply is named, never dropped. */
  readonly lossOptions?: LossOptions;
  /** Loss options that apply where they fit, others left out: the editor's settings (loss-defaults.ts). */
  readonly lossDefaults?: LossDefaults;
  /**
   * How a list of two rows is read: a pair P, Q ('pair') or a batch of two distributions ('batch');
   * 'auto' (the default) reads two rows as a pair. See shapeOf.
   */
  readonly rows?: RowsMode;
}

export const DEFAULT_OPTIONS: EvaluateOptions = { unit: 'nats', as: 'auto', loss: 'auto' };

type Common = EvaluationCommon;

export interface DistributionEvaluation extends Common {
  readonly kind: 'distribution';
  readonly interpretation: Interpretation;
  readonly p: Interpreted;
  readonly labels?: readonly string[];
  readonly entropy: number;
  /** −pᵢ log pᵢ per element, in the unit. */
  readonly entropyTerms: Float64Array;
  /** log n in the unit: the entropy of the uniform distribution. */
  readonly maxEntropy: number;
  /** The numbers as written, before they were read (logits, counts…): the derivation starts from them. */
  readonly inputs?: Float64Array;
  /** e^H (H in nats): the number of equally likely values with the same uncertainty (absent where a view builds its own). */
  readonly perplexity?: number;
}

export interface PairEvaluation extends Common, PairFigures {
  readonly kind: 'pair';
  readonly interpretation: Interpretation;
  readonly interpretationQ: Interpretation;
  readonly p: Interpreted;
  readonly q: Interpreted;
  readonly labels?: readonly string[];
  /** pᵢ log(pᵢ/qᵢ) per element, and the reverse direction, in the unit. */
  readonly klTermsPQ: Float64Array;
  readonly klTermsQP: Float64Array;
  /** P's and Q's numbers as written, before they were read. */
  readonly inputs?: Float64Array;
  readonly inputsQ?: Float64Array;
}

export interface BatchEvaluation extends Common {
  readonly kind: 'batch';
  readonly interpretation: Interpretation;
  /** Each row's entropy, in the unit. */
  readonly entropies: Float64Array;
  /** The same as objects, made when first read: the CLI and a batch of millions need only `entropies`. */
  readonly rows: readonly { readonly entropy: number }[];
  readonly columns: number;
  readonly meanEntropy: number;
  readonly maxEntropy: number;
}

export type Evaluation = DistributionEvaluation | PairEvaluation | BatchEvaluation | LossEvaluation | PairsEvaluation | JointEvaluation | SequenceEvaluation;
export type { JointEvaluation, LossEvaluation, PairsEvaluation, SequenceEvaluation };

/** Reads and evaluates a literal. Throws LiteralError for anything wrong with the input. */
export function evaluateText(text: string, options: EvaluateOptions = DEFAULT_OPTIONS): Evaluation {
  const node = readLiteral(text);
  return evaluateShaped(options.joint ? shapeAsJoint(node) : shapeOf(node, options.rows), options);
}

export function evaluateShaped(shaped: Shaped, options: EvaluateOptions): Evaluation {
  checkSize(shaped, options.maxElements);
  const evaluation = evaluateKind(shaped, options);
  const warnings = [...(shaped.warnings ?? []), ...evaluation.warnings];
  if (isLossMode(options.loss) && evaluation.kind !== 'loss') {
    warnings.push(`the loss "${options.loss}" does not apply: ${KIND_PHRASES[evaluation.kind]} is not targets with predictions, so no loss was computed (a loss needs {"y": [...], "y_pred": [...]}, or two rows: targets, then predictions)`);
  }
  const unused = givenOptions(options.lossOptions).map((key) => OPTION_FLAGS[key]);
  if (unused.length > 0 && evaluation.kind !== 'loss') {
    warnings.push(`${unused.join(', ')} ${unused.length === 1 ? 'applies' : 'apply'} to a loss, but no loss was computed: ${evaluation.kind === 'batch' && shaped.kind === 'loss' ? 'the loss is off (--loss none)' : `${KIND_PHRASES[evaluation.kind]} is not targets with predictions`}`);
  }
  if (!shaped.notes && warnings.length === evaluation.warnings.length) return evaluation;
  return { ...evaluation, notes: [...(shaped.notes ?? []), ...evaluation.notes], warnings };
}

const KIND_PHRASES: Record<Exclude<Evaluation['kind'], 'loss'>, string> = {
  distribution: 'one distribution',
  pair: 'a pair',
  batch: 'a batch of rows',
  pairs: 'a batch of pairs',
  joint: 'a joint table',
  sequence: 'a sequence of token log-probabilities',
};

function evaluateKind(shaped: Shaped, options: EvaluateOptions): Evaluation {
  if (shaped.kind === 'loss' && options.loss === 'none') {
    const { rows, as, note, warnings } = predictionRows(shaped, options.as);
    // The note says how every row was read; the rows' own reasons would say "as requested".
    const batch = evaluateBatch(rows, as, options.unit);
    return { ...batch, notes: [note], warnings: [...(warnings ?? []), ...batch.warnings] };
  }
  if (shaped.kind === 'loss' || (shaped.kind === 'pair' && isLossMode(options.loss))) {
    return selectLoss(shaped, options);
  }
  switch (shaped.kind) {
    case 'distribution':
      return evaluateDistribution(shaped.p, shaped.forcedLogits ? 'logits' : options.as, options.unit);
    case 'pair':
      return evaluatePair(shaped.p, shaped.q, options);
    case 'batch':
      return evaluateBatch(shaped.rows, shaped.forcedLogits ? 'logits' : options.as, options.unit);
    case 'pairs':
      return evaluatePairs(shaped.p, shaped.q, options.as, options.unit);
    case 'joint':
      return evaluateJoint(shaped.table, options.as, options.unit);
    case 'sequence':
      return evaluateSequence(shaped, options.as, options.unit);
  }
}

function isLossMode(mode: LossMode): boolean {
  return mode === 'bce' || mode === 'cce' || mode === 'mse';
}

function evaluateDistribution(vector: Vector, as: InterpretationMode, unit: Unit): DistributionEvaluation {
  const p = interpret(vector.values, as, contextOf(vector, 'P'));
  const scale = natsPerUnit(unit);
  const h = entropyAndTerms(p);
  return {
    kind: 'distribution',
    unit,
    range: vector.range,
    interpretation: p.interpretation,
    notes: [p.reason],
    warnings: p.warnings,
    p,
    ...(vector.labels ? { labels: vector.labels } : {}),
    entropy: h.value / scale,
    entropyTerms: scaled(h.terms, scale),
    maxEntropy: maxEntropy(p.p.length) / scale,
    perplexity: perplexityOf(h.value),
    inputs: vector.values,
  };
}

function evaluatePair(pVector: Vector, qVector: Vector, options: EvaluateOptions): PairEvaluation {
  if (pVector.values.length !== qVector.values.length) {
    throw new LiteralError(
      'length-mismatch',
      `P has ${count(pVector.values.length, 'element')} but Q has ${qVector.values.length}: a pair needs vectors of the same length`,
      qVector.range,
    );
  }
  const p = interpret(pVector.values, options.as, contextOf(pVector, 'P'));
  const q = interpret(qVector.values, options.as, contextOf(qVector, 'Q'));
  const scale = natsPerUnit(options.unit);
  const warnings = [...p.warnings.map((w) => `P: ${w}`), ...q.warnings.map((w) => `Q: ${w}`)];
  const klPQ = klDivergence(p, q);
  const klQP = klDivergence(q, p);
  const cross = crossEntropy(p, q);
  if (klPQ.infiniteAt >= 0) {
    warnings.push(`D_KL(P‖Q) and H(P,Q) are infinite: Q is 0 at element ${klPQ.infiniteAt} where P is not`);
  }
  if (klQP.infiniteAt >= 0) warnings.push(`D_KL(Q‖P) is infinite: P is 0 at element ${klQP.infiniteAt} where Q is not`);
  return {
    kind: 'pair',
    unit: options.unit,
    range: spanning(pVector.range, qVector.range),
    interpretation: p.interpretation,
    interpretationQ: q.interpretation,
    notes: [`P: ${p.reason}`, `Q: ${q.reason}`],
    warnings,
    p,
    q,
    ...(pVector.labels ? { labels: pVector.labels } : {}),
    entropy: entropy(p) / scale,
    entropyQ: entropy(q) / scale,
    crossEntropy: inUnit(cross, scale),
    klPQ: inUnit(klPQ, scale),
    klQP: inUnit(klQP, scale),
    jsDivergence: jsDivergence(p, q) / scale,
    klTermsPQ: scaled(klTerms(p, q), scale),
    klTermsQP: scaled(klTerms(q, p), scale),
    inputs: pVector.values,
    inputsQ: qVector.values,
  };
}

/**
 * Each row's entropy and their mean, every row read one way (issue 9 row 11): a negative value
 * anywhere (beyond float noise) makes every row logits, as a batch of logits has; rows of
 * probabilities and of counts both normalise, so they share the batch.
 */
function evaluateBatch(rows: Matrix, as: InterpretationMode, unit: Unit): BatchEvaluation {
  const scale = natsPerUnit(unit);
  const reading = new RowReading(rows, as, BATCH);
  const entropies = new Float64Array(rows.rows);
  for (let i = 0; i < rows.rows; i++) entropies[i] = entropy(reading.read(i)) / scale;
  return withRowObjects({
    kind: 'batch',
    unit,
    range: rows.range,
    interpretation: reading.interpretation(),
    notes: [withoutName(reading.note())],
    warnings: reading.warnings.map(withoutName),
    entropies,
    columns: rows.columns,
    meanEntropy: mean(entropies),
    maxEntropy: maxEntropy(rows.columns) / scale,
  });
}

/**
 * A batch's `rows`, one object per row, made from `entropies` the first time they are read (a
 * property like any other to whoever reads, spreads or clones it): two million rows were two
 * million objects nobody read.
 */
function withRowObjects(batch: Omit<BatchEvaluation, 'rows'>): BatchEvaluation {
  let rows: readonly { readonly entropy: number }[] | undefined;
  return Object.defineProperty(batch, 'rows', {
    enumerable: true,
    get: () => (rows ??= Array.from(batch.entropies, (entropy) => ({ entropy }))),
  }) as BatchEvaluation;
}

/** What RowReading calls a plain batch in its messages ("row 3 of the batch"). */
const BATCH = 'the batch';

/** "the batch: …" and "the batch row 3: …" as a batch's own notes say them: "…", "row 3: …". */
function withoutName(text: string): string {
  const rest = text.startsWith(`${BATCH} `) ? text.slice(BATCH.length + 1) : text.startsWith(`${BATCH}: `) ? text.slice(BATCH.length + 2) : text;
  return rest.charAt(0).toUpperCase() === rest.charAt(0) || rest.startsWith('row ') ? rest : rest.charAt(0).toUpperCase() + rest.slice(1);
}

function checkSize(shaped: Shaped, maxElements: number | undefined): void {
  if (maxElements === undefined) return;
  const count = elementCount(shaped);
  if (count > maxElements) {
    throw new LiteralError('too-large', `${count.toLocaleString('en-US')} elements is more than this mode evaluates (${maxElements.toLocaleString('en-US')})`, rangeOf(shaped));
  }
}

function elementCount(shaped: Shaped): number {
  switch (shaped.kind) {
    case 'distribution':
      return shaped.p.values.length;
    case 'pair':
      return shaped.p.values.length + shaped.q.values.length;
    case 'batch':
      return shaped.rows.values.length;
    case 'loss':
      return shaped.targets.values.length + shaped.predictions.values.length;
    case 'pairs':
      return shaped.p.values.length + shaped.q.values.length;
    case 'joint':
      return shaped.table.values.length;
    case 'sequence':
      return shaped.logprobs.length;
  }
}

function rangeOf(shaped: Shaped): SourceRange {
  switch (shaped.kind) {
    case 'distribution':
      return shaped.p.range;
    case 'pair':
      return spanning(shaped.p.range, shaped.q.range);
    case 'batch':
      return shaped.rows.range;
    case 'loss':
      return spanning(shaped.targets.range, shaped.predictions.range);
    case 'pairs':
      return spanning(shaped.p.range, shaped.q.range);
    case 'joint':
      return shaped.table.range;
    case 'sequence':
      return shaped.range;
  }
}

function inUnit(value: MaybeInfinite, scale: number): MaybeInfinite {
  return { value: value.value / scale, infiniteAt: value.infiniteAt };
}

function scaled(values: Float64Array, scale: number): Float64Array {
  if (scale !== 1) for (let i = 0; i < values.length; i++) values[i] /= scale;
  return values;
}

