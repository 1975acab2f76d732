// What a figure means (issue 9, item 7): the perplexity, and a loss beside what a uniform guess
// would cost, in one sentence a person reads ("0.29 nats: 2.4× better than a coin flip").

import { formatNumber } from './number-format';
import type { Unit } from './types';

/**
 * e^H for a value H in nats: the number of equally likely outcomes with the same uncertainty
 * (b^H in base b is the same number, so the perplexity does not depend on the unit).
 */
export function perplexityOf(nats: number): number {
  return Math.exp(nats);
}

export interface LossMeaningInput {
  readonly loss: 'bce' | 'cce';
  /** The mean loss per sample, in the unit. */
  readonly mean: number;
  /** What a uniform guess would cost, per sample on average, in the unit. */
  readonly baseline: number;
  readonly unit: Unit;
  readonly classes: number;
  /** The first sample whose loss is +∞ ("sample 3", "label [1, 2]"), when the loss is. */
  readonly infiniteAt?: string | undefined;
  /** The loss reported is a sum or per-sample list, so the sentence speaks of the mean. */
  readonly perSampleMean: boolean;
}

/**
 * One sentence: the loss against a uniform guess — ln 2 a label for BCE (a coin flip), ln C for CCE
 * (a guess over C classes) — as a ratio, or what makes it infinite, or that it is perfect.
 */
export function lossMeaning(input: LossMeaningInput): string {
  const { mean, baseline, unit } = input;
  const guess = input.loss === 'bce' || input.classes === 2 ? 'a coin flip' : `a uniform guess over ${input.classes} classes`;
  const cost = `(${formatNumber(baseline, 3)} ${unit})`;
  const head = `${mean === Infinity ? '+∞' : formatNumber(mean, 2)} ${unit}${input.perSampleMean ? ' per sample on average' : ''}`;
  if (mean === Infinity) return `${head}: the model gives probability 0 to what ${input.infiniteAt ?? 'a sample'} observed (${guess}: ${formatNumber(baseline, 3)} ${unit}).`;
  if (mean === 0) return `${head}: a perfect prediction (${guess}: ${formatNumber(baseline, 3)} ${unit}).`;
  const ratio = baseline / mean;
  if (Math.abs(ratio - 1) <= 1e-9) return `${head}: exactly what ${guess} costs.`;
  const better = ratio > 1;
  const factor = better ? ratio : 1 / ratio;
  // Two digits, or three near 1, where "1.0×" would hide the difference.
  const digits = factor < 1.1 ? 3 : 2;
  return `${head}: ${formatNumber(factor, digits)}× ${better ? 'better' : 'worse'} than ${guess} ${cost}.`;
}
