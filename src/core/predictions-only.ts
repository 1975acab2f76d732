import { LiteralError } from './errors';
import { asVector, firstOutside01, squeeze, twoColumns } from './loss-inputs';
import { flatten, readBinaryPredictions, readPredictionRows } from './loss-read';
import { isMatrix, type Matrix, type Shaped } from './shape';
import type { InterpretationMode } from './types';

/**
 * `--loss none`: no loss, the information figures only. A targets/predictions literal is then the
 * model's output distributions, one per sample: the targets are set aside and each sample's
 * prediction becomes a row of a batch, so the figures are each sample's predictive entropy and
 * their mean (docs/decisions.md, "--loss none").
 */

export interface PredictionRows {
  /** One row per sample: the sample's output distribution as given (probabilities or logits). */
  readonly rows: Matrix;
  /** How every row is read: one reading for the whole batch, as the loss would read it. */
  readonly as: InterpretationMode;
  /** What was set aside and how the predictions were read: one sentence. */
  readonly note: string;
  /** What reading the predictions changed (noise clipped), beyond what each row's reading says. */
  readonly warnings?: readonly string[];
}

type LossShaped = Extract<Shaped, { kind: 'loss' }>;

export function predictionRows(shaped: LossShaped, as: InterpretationMode): PredictionRows {
  const predictions = squeeze(shaped.predictions);
  const setAside = `No loss (--loss none): the targets ("${shaped.targetsKey}") were set aside`;
  if (isMatrix(predictions)) {
    // As the loss reads them (loss-read.ts): printed probability rows are probabilities.
    const mode = as !== 'auto' ? as : shaped.predictionsAreLogits || readPredictionRows(predictions, 'auto').fromLogits ? 'logits' : 'probs';
    const reading = mode === 'logits' ? 'logits, through a softmax' : mode === 'probs' ? 'probabilities' : mode === 'counts' ? 'counts' : 'log-probabilities';
    return {
      rows: predictions,
      as: mode,
      note: `${setAside}; each row of "${shaped.predictionsKey}" is one sample's categorical distribution, read as ${reading}.`,
    };
  }
  const targets = asVector(shaped.targets, 'the targets');
  const notLabel = firstOutside01(targets.values);
  if (notLabel >= 0) {
    throw new LiteralError(
      'shape',
      `with --loss none only distributions are measured, but target ${notLabel} (${targets.values[notLabel]}) is not a label in [0, 1]: real-valued targets make the predictions the means of Normal outputs, which have no distribution to measure (use --loss mse, or select the predictions alone)`,
      targets.elementRange(notLabel),
    );
  }
  if (as === 'counts' || as === 'logprobs') {
    throw new LiteralError('shape', `a Bernoulli prediction is a probability or a logit, not read as ${as}: choose "auto", "probs" or "logits"`, predictions.range);
  }
  // As the loss reads them: float noise just outside [0, 1] is clipped, further out they are logits.
  const reading = readBinaryPredictions(flatten(predictions), as === 'logits' || shaped.predictionsAreLogits ? 'logits' : as === 'probs' ? 'probs' : 'auto');
  const asLogits = reading.fromLogits;
  return {
    rows: twoColumns({ ...predictions, values: reading.values }, asLogits),
    as: asLogits ? 'logits' : 'probs',
    note: `${setAside}; each prediction is one sample's Bernoulli distribution ${asLogits ? '[1 − σ(z), σ(z)] of the logit z' : '[1 − p, p]'}.`,
    warnings: reading.warnings,
  };
}
