import { sigmoid, softmaxInto } from '../../core/log-softmax';
import { bceLoss } from '../../core/loss-bce';
import { cceLoss } from '../../core/loss-cce';
import type { LossBuild, LossEvaluation } from '../../core/loss-types';
import type { Matrix, Vector } from '../../core/shape';
import { natsPerUnit } from '../../core/types';
import type { PlaygroundBase, PlaygroundState } from '../playground';
import { playgroundNotes } from './playground-text';

/**
 * A BCE or CCE loss at a playground state, by the core's own loss (loss-bce.ts, loss-cce.ts) with
 * the literal's options: the predictions tempered (logits / T; probabilities p^{1/T} renormalised
 * per row), and label smoothing ε as the core's option — (1 − ε)·y + ε/C for CCE as PyTorch's
 * CrossEntropyLoss(label_smoothing=ε), (1 − ε)·y + ε/2 for BCE as Keras.
 */

type LossBase = PlaygroundBase & { kind: 'loss' };

/** Where the numbers are in a text: nowhere (they are the page's), so errors point at the literal. */
const NOWHERE = { start: 0, end: 0 };

export function lossAt(base: LossBase, state: PlaygroundState): LossEvaluation {
  const fromLogits = base.interpretation === 'logits';
  const options = { ...base.options, ...(state.smoothing > 0 ? { labelSmoothing: state.smoothing } : {}) };
  const build: LossBuild = {
    unit: base.unit,
    scale: natsPerUnit(base.unit),
    mode: fromLogits ? 'logits' : 'probs',
    reason: base.reason,
    reasonNote: `${base.reason.charAt(0).toUpperCase()}${base.reason.slice(1)}${base.reason.endsWith('.') ? '' : '.'}`,
    options,
    reduction: options.reduction ?? 'mean',
    convention: options.convention ?? 'exact',
  };
  const targets = shaped(base.targets, base.targetColumns);
  const predictions = shaped(temperedPredictions(base, state.temperature), base.predictionColumns);
  const evaluation = base.loss === 'bce' ? bceLoss(targets, predictions, build) : cceLoss(targets, predictions, build);
  const given = Object.keys(options).length > 0 ? { options } : {};
  return { ...evaluation, range: base.range, notes: [...evaluation.notes, ...playgroundNotes(base, state)], ...given };
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
  const k = base.predictionColumns ?? 1;
  const logs = given.map((p) => Math.log(p) / temperature);
  const out = new Float64Array(given.length);
  const row = (i: number) => ({ name: `row ${i} of the predictions`, range: NOWHERE, elementRange: () => NOWHERE });
  for (let i = 0; i < given.length / k; i++) softmaxInto(logs, i * k, (i + 1) * k, () => row(i), out);
  return out;
}

/** The numbers as the core's loss takes them: a vector, or a matrix of `columns`. */
function shaped(values: Float64Array, columns: number | undefined): Vector | Matrix {
  const vector = (v: Float64Array): Vector => ({ values: v, range: NOWHERE, elementRange: () => NOWHERE });
  if (columns === undefined) return vector(values);
  return { rows: values.length / columns, columns, values, range: NOWHERE, row: (i) => vector(values.subarray(i * columns, (i + 1) * columns)) };
}
