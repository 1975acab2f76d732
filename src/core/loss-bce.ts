import { binaryPerSample } from './conventions';
import { LiteralError } from './errors';
import { messageNumber } from './interpret';
import { smoothLabels } from './label-smoothing';
import { sigmoid } from './log-softmax';
import { crossEntropyFigures, crossEntropyHeader } from './loss-result';
import { checkFiniteTargets, elementName, flatten, readBinaryPredictions, type Flat } from './loss-read';
import type { LossBuild, LossEvaluation } from './loss-types';
import { isMatrix, type Matrix, type Vector } from './shape';

/**
 * Binary cross-entropy, the NLL of a Bernoulli output, over every element: one label per sample, or
 * several per sample (multi-label, Keras' (N, C) with sigmoid outputs, PyTorch's BCEWithLogitsLoss
 * on (N, C)), with the positive weight and Keras' label smoothing (1 − ε)·y + ε/2.
 */
export function bceLoss(targets: Vector | Matrix, predictions: Vector | Matrix, build: LossBuild): LossEvaluation {
  if (isMatrix(predictions) && !isMatrix(targets)) {
    throw new LiteralError('shape', `binary cross-entropy needs one prediction per label; these predictions have ${predictions.columns} per sample against one label each (use categorical cross-entropy)`, predictions.range);
  }
  if (isMatrix(targets) !== isMatrix(predictions) || (isMatrix(targets) && isMatrix(predictions) && (targets.rows !== predictions.rows || targets.columns !== predictions.columns))) {
    throw new LiteralError('length-mismatch', `the targets are ${shapeText(targets)} but the predictions are ${shapeText(predictions)}: binary cross-entropy compares them one to one`, predictions.range);
  }
  const y = flatten(targets);
  const preds = flatten(predictions);
  if (y.values.length !== preds.values.length) {
    throw new LiteralError('length-mismatch', `${y.values.length} targets but ${preds.values.length} predictions: there must be one prediction per target`, predictions.range);
  }
  checkFiniteTargets(y);
  checkLabels(y);
  const reading = readBinaryPredictions(preds, build.mode);
  const columns = y.columns;
  const posWeight = positiveWeights(build, columns, predictions.range);
  const epsilon = build.options.labelSmoothing ?? 0;
  const smoothed = epsilon > 0 ? smoothLabels(y.values, epsilon, 2) : y.values;
  const uniform = new Float64Array(y.values.length).fill(0.5);
  const figures = crossEntropyFigures(
    {
      loss: 'bce',
      perSample: (convention) => binaryPerSample({ targets: smoothed, predictions: reading.values, fromLogits: reading.fromLogits, posWeight, columns }, convention),
      fromLogits: reading.fromLogits,
      denominator: y.values.length,
      baselinePerSample: binaryPerSample({ targets: smoothed, predictions: uniform, fromLogits: false, posWeight, columns }, 'exact'),
      classes: 2,
      sampleName: (i) => (columns === 1 ? `sample ${i}` : `label ${elementName(y, i, '').trim()}`),
    },
    build.unit,
    build.scale,
    build.reduction,
    build.convention,
  );
  const { warnings, ...figured } = figures;
  const probabilities = reading.fromLogits ? reading.values.map(sigmoid) : reading.values;
  const hard = y.values.every((v) => v === 0 || v === 1);
  const plain = hard && epsilon === 0 && build.options.posWeight === undefined && build.convention === 'exact';
  const notes = [build.reasonNote, reading.note];
  if (columns > 1) notes.push(`Each of the ${columns} columns is a label of its own (multi-label): the loss is over all ${y.values.length} elements, as BCEWithLogitsLoss and Keras' binary_crossentropy on (N, ${columns}) take them.`);
  if (build.options.posWeight !== undefined) notes.push(`The positive label weighs ${[...new Set(posWeight)].map(messageNumber).join(', ')} (pos_weight), as BCEWithLogitsLoss: −[w·y·log p + (1 − y)·log(1 − p)].`);
  if (epsilon > 0) notes.push(`Labels smoothed as Keras does for binary cross-entropy: (1 − ε)·y + ε/2 with ε = ${messageNumber(epsilon)}, so 1 → ${messageNumber(1 - epsilon / 2)} and 0 → ${messageNumber(epsilon / 2)}.`);
  return {
    ...crossEntropyHeader('bce', build, { targets: targets.range, predictions: predictions.range }, reading, notes, warnings),
    ...figured,
    samples: isMatrix(targets) ? targets.rows : y.values.length,
    ...(columns > 1 ? { columns } : {}),
    classes: 2,
    targets: smoothed,
    predictions: reading.values,
    probabilities,
    ...(plain ? { observedProbability: y.values.map((label, i) => (label === 1 ? probabilities[i] : 1 - probabilities[i])) } : {}),
  };
}

/** Binary labels lie in [0, 1] (soft labels allowed). */
function checkLabels(y: Flat): void {
  const bad = y.values.findIndex((v) => !(v >= 0 && v <= 1));
  if (bad >= 0) {
    throw new LiteralError('label-out-of-range', `${elementName(y, bad, 'target')} is ${messageNumber(y.values[bad])}; binary labels must lie in [0, 1]`, y.elementRange(bad));
  }
}

/** --pos-weight as one weight per label column: a number for all, or a list of one per column. */
function positiveWeights(build: LossBuild, columns: number, range: LossEvaluation['range']): Float64Array {
  const given = build.options.posWeight;
  if (given === undefined) return new Float64Array(columns).fill(1);
  if (typeof given === 'number') return new Float64Array(columns).fill(given);
  if (given.length === 1) return new Float64Array(columns).fill(given[0]);
  if (given.length !== columns) {
    const what = columns === 1 ? 'one label per sample, so it takes one weight' : `${columns} label columns`;
    throw new LiteralError('option', `--pos-weight has ${given.length} weights but these targets have ${what} (one weight per column, as BCEWithLogitsLoss broadcasts pos_weight)`, range);
  }
  return Float64Array.from(given);
}

function shapeText(value: Vector | Matrix): string {
  return isMatrix(value) ? `${value.rows}×${value.columns}` : `${value.values.length} values`;
}
