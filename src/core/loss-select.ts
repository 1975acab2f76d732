import { LiteralError, spanning } from './errors';
import { bceLoss } from './loss-bce';
import { cceLoss } from './loss-cce';
import { isBinary, isProbabilityRows, squeeze } from './loss-inputs';
import { namingDefaults, withDefaults, type LossDefaults } from './loss-defaults';
import { givenOptions, inapplicable, lossOptionProblem, OPTION_FLAGS, type LossOptions } from './loss-options';
import { checkFinitePredictions, checkFiniteTargets, flatten } from './loss-read';
import type { LossBuild, LossEvaluation } from './loss-types';
import { HALF_LOG_2PI } from './losses';
import { isMatrix, type Matrix, type Shaped, type Vector } from './shape';
import { reduce } from './conventions';
import { LOSS_LABELS, natsPerUnit, type LossMode, type LossName, type Unit } from './types';

/**
 * Picks the loss a targets/predictions literal implies (or checks the one the user forced), checks
 * the loss options against it, and hands the numbers to the loss (loss-bce.ts, loss-cce.ts, MSE
 * here). The choice and its reason travel with the result as notes.
 */

export interface LossSelectOptions {
  readonly unit: Unit;
  readonly as: string;
  readonly loss: LossMode;
  readonly lossOptions?: LossOptions | undefined;
  /** Options that apply where they fit (the editor's settings); `lossOptions` win over them. */
  readonly lossDefaults?: LossDefaults | undefined;
}

export type { LossEvaluation };

type LossShaped = Extract<Shaped, { kind: 'loss' }> | Extract<Shaped, { kind: 'pair' }>;

export function selectLoss(shaped: LossShaped, options: LossSelectOptions): LossEvaluation {
  const given =
    shaped.kind === 'pair'
      ? { targets: shaped.p as Vector | Matrix, predictions: shaped.q as Vector | Matrix, logitsKey: false }
      : { targets: shaped.targets, predictions: shaped.predictions, logitsKey: shaped.predictionsAreLogits };
  const range = spanning(given.targets.range, given.predictions.range);
  if (options.as === 'counts' || options.as === 'logprobs') {
    throw new LiteralError('shape', `predictions are read as probabilities or logits, not ${options.as}: choose "auto", "probs" or "logits"`, given.predictions.range);
  }
  const asked = options.lossOptions ?? {};
  const problem = lossOptionProblem(asked);
  if (problem) throw new LiteralError('option', problem, range);
  // Keras' (N, 1) targets and predictions are one value per sample.
  const targets = squeeze(given.targets);
  const predictions = squeeze(given.predictions);
  const choice: Choice =
    options.loss === 'none' || options.loss === 'auto'
      ? autoLoss(targets, predictions)
      : { name: options.loss, reason: `${LOSS_LABELS[options.loss]} was chosen explicitly` };
  const setting = { loss: choice.name, targets: isMatrix(targets) ? 'rows' : 'indices' } as const;
  for (const key of givenOptions(asked)) {
    const why = inapplicable(key, setting);
    if (why) throw new LiteralError('option', why, range);
  }
  const lossOptions = withDefaults(asked, options.lossDefaults, setting, range);
  const build: LossBuild = {
    unit: options.unit,
    scale: natsPerUnit(options.unit),
    mode: options.as === 'logits' || given.logitsKey ? 'logits' : options.as === 'probs' ? 'probs' : 'auto',
    reason: choice.reason,
    reasonNote: sentence(choice.reason),
    options: lossOptions,
    reduction: lossOptions.reduction ?? 'mean',
    convention: lossOptions.convention ?? 'exact',
  };
  const evaluation = namingDefaults(asked, options.lossDefaults, () =>
    choice.name === 'bce' ? bceLoss(targets, predictions, build) : choice.name === 'cce' ? cceLoss(targets, predictions, build) : mse(targets, predictions, build),
  );
  // The flag only when it was given: a default's reduction came from the settings or Preview Loss.
  const flag = asked.reduction === undefined ? '' : ` (${OPTION_FLAGS.reduction})`;
  const reduction = build.reduction === 'mean' ? [] : [`Reduction "${build.reduction}"${flag}: ${build.reduction === 'sum' ? 'the value is the sum of the per-sample losses' : 'the per-sample losses are the value'}, as reduction='${build.reduction}' in PyTorch.`];
  if (givenOptions(lossOptions).length === 0) return evaluation;
  return { ...evaluation, notes: [...evaluation.notes, ...reduction], options: lossOptions };
}

interface Choice {
  readonly name: LossName;
  readonly reason: string;
}

function autoLoss(targets: Vector | Matrix, predictions: Vector | Matrix): Choice {
  if (!isMatrix(targets)) {
    if (isMatrix(predictions)) {
      return { name: 'cce', reason: `one label per sample and ${predictions.columns} scores per sample: class indices against a categorical (Multinoulli) output` };
    }
    if (isBinary(targets.values)) {
      return { name: 'bce', reason: 'every target is 0 or 1 and there is one prediction per sample: a Bernoulli output' };
    }
    return { name: 'mse', reason: realTargets(targets.values) };
  }
  const sameShape = isMatrix(predictions) && predictions.rows === targets.rows && predictions.columns === targets.columns;
  if (isMatrix(predictions) && isProbabilityRows(targets)) {
    return { name: 'cce', reason: 'each target row is a probability row (one-hot or soft labels): a categorical (Multinoulli) output' };
  }
  if (sameShape && isBinary(targets.values)) {
    return { name: 'bce', reason: `every target is 0 or 1 and the rows are not one-hot: ${targets.columns} yes/no labels per sample (multi-label), each a Bernoulli output` };
  }
  return { name: 'mse', reason: realTargets(targets.values, ' rows') };
}

/** Why real-valued targets mean MSE, and, for soft labels in [0, 1], how to have BCE instead. */
function realTargets(values: Float64Array, rows = ''): string {
  const inUnitInterval = values.every((v) => v >= 0 && v <= 1);
  return inUnitInterval
    ? `the target${rows} lie in [0, 1] but are not all 0 or 1, so they were read as real numbers: a unit-variance Normal output (if they are soft labels, force binary cross-entropy with --loss bce)`
    : `the target${rows} are real numbers, not class labels: a unit-variance Normal output`;
}

function mse(targets: Vector | Matrix, predictions: Vector | Matrix, build: LossBuild): LossEvaluation {
  if (targets.values.length !== predictions.values.length) {
    throw new LiteralError('length-mismatch', `${targets.values.length} targets but ${predictions.values.length} predictions: MSE compares them one to one`, predictions.range);
  }
  const y = flatten(targets);
  const f = flatten(predictions);
  checkFiniteTargets(y);
  checkFinitePredictions(f);
  const n = y.values.length;
  const squares = new Float64Array(n);
  const nll = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = y.values[i] - f.values[i];
    squares[i] = r * r;
    nll[i] = (HALF_LOG_2PI + 0.5 * squares[i]) / build.scale;
  }
  const reduced = reduce(squares, n);
  const reducedNll = reduce(nll, n);
  const sum = build.reduction === 'sum';
  const warnings = reduced.infiniteAt >= 0 ? [`sample ${reduced.infiniteAt}: (y − f)² overflows to +∞ (the difference is ${f.values[reduced.infiniteAt] - y.values[reduced.infiniteAt]})`] : [];
  return {
    kind: 'loss',
    unit: build.unit,
    range: spanning(targets.range, predictions.range),
    notes: [build.reasonNote, sentence('minimising the Normal negative log-likelihood ½ log 2π + ½ (y − f)² is minimising MSE: the constant and the factor ½ do not move the minimum')],
    warnings,
    loss: 'mse',
    distribution: 'normal',
    interpretation: 'probs',
    reason: build.reason,
    value: sum ? reduced.sum : reduced.mean,
    perSample: squares,
    infiniteAt: reduced.infiniteAt,
    samples: n,
    classes: 0,
    targets: y.values,
    predictions: f.values,
    probabilities: f.values,
    gaussianNll: sum ? reducedNll.sum : reducedNll.mean,
    perSampleNll: nll,
    reduction: build.reduction,
  };
}

/** A note as the other notes read: a sentence with a capital and a full stop. */
function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith('.') ? '' : '.'}`;
}
