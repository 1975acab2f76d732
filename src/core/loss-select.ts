import { LiteralError, spanning, type SourceRange } from './errors';
import { sigmoid } from './log-softmax';
import {
  asVector,
  firstOutside01,
  isBinary,
  isProbabilityRows,
  logitDifference,
  oneHotLabels,
  predictionRow,
  sameLength,
  softmaxRows,
  squeeze,
  twoColumns,
} from './loss-inputs';
import {
  binaryCrossEntropy,
  categoricalCrossEntropy,
  frameworkClampedBce,
  kerasClippedBce,
  kerasClippedCce,
  meanSquaredError,
  validateBinaryTargets,
  validateClassIndices,
  validateProbabilities,
  type CategoricalTargets,
  type LossValues,
} from './losses';
import { isMatrix, type Matrix, type Shaped, type Vector } from './shape';
import { LOSS_LABELS, natsPerUnit, type LossMode, type LossName, type OutputDistribution, type Unit } from './types';

/**
 * Picks the loss a targets/predictions literal implies (or checks the one the user forced), validates
 * labels against it with source ranges, and computes it. The choice and its reason travel with the
 * result as notes.
 */

export interface LossEvaluation {
  readonly kind: 'loss';
  readonly unit: Unit;
  readonly range: SourceRange;
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
  readonly loss: LossName;
  readonly distribution: OutputDistribution;
  /** How the predictions were read. */
  readonly interpretation: 'probs' | 'logits';
  /** Why this loss: one sentence. */
  readonly reason: string;
  /** Mean over samples (PyTorch's reduction='mean'); in the unit for BCE/CCE, plain for MSE. */
  readonly value: number;
  readonly perSample: Float64Array;
  /** First sample whose loss is +Infinity, or -1. */
  readonly infiniteAt: number;
  readonly samples: number;
  /** Classes for CCE (2 for BCE, 0 for MSE). */
  readonly classes: number;
  /** Targets as given: labels (BCE), class indices or rows (CCE), real values (MSE). */
  readonly targets: Float64Array;
  /** Predictions as given (probabilities or logits), row-major for CCE. */
  readonly predictions: Float64Array;
  /** Probabilities the model gives (sigmoid / softmax of logits), row-major for CCE; MSE: predictions. */
  readonly probabilities: Float64Array;
  /** Per sample, the probability given to the observed label, where labels are hard (BCE/CCE). */
  readonly observedProbability?: Float64Array;
  /** MSE only: mean of ½ log 2π + ½ (y − f)², in the unit, and per sample. */
  readonly gaussianNll?: number;
  readonly perSampleNll?: Float64Array;
  /** CCE with two classes: BCE on the second column, which equals the CCE. */
  readonly twoClassBce?: number;
  /** When the exact loss is +∞: what PyTorch (log clamped at −100) and Keras (clip 1e-7) report. */
  readonly frameworks?: { readonly pytorch: number; readonly keras: number };
}

interface LossOptions {
  readonly unit: Unit;
  readonly as: string;
  readonly loss: LossMode;
}

type LossShaped = Extract<Shaped, { kind: 'loss' }> | Extract<Shaped, { kind: 'pair' }>;

export function selectLoss(shaped: LossShaped, options: LossOptions): LossEvaluation {
  const { targets, predictions, logitsKey } =
    shaped.kind === 'pair'
      ? { targets: shaped.p as Vector | Matrix, predictions: shaped.q as Vector | Matrix, logitsKey: false }
      : { targets: shaped.targets, predictions: shaped.predictions, logitsKey: shaped.predictionsAreLogits };
  const asLogits = options.as === 'logits' || logitsKey;
  if (options.as === 'counts' || options.as === 'logprobs') {
    throw new LiteralError('shape', `predictions are read as probabilities or logits, not ${options.as}: choose "auto", "probs" or "logits"`, predictions.range);
  }
  const forcedProbs = options.as === 'probs';
  const loss: Choice =
    options.loss === 'none' || options.loss === 'auto'
      ? autoLoss(targets, predictions)
      : { name: options.loss, reason: `${LOSS_LABELS[options.loss]} was chosen explicitly` };
  const scale = natsPerUnit(options.unit);
  switch (loss.name) {
    case 'bce':
      return bce(targets, predictions, { asLogits, forcedProbs, scale, unit: options.unit, reason: loss.reason });
    case 'cce':
      return cce(targets, predictions, { asLogits, forcedProbs, scale, unit: options.unit, reason: loss.reason });
    case 'mse':
      return mse(targets, predictions, { scale, unit: options.unit, reason: loss.reason });
  }
}

interface Choice {
  readonly name: LossName;
  readonly reason: string;
}

function autoLoss(targets: Vector | Matrix, predictions: Vector | Matrix): Choice {
  const preds = squeeze(predictions);
  if (!isMatrix(targets)) {
    if (isMatrix(preds)) {
      return { name: 'cce', reason: `one label per sample and ${preds.columns} scores per sample: class indices against a categorical (Multinoulli) output` };
    }
    if (isBinary(targets.values)) {
      return { name: 'bce', reason: 'every target is 0 or 1 and there is one prediction per sample: a Bernoulli output' };
    }
    return { name: 'mse', reason: 'the targets are real numbers, not class labels: a unit-variance Normal output' };
  }
  if (isMatrix(preds) && isProbabilityRows(targets)) {
    return { name: 'cce', reason: 'each target row is a probability row (one-hot or soft labels): a categorical (Multinoulli) output' };
  }
  return { name: 'mse', reason: 'the target rows are real numbers, not probability rows: a unit-variance Normal output' };
}

interface ProbOptions {
  readonly asLogits: boolean;
  readonly forcedProbs: boolean;
  readonly scale: number;
  readonly unit: Unit;
  readonly reason: string;
}

function bce(targets: Vector | Matrix, predictions: Vector | Matrix, options: ProbOptions): LossEvaluation {
  const preds = squeeze(predictions);
  if (isMatrix(preds)) {
    throw new LiteralError('shape', `binary cross-entropy needs one prediction per sample; these predictions have ${preds.columns} per sample (use categorical cross-entropy)`, preds.range);
  }
  const y = asVector(targets, 'the targets');
  sameLength(y, preds);
  validateBinaryTargets(y.values, y.elementRange);
  const outside = firstOutside01(preds.values);
  const fromLogits = options.asLogits || (!options.forcedProbs && outside >= 0);
  if (!fromLogits) validateProbabilities(preds.values, preds.elementRange);
  const notes = [sentence(options.reason)];
  if (fromLogits) {
    notes.push(sentence(options.asLogits ? 'predictions read as logits (sigmoid), as BCEWithLogitsLoss does' : `prediction ${outside} (${preds.values[outside]}) lies outside [0, 1], so the predictions are read as logits (sigmoid), as BCEWithLogitsLoss does`));
  } else {
    notes.push(sentence('predictions read as probabilities (every one lies in [0, 1]), as BCELoss does'));
  }
  const values = binaryCrossEntropy(y.values, preds.values, fromLogits);
  const probabilities = fromLogits ? preds.values.map(sigmoid) : preds.values;
  const warnings: string[] = [];
  const frameworks =
    values.infiniteAt >= 0 && !fromLogits
      ? scaledFrameworks({ pytorch: frameworkClampedBce(y.values, preds.values), keras: kerasClippedBce(y.values, preds.values) }, options.scale)
      : undefined;
  if (values.infiniteAt >= 0) {
    const i = values.infiniteAt;
    warnings.push(
      `sample ${i}: prediction ${preds.values[i]} for label ${y.values[i]} gives log 0, so the loss is +∞` +
        (frameworks ? `; PyTorch's BCELoss clamps each log at −100 and would report ${short(frameworks.pytorch)}, Keras clips predictions to [1e-7, 1 − 1e-7] and would report ${short(frameworks.keras)}` : ''),
    );
  }
  return crossEntropyResult('bce', targets, predictions, options, {
    notes,
    warnings,
    fromLogits,
    values,
    samples: y.values.length,
    classes: 2,
    targets: y.values,
    predictions: preds.values,
    probabilities,
    ...(isBinary(y.values) ? { observedProbability: y.values.map((label, i) => (label === 1 ? probabilities[i]! : 1 - probabilities[i]!)) } : {}),
    ...(frameworks ? { frameworks } : {}),
  });
}

function cce(targets: Vector | Matrix, predictions: Vector | Matrix, options: ProbOptions): LossEvaluation {
  const preds = twoColumns(squeeze(predictions), options.asLogits);
  const n = preds.rows;
  const k = preds.columns;
  const notes = [sentence(options.reason)];
  let categorical: CategoricalTargets;
  let labels: Int32Array | undefined;
  if (isMatrix(targets)) {
    if (targets.rows !== n || targets.columns !== k) {
      throw new LiteralError('length-mismatch', `the targets are ${targets.rows}×${targets.columns} but the predictions are ${n}×${k}`, targets.range);
    }
    for (let i = 0; i < targets.values.length; i++) {
      if (targets.values[i]! < 0) {
        throw new LiteralError('invalid-probability', `target row ${Math.floor(i / k)} has a negative entry (${targets.values[i]}): target rows must be one-hot or soft labels`, targets.row(Math.floor(i / k)).elementRange(i % k));
      }
    }
    categorical = { kind: 'rows', rows: targets.values };
    labels = oneHotLabels(targets);
    notes.push(sentence(labels ? 'targets are one-hot rows' : 'targets are soft-label rows'));
  } else {
    if (targets.values.length !== n) {
      throw new LiteralError('length-mismatch', `${targets.values.length} targets but ${n} prediction rows`, targets.range);
    }
    labels = validateClassIndices(targets.values, k, targets.elementRange);
    categorical = { kind: 'indices', indices: labels };
    notes.push(sentence('targets are class indices'));
  }
  const probabilityRows = isProbabilityRows(preds);
  const fromLogits = options.asLogits || (!options.forcedProbs && !probabilityRows);
  if (!fromLogits && !probabilityRows) {
    throw new LiteralError('invalid-probability', 'with "probs", every prediction row must be non-negative and sum to 1', preds.range);
  }
  notes.push(sentence(fromLogits ? 'predictions read as logits (log-softmax per row), as CrossEntropyLoss does' : 'predictions read as probability rows, as NLLLoss on their log does'));
  const values = categoricalCrossEntropy(categorical, preds.values, k, fromLogits, predictionRow(preds));
  const probabilities = fromLogits ? softmaxRows(preds) : preds.values;
  const warnings: string[] = [];
  // On probability rows PyTorch's NLLLoss(log p) has no clamp: its figure is the exact one.
  const frameworks =
    values.infiniteAt >= 0 && !fromLogits ? scaledFrameworks({ pytorch: values.value, keras: kerasClippedCce(categorical, preds.values, k) }, options.scale) : undefined;
  if (values.infiniteAt >= 0) {
    warnings.push(
      `sample ${values.infiniteAt}: the model gives probability 0 to the target class, so the loss is +∞` +
        (frameworks ? `; PyTorch's NLLLoss on log p reports +∞ too, Keras clips probabilities to [1e-7, 1 − 1e-7] and would report ${short(frameworks.keras)}` : ''),
    );
  }
  let twoClassBce: number | undefined;
  if (k === 2 && labels) {
    const p1 = new Float64Array(n);
    for (let i = 0; i < n; i++) p1[i] = probabilities[i * 2 + 1]!;
    twoClassBce = binaryCrossEntropy(Float64Array.from(labels), fromLogits ? logitDifference(preds) : p1, fromLogits).value / options.scale;
    notes.push(sentence('with two classes, categorical cross-entropy equals binary cross-entropy on the second class’s probability'));
  }
  return crossEntropyResult('cce', targets, predictions, options, {
    notes,
    warnings,
    fromLogits,
    values,
    samples: n,
    classes: k,
    targets: targets.values,
    predictions: preds.values,
    probabilities,
    ...(labels ? { observedProbability: observedProbability(labels, probabilities, k) } : {}),
    ...(twoClassBce !== undefined ? { twoClassBce } : {}),
    ...(frameworks ? { frameworks } : {}),
  });
}

/** The probability each row gives its label. */
function observedProbability(labels: Int32Array, probabilities: Float64Array, classes: number): Float64Array {
  const out = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = probabilities[i * classes + labels[i]];
  return out;
}

/** What BCE and CCE compute beyond the fields every cross-entropy result has. */
type CrossEntropyParts = Pick<LossEvaluation, 'notes' | 'warnings' | 'samples' | 'classes' | 'targets' | 'predictions' | 'probabilities' | 'observedProbability' | 'twoClassBce' | 'frameworks'> & {
  readonly fromLogits: boolean;
  readonly values: LossValues;
};

/** A BCE or CCE result: Bernoulli or Multinoulli, the loss scaled to the unit. */
function crossEntropyResult(loss: 'bce' | 'cce', targets: Vector | Matrix, predictions: Vector | Matrix, options: ProbOptions, parts: CrossEntropyParts): LossEvaluation {
  const { fromLogits, values, ...rest } = parts;
  return {
    kind: 'loss',
    unit: options.unit,
    range: spanning(targets.range, predictions.range),
    loss,
    distribution: loss === 'bce' ? 'bernoulli' : 'multinoulli',
    interpretation: fromLogits ? 'logits' : 'probs',
    reason: options.reason,
    ...scaledLoss(values, options.scale),
    ...rest,
  };
}

function mse(targets: Vector | Matrix, predictions: Vector | Matrix, options: { scale: number; unit: Unit; reason: string }): LossEvaluation {
  if (targets.values.length !== predictions.values.length) {
    throw new LiteralError('length-mismatch', `${targets.values.length} targets but ${predictions.values.length} predictions: MSE compares them one to one`, predictions.range);
  }
  const values = meanSquaredError(targets.values, predictions.values);
  return {
    kind: 'loss',
    unit: options.unit,
    range: spanning(targets.range, predictions.range),
    notes: [sentence(options.reason), sentence('minimising the Normal negative log-likelihood ½ log 2π + ½ (y − f)² is minimising MSE: the constant and the factor ½ do not move the minimum')],
    warnings: [],
    loss: 'mse',
    distribution: 'normal',
    interpretation: 'probs',
    reason: options.reason,
    value: values.value,
    perSample: values.perSample,
    infiniteAt: values.infiniteAt,
    samples: targets.values.length,
    classes: 0,
    targets: targets.values,
    predictions: predictions.values,
    probabilities: predictions.values,
    gaussianNll: values.gaussianNll / options.scale,
    perSampleNll: options.scale === 1 ? values.perSampleNll : values.perSampleNll.map((v) => v / options.scale),
  };
}

function scaledLoss(values: LossValues, scale: number): { value: number; perSample: Float64Array; infiniteAt: number } {
  return {
    value: values.value / scale,
    perSample: scale === 1 ? values.perSample : values.perSample.map((v) => v / scale),
    infiniteAt: values.infiniteAt,
  };
}

function scaledFrameworks(values: { pytorch: number; keras: number }, scale: number): { pytorch: number; keras: number } {
  return { pytorch: values.pytorch / scale, keras: values.keras / scale };
}

/** A note as the other notes read: a sentence with a capital and a full stop. */
function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith('.') ? '' : '.'}`;
}

function short(x: number): string {
  return Number(x.toPrecision(6)).toString();
}
