import { oneHotRows, smoothLabels } from '../../core/label-smoothing';
import { sigmoid, softmaxInto } from '../../core/log-softmax';
import type { LossEvaluation } from '../../core/loss-select';
import { binaryCrossEntropy, categoricalCrossEntropy, type CategoricalTargets } from '../../core/losses';
import { natsPerUnit } from '../../core/types';
import type { PlaygroundBase, PlaygroundState } from '../playground';
import { playgroundNotes } from './playground-text';

/**
 * A BCE or CCE loss at a playground state: the temperature applied to the predictions (logits / T,
 * or probabilities p^{1/T} renormalised per row), then the targets smoothed to (1 − ε)·y + ε/C — C
 * classes for CCE as PyTorch's CrossEntropyLoss(label_smoothing=ε), C = 2 for BCE as Keras — and
 * the loss computed by the core's own functions on the result.
 */

type LossBase = PlaygroundBase & { kind: 'loss' };
const ROW = (i: number) => ({ name: `row ${i} of the predictions`, range: { start: 0, end: 0 }, elementRange: () => ({ start: 0, end: 0 }) });

export function lossAt(base: LossBase, state: PlaygroundState): LossEvaluation {
  const scale = natsPerUnit(base.unit);
  const fromLogits = base.interpretation === 'logits';
  const eps = state.smoothing;
  const predictions = temperedPredictions(base, state.temperature);
  const notes = [...base.notes, ...playgroundNotes(base, state)];
  const k = base.loss === 'bce' ? 2 : base.classes;
  const n = base.samples;
  let perSample: Float64Array;
  let value: number;
  let infiniteAt: number;
  let targets: Float64Array;
  let probabilities: Float64Array;
  let labels: Float64Array | undefined;
  let twoClassBce: number | undefined;
  if (base.loss === 'bce') {
    targets = eps > 0 ? smoothLabels(base.targets, eps, 2) : base.targets;
    ({ perSample, value, infiniteAt } = binaryCrossEntropy(targets, predictions, fromLogits));
    probabilities = fromLogits ? predictions.map(sigmoid) : predictions;
    if (base.targets.every((y) => y === 0 || y === 1)) labels = base.targets;
    if (labels && eps === 0) {
      const observed = labels.map((y, i) => (y === 1 ? probabilities[i] : 1 - probabilities[i]));
      return lossResult(base, { notes, perSample, value, infiniteAt, scale, targets, predictions, probabilities, observed });
    }
  } else {
    const indices = base.targetKind === 'indices';
    const rows = indices ? oneHotRows(base.targets, k) : base.targets;
    const smoothed = eps > 0 ? smoothLabels(rows, eps, k) : undefined;
    const categorical: CategoricalTargets = smoothed ? { kind: 'rows', rows: smoothed } : indices ? { kind: 'indices', indices: Int32Array.from(base.targets) } : { kind: 'rows', rows };
    ({ perSample, value, infiniteAt } = categoricalCrossEntropy(categorical, predictions, k, fromLogits, ROW));
    targets = smoothed ?? base.targets;
    probabilities = fromLogits ? softmaxRows(predictions, k) : predictions;
    const hot = indices ? base.targets : oneHotIndices(rows, k);
    if (hot && k === 2) {
      // Two classes: BCE on the second class, its label smoothed as Keras smooths binary labels.
      const y = eps > 0 ? smoothLabels(hot, eps, 2) : hot;
      const z = new Float64Array(n);
      for (let i = 0; i < n; i++) z[i] = fromLogits ? predictions[i * 2 + 1] - predictions[i * 2] : probabilities[i * 2 + 1];
      twoClassBce = binaryCrossEntropy(y, z, fromLogits).value / scale;
    }
    if (hot && eps === 0) {
      const observed = Float64Array.from(hot, (label, i) => probabilities[i * k + label]);
      return lossResult(base, { notes, perSample, value, infiniteAt, scale, targets, predictions, probabilities, observed, twoClassBce });
    }
  }
  return lossResult(base, { notes, perSample, value, infiniteAt, scale, targets, predictions, probabilities, twoClassBce });
}

interface LossParts {
  readonly notes: readonly string[];
  readonly perSample: Float64Array;
  readonly value: number;
  readonly infiniteAt: number;
  readonly scale: number;
  readonly targets: Float64Array;
  readonly predictions: Float64Array;
  readonly probabilities: Float64Array;
  readonly observed?: Float64Array;
  readonly twoClassBce?: number | undefined;
}

function lossResult(base: LossBase, parts: LossParts): LossEvaluation {
  const { scale } = parts;
  const warnings =
    parts.infiniteAt >= 0
      ? [`sample ${parts.infiniteAt}: the model gives probability 0 to a class the targets weigh, so the loss is +∞`]
      : [];
  return {
    kind: 'loss',
    unit: base.unit,
    range: base.range,
    notes: parts.notes,
    warnings,
    loss: base.loss,
    distribution: base.loss === 'bce' ? 'bernoulli' : 'multinoulli',
    interpretation: base.interpretation,
    reason: base.reason,
    value: parts.value / scale,
    perSample: scale === 1 ? parts.perSample : parts.perSample.map((v) => v / scale),
    infiniteAt: parts.infiniteAt,
    samples: base.samples,
    classes: base.loss === 'bce' ? 2 : base.classes,
    targets: parts.targets,
    predictions: parts.predictions,
    probabilities: parts.probabilities,
    ...(parts.observed ? { observedProbability: parts.observed } : {}),
    ...(parts.twoClassBce !== undefined ? { twoClassBce: parts.twoClassBce } : {}),
  };
}

/** The predictions at temperature T: logits divided by T; probabilities p^{1/T} renormalised per row. */
function temperedPredictions(base: LossBase, temperature: number): Float64Array {
  const given = base.predictions;
  if (temperature === 1) return given;
  if (base.interpretation === 'logits') return given.map((z) => z / temperature);
  if (base.loss === 'bce') {
    // A Bernoulli is the softmax of [ln(1 − p), ln p]: σ((ln p − ln(1 − p)) / T).
    return given.map((p) => sigmoid((Math.log(p) - Math.log1p(-p)) / temperature));
  }
  const k = base.classes;
  const logs = given.map((p) => Math.log(p) / temperature);
  const out = new Float64Array(given.length);
  for (let i = 0; i < given.length / k; i++) softmaxInto(logs, i * k, (i + 1) * k, () => ROW(i), out);
  return out;
}

function softmaxRows(values: Float64Array, k: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length / k; i++) softmaxInto(values, i * k, (i + 1) * k, () => ROW(i), out);
  return out;
}

/** The class of each one-hot row, or undefined when a row is soft. */
function oneHotIndices(rows: Float64Array, k: number): Float64Array | undefined {
  const n = rows.length / k;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let hot = -1;
    for (let j = 0; j < k; j++) {
      const v = rows[i * k + j];
      if (v === 1 && hot < 0) hot = j;
      else if (v !== 0) return undefined;
    }
    if (hot < 0) return undefined;
    out[i] = hot;
  }
  return out;
}
