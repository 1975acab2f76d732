import { LiteralError } from './errors';
import { messageNumber } from './interpret';
import type { SequenceShaped } from './sequence-shape';
import { CompensatedSum } from './summation';
import { natsPerUnit, type InterpretationMode, type MaybeInfinite, type Unit, type EvaluationCommon } from './types';

/**
 * A sequence of token log-probabilities, as a language model scores a text: each token's surprisal
 * −ln p, their total (the text's negative log-likelihood), the mean per token (the cross-entropy
 * rate: bits per token in bits) and the perplexity exp(mean surprisal in nats).
 */
export interface SequenceEvaluation extends EvaluationCommon {
  readonly kind: 'sequence';
  readonly interpretation: 'logprobs';
  /** ln p of each token, as given. */
  readonly logprobs: Float64Array;
  /** −log p of each token, in the unit; +∞ for a token of probability 0. */
  readonly surprisals: Float64Array;
  /** The token texts, aligned with the log-probabilities, when the literal gave them. */
  readonly tokens?: readonly string[];
  /** Σ surprisal in the unit; infiniteAt: the first token of probability 0. */
  readonly totalSurprisal: MaybeInfinite;
  /** The total over the number of tokens, in the unit. */
  readonly meanSurprisal: MaybeInfinite;
  /** exp(mean surprisal in nats) = 2^(bits per token): the same number in every unit. */
  readonly perplexity: number;
}

export function evaluateSequence(shaped: SequenceShaped, as: InterpretationMode, unit: Unit): SequenceEvaluation {
  const { logprobs } = shaped;
  const scale = natsPerUnit(unit);
  const surprisals = new Float64Array(logprobs.length);
  const total = new CompensatedSum();
  let infiniteAt = -1;
  for (let i = 0; i < logprobs.length; i++) {
    const x = logprobs[i];
    // One comparison rejects NaN and every value above 0 (+∞ included); −∞ passes.
    if (!(x <= 0)) throw badLogprob(shaped, i, x);
    if (x === -Infinity) {
      if (infiniteAt < 0) infiniteAt = i;
      surprisals[i] = Infinity;
      continue;
    }
    surprisals[i] = -x / scale;
    total.add(-x);
  }
  const n = logprobs.length;
  const nats = infiniteAt >= 0 ? Infinity : total.value();
  const warnings: string[] = [];
  if (as !== 'auto' && as !== 'logprobs') warnings.push(`the reading "${as}" does not apply: token log-probabilities are always read as log-probabilities`);
  if (infiniteAt >= 0) warnings.push(`token ${infiniteAt} has probability 0 (log-probability −∞): the total surprisal and the perplexity are infinite`);
  return {
    kind: 'sequence',
    unit,
    range: shaped.range,
    notes: [],
    warnings,
    interpretation: 'logprobs',
    logprobs,
    surprisals,
    ...(shaped.tokens ? { tokens: shaped.tokens } : {}),
    totalSurprisal: { value: nats / scale, infiniteAt },
    meanSurprisal: { value: nats / n / scale, infiniteAt },
    perplexity: Math.exp(nats / n),
  };
}

function badLogprob(shaped: SequenceShaped, index: number, value: number): LiteralError {
  const range = shaped.elementRange(index);
  if (Number.isNaN(value) || value === Infinity) return new LiteralError('non-finite', `the log-probability of token ${index} is ${String(value)}`, range);
  return new LiteralError(
    'invalid-probability',
    `the log-probability of token ${index} is ${messageNumber(value)}, but log-probabilities are at most 0 (a probability is at most 1)`,
    range,
  );
}
