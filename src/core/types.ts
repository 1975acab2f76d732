import type { SourceRange } from './errors';
/** Units of information: the base of the logarithm. */
export type Unit = 'nats' | 'bits' | 'hartleys';

/** How a vector of numbers is read. */
export type Interpretation = 'probs' | 'counts' | 'logits' | 'logprobs';
export type InterpretationMode = 'auto' | Interpretation;

export type LossName = 'bce' | 'cce' | 'mse';
export type LossMode = 'auto' | LossName | 'none';

/** The output distribution a loss is the cross-entropy of. */
export type OutputDistribution = 'bernoulli' | 'multinoulli' | 'normal';

export const UNITS: readonly Unit[] = ['nats', 'bits', 'hartleys'];
export const INTERPRETATION_MODES: readonly InterpretationMode[] = ['auto', 'probs', 'counts', 'logits', 'logprobs'];
/** The `as` that reads a 2-D table as a joint distribution p(x, y): the CLI's `--as joint`, the tools' `as: "joint"`. */
export const JOINT_READING = 'joint';
export const LOSS_MODES: readonly LossMode[] = ['auto', 'bce', 'cce', 'mse', 'none'];

export const LOSS_LABELS: Record<LossName, string> = {
  bce: 'binary cross-entropy',
  cce: 'categorical cross-entropy',
  mse: 'mean squared error',
};

/** ln(base) for each unit: divide a value in nats by this to express it in the unit. */
export function natsPerUnit(unit: Unit): number {
  switch (unit) {
    case 'nats':
      return 1;
    case 'bits':
      return Math.LN2;
    case 'hartleys':
      return Math.LN10;
  }
}

/** A probability vector together with its natural logarithm, computed as exactly as the input allows. */
export interface Distribution {
  /** Probabilities, summing to 1 within rounding. */
  readonly p: Float64Array;
  /** ln p, element by element; -Infinity where p is 0. From log-softmax for logits, so never log(exp(x)). */
  readonly logP: Float64Array;
}

/** A vector after interpretation: the distribution, how it was read, and why. */
export interface Interpreted extends Distribution {
  readonly interpretation: Interpretation;
  /** One sentence a person reads: why this interpretation ("all values are non-negative and sum to 1"). */
  readonly reason: string;
  /** Things the user should know ("normalised: the values summed to 37"). */
  readonly warnings: readonly string[];
}

/** A sum that may be +Infinity, with the first element index that made it so. */
export interface MaybeInfinite {
  readonly value: number;
  /** Index of the first element that made the value +Infinity, or -1 when finite. */
  readonly infiniteAt: number;
}

/** What every evaluation carries besides its figures. */
export interface EvaluationCommon {
  readonly unit: Unit;
  /** The whole literal's range in the text that was evaluated. */
  readonly range: SourceRange;
  /** How the numbers were read, and why, as sentences. */
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
}

/** The six figures of a pair P, Q (of one pair, or a batch's mean over rows), in the unit. */
export interface PairFigures {
  readonly entropy: number;
  readonly entropyQ: number;
  readonly crossEntropy: MaybeInfinite;
  readonly klPQ: MaybeInfinite;
  readonly klQP: MaybeInfinite;
  readonly jsDivergence: number;
}
