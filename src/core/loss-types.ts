import type { Convention, LossOptions, Reduction } from './loss-options';
import type { PredictionMode } from './loss-read';
import type { ConventionFigures } from './loss-result';
import type { LossName, OutputDistribution, Unit, EvaluationCommon } from './types';

/** A loss evaluation, and what the loss builders (loss-bce.ts, loss-cce.ts, MSE in loss-select.ts) are given. */

export interface LossEvaluation extends EvaluationCommon {
  readonly kind: 'loss';
  readonly loss: LossName;
  readonly distribution: OutputDistribution;
  /** How the predictions were read. */
  readonly interpretation: 'probs' | 'logits';
  /** Why this loss: one sentence. */
  readonly reason: string;
  /**
   * The loss: the mean over samples (PyTorch's reduction='mean', also for reduction 'none', whose
   * figures are `perSample`) or the sum; in the unit for BCE/CCE, plain for MSE.
   */
  readonly value: number;
  /** Per-sample losses (per element for multi-label BCE), with the options applied. */
  readonly perSample: Float64Array;
  /** First sample whose loss is +Infinity, or -1. */
  readonly infiniteAt: number;
  readonly samples: number;
  /** Classes for CCE (2 for BCE, 0 for MSE). */
  readonly classes: number;
  /** Targets as given (smoothed when label smoothing applies): labels (BCE), class indices or rows (CCE), real values (MSE). */
  readonly targets: Float64Array;
  /** Predictions as read (probabilities or logits), row-major for CCE and multi-label BCE. */
  readonly predictions: Float64Array;
  /** Probabilities the model gives (sigmoid / softmax of logits, rows renormalised), row-major for CCE; MSE: predictions. */
  readonly probabilities: Float64Array;
  /** Per sample, the probability given to the observed label, where labels are hard and the loss is plain −log p. */
  readonly observedProbability?: Float64Array;
  /** MSE only: ½ log 2π + ½ (y − f)², reduced like the value, in the unit, and per sample. */
  readonly gaussianNll?: number;
  readonly perSampleNll?: Float64Array;
  /** CCE with two classes: BCE on the second column, which equals the CCE. */
  readonly twoClassBce?: number;
  /** When the exact loss is +∞: what PyTorch and Keras report (means). */
  readonly frameworks?: { readonly pytorch: number; readonly keras: number };
  /** Multi-label BCE: labels per sample (the columns); perSample has samples × columns entries. */
  readonly columns?: number;
  /** How per-sample losses became the value (absent: mean). */
  readonly reduction?: Reduction;
  /** BCE/CCE: whose arithmetic the value follows, and every convention's figures. */
  readonly convention?: Convention;
  readonly conventions?: Readonly<Record<Convention, ConventionFigures>>;
  /** BCE/CCE: the mean per sample in the unit (NaN when every target is ignored). */
  readonly mean?: number;
  /** BCE/CCE: what the mean divides by (samples, or Σ w of the index targets not ignored). */
  readonly denominator?: number;
  /** BCE/CCE: the loss of a uniform guess (ln 2, ln C per sample), reduced like the value, and per sample. */
  readonly baseline?: number;
  readonly baselinePerSample?: Float64Array;
  /** BCE/CCE: e^(mean loss in nats). */
  readonly perplexity?: number;
  /** BCE/CCE: the value beside the uniform guess, in one sentence. */
  readonly meaning?: string;
  /** The loss options that were given and applied (absent: none). */
  readonly options?: LossOptions;
}

/** What a loss builder needs besides the numbers. */
export interface LossBuild {
  readonly unit: Unit;
  /** ln of the unit's base: divide nats by it. */
  readonly scale: number;
  readonly mode: PredictionMode;
  readonly reason: string;
  /** The reason as a note. */
  readonly reasonNote: string;
  readonly options: LossOptions;
  readonly reduction: Reduction;
  readonly convention: Convention;
}
