import { binaryPerSample, categoricalPerSample, meanDenominator, type CategoricalProblem, type CategoricalTargets } from './conventions';
import { count, LiteralError } from './errors';
import { messageNumber } from './interpret';
import { smoothLabels } from './label-smoothing';
import { oneHotLabels, predictionRow, softmaxRows } from './loss-inputs';
import { DEFAULT_IGNORE_INDEX } from './loss-options';
import { crossEntropyFigures, crossEntropyHeader } from './loss-result';
import { checkFiniteTargets, flatten, normalisedRows, readBinaryPredictions, readPredictionRows, type PredictionReading } from './loss-read';
import type { LossBuild, LossEvaluation } from './loss-types';
import { isMatrix, type Matrix, type Vector } from './shape';
import { mean } from './summation';

/**
 * Categorical cross-entropy, the NLL of a multinoulli (softmax) output: class indices or target
 * rows against prediction rows, with PyTorch's CrossEntropyLoss options — class weights (a weighted
 * mean divides by Σ w of the index targets), ignore_index, label smoothing (1 − ε)·y + ε/C.
 */
export function cceLoss(targets: Vector | Matrix, predictions: Vector | Matrix, build: LossBuild): LossEvaluation {
  const { matrix: preds, reading } = readPredictions(predictions, build);
  const n = preds.rows;
  const k = preds.columns;
  const ignoreIndex = build.options.ignoreIndex ?? DEFAULT_IGNORE_INDEX;
  const epsilon = build.options.labelSmoothing ?? 0;
  const notes = [build.reasonNote];
  let categorical: CategoricalTargets;
  let labels: Int32Array | undefined;
  let ignored = 0;
  if (isMatrix(targets)) {
    categorical = { kind: 'rows', rows: targetRows(targets, n, k) };
    labels = oneHotLabels(targets);
    notes.push(labels ? 'Targets are one-hot rows.' : 'Targets are soft-label rows.');
  } else {
    ({ labels, ignored } = classIndices(targets, n, k, ignoreIndex));
    categorical = { kind: 'indices', indices: labels };
    notes.push('Targets are class indices.');
    if (ignored > 0) notes.push(`${count(ignored, 'target')} equal to the ignore index ${ignoreIndex} ${ignored === 1 ? 'was' : 'were'} left out (loss 0, not in the mean), as CrossEntropyLoss(ignore_index=${ignoreIndex}) does.`);
  }
  notes.push(reading.note);
  const weight = classWeights(build, k, preds.range);
  const problem: CategoricalProblem = { targets: categorical, predictions: reading.values, classes: k, fromLogits: reading.fromLogits, weight, smoothing: epsilon, ignoreIndex, rowContext: predictionRow(preds) };
  const denominator = meanDenominator(problem);
  if (denominator === 0 && build.reduction === 'mean') {
    const why = ignored === n ? `every target equals the ignore index ${ignoreIndex}` : 'every target not ignored has class weight 0';
    throw new LiteralError('option', `${why}, so the mean divides by 0: there is no loss to average (PyTorch would print nan); use --reduction sum or none`, targets.range);
  }
  if (weight) {
    // Under 'sum' nothing is divided: only the mean (and 'none''s figure, which is that mean) has a divisor.
    const divisor = build.reduction === 'sum' ? '' : categorical.kind === 'indices' ? '; the mean divides by Σ w of the targets' : '; the mean divides by the number of samples (target rows)';
    notes.push(`Class weights ${Array.from(weight, messageNumber).join(', ')} applied${divisor}, as CrossEntropyLoss(weight=…) does.`);
  }
  if (epsilon > 0) notes.push(`Targets smoothed as CrossEntropyLoss(label_smoothing=${messageNumber(epsilon)}) does: (1 − ε)·y + ε/${k}, so a one-hot 1 → ${messageNumber(1 - epsilon + epsilon / k)} and 0 → ${messageNumber(epsilon / k)}.`);
  const uniform = new Float64Array(n * k).fill(1 / k);
  const figures = crossEntropyFigures(
    {
      loss: 'cce',
      perSample: (convention) => categoricalPerSample(problem, convention),
      fromLogits: reading.fromLogits,
      denominator,
      baselinePerSample: categoricalPerSample({ ...problem, predictions: uniform, fromLogits: false }, 'exact'),
      classes: k,
      sampleName: (i) => `sample ${i}`,
    },
    build.unit,
    build.scale,
    build.reduction,
    build.convention,
  );
  const { warnings, ...figured } = figures;
  const probabilities = reading.fromLogits ? softmaxRows({ ...preds, values: reading.values }) : normalisedRows(reading.values, k);
  const plain = labels !== undefined && ignored === 0 && !weight && build.convention === 'exact';
  const twoClassBce = k === 2 && plain && labels ? twoClass(labels, reading, probabilities, epsilon) / build.scale : undefined;
  if (twoClassBce !== undefined) notes.push('With two classes, categorical cross-entropy equals binary cross-entropy on the second class’s probability.');
  return {
    ...crossEntropyHeader('cce', build, { targets: targets.range, predictions: predictions.range }, reading, notes, warnings),
    ...figured,
    samples: n,
    classes: k,
    targets: categorical.kind === 'rows' && epsilon > 0 ? smoothLabels(categorical.rows, epsilon, k) : targets.values,
    predictions: reading.values,
    probabilities,
    ...(plain && epsilon === 0 && labels ? { observedProbability: observed(labels, probabilities, k) } : {}),
    ...(twoClassBce !== undefined && build.reduction === 'mean' ? { twoClassBce } : {}),
  };
}

/** Prediction rows, or a vector of binary predictions as two-class rows [1 − p, p] (logits: [0, z]). */
function readPredictions(predictions: Vector | Matrix, build: LossBuild): { matrix: Matrix; reading: PredictionReading } {
  if (isMatrix(predictions)) return { matrix: predictions, reading: readPredictionRows(predictions, build.mode) };
  const binary = readBinaryPredictions(flatten(predictions), build.mode);
  const n = binary.values.length;
  const values = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    values[i * 2] = binary.fromLogits ? 0 : 1 - binary.values[i];
    values[i * 2 + 1] = binary.values[i]!;
  }
  const matrix: Matrix = {
    rows: n,
    columns: 2,
    values,
    range: predictions.range,
    row: (i) => ({ values: values.subarray(i * 2, i * 2 + 2), range: predictions.elementRange(i), elementRange: () => predictions.elementRange(i) }),
  };
  return { matrix, reading: { ...binary, values } };
}

/** Target rows: n×k like the predictions, finite and non-negative (one-hot or soft labels). */
function targetRows(targets: Matrix, n: number, k: number): Float64Array {
  if (targets.rows !== n || targets.columns !== k) {
    throw new LiteralError('length-mismatch', `the targets are ${targets.rows}×${targets.columns} but the predictions are ${n}×${k}`, targets.range);
  }
  checkFiniteTargets(flatten(targets));
  for (let i = 0; i < targets.values.length; i++) {
    if (targets.values[i] < 0) {
      throw new LiteralError('invalid-probability', `target row ${Math.floor(i / k)} has a negative entry (${targets.values[i]}): target rows must be one-hot or soft labels`, targets.row(Math.floor(i / k)).elementRange(i % k));
    }
  }
  return targets.values;
}

/** Class indices: integers in 0…k−1, or the ignore index. */
function classIndices(targets: Vector, n: number, k: number, ignoreIndex: number): { labels: Int32Array; ignored: number } {
  if (targets.values.length !== n) throw new LiteralError('length-mismatch', `${targets.values.length} targets but ${n} prediction rows`, targets.range);
  checkFiniteTargets(flatten(targets));
  const labels = new Int32Array(n);
  let ignored = 0;
  for (let i = 0; i < n; i++) {
    const c = targets.values[i];
    if (c === ignoreIndex) ignored++;
    else if (!Number.isInteger(c) || c < 0 || c >= k) {
      throw new LiteralError('label-out-of-range', `label ${i} is ${messageNumber(c)}, not a class index in 0…${k - 1} (nor the ignore index ${ignoreIndex})`, targets.elementRange(i));
    }
    labels[i] = c;
  }
  return { labels, ignored };
}

/** --weight as one weight per class. */
function classWeights(build: LossBuild, k: number, range: LossEvaluation['range']): Float64Array | undefined {
  const given = build.options.weight;
  if (given === undefined) return undefined;
  if (given.length !== k) throw new LiteralError('option', `--weight has ${count(given.length, 'weight')} but the predictions have ${k} classes: give one weight per class`, range);
  return Float64Array.from(given);
}

/** BCE on the second class (its label smoothed by ε/2, as Keras smooths binary labels): equal to two-class CCE. */
function twoClass(labels: Int32Array, reading: PredictionReading, probabilities: Float64Array, epsilon: number): number {
  const n = labels.length;
  const v = reading.values;
  // For two logits [a, b], σ(b − a) is the second class's probability.
  const second = Float64Array.from({ length: n }, (_, i) => (reading.fromLogits ? v[i * 2 + 1] - v[i * 2] : probabilities[i * 2 + 1]));
  const y = Float64Array.from(labels);
  const per = binaryPerSample({ targets: epsilon > 0 ? smoothLabels(y, epsilon, 2) : y, predictions: second, fromLogits: reading.fromLogits, posWeight: Float64Array.of(1), columns: 1 }, 'exact');
  return mean(per);
}

/** The probability each row gives its label. */
function observed(labels: Int32Array, probabilities: Float64Array, classes: number): Float64Array {
  const out = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = probabilities[i * classes + labels[i]]!;
  return out;
}
