// Reading a vector of numbers as a distribution (math.md, "Reading the numbers").

import { LiteralError, type VectorContext } from './errors';
import { logSumExp, nonFinite, softmaxWithLog } from './log-softmax';
import { CompensatedSum, sum } from './summation';
import type { Interpretation, InterpretationMode, Interpreted } from './types';
import { formatNumber } from './number-format';

/** How far from 1 a sum (or from 0 a log-sum-exp) may be and still count as normalised. */
export const NORMALISATION_TOLERANCE = 1e-6;

/**
 * How far below 0 a value may be and still count as 0: float noise such as 1 − 0.3 − 0.7 (−5.6e-17),
 * never a logit anyone means (issue 9 row 11).
 */
export const NEGATIVE_NOISE = 1e-12;

/** A number in a message: up to 12 significant digits, no trailing zeros. */
export function messageNumber(x: number): string {
  return Number.isFinite(x) ? formatNumber(x, 12) : String(x);
}


// ---------------------------------------------------------------------------------------------
// interpret

/**
 * Reads `values` as a probability distribution according to `mode` (math.md, "Reading the
 * numbers"). The result's p is exactly normalised (divided by the compensated sum, as
 * scipy.stats.entropy does even for probabilities) and logP is computed without round trips:
 * ln(xᵢ / Σx) for probabilities and counts (ln xᵢ − ln Σx if that quotient underflows), log-softmax
 * for logits and log-probabilities.
 * Element indices in messages are 0-based, as in numpy and PyTorch.
 *
 * −∞ among logits or log-probabilities is a masked class, probability 0 (`float('-inf')` in a
 * logit vector is how a class is masked out); values within NEGATIVE_NOISE below 0 among
 * non-negative values are float noise, read as 0 with a warning.
 *
 * With `quiet`, a reading's sum is not written into its reason and warnings (a counts reason is
 * empty, "normalised" left out): a batch reads millions of rows but words only its first few
 * (RowReading), and formatting each row's sum cost more than reading it. Errors are as always.
 *
 * @throws LiteralError 'empty', 'non-finite', 'negative-count' or 'invalid-probability'.
 */
export function interpret(values: Float64Array, mode: InterpretationMode, ctx: VectorContext, quiet = false): Interpreted {
  checkFinite(values, mode, ctx);
  switch (mode) {
    case 'auto':
      return interpretAuto(values, ctx, quiet);
    case 'probs':
    case 'counts': {
      const { clean, warnings } = withoutNoise(values, ctx);
      checkNonNegative(clean, mode, ctx);
      return withWarnings(fromNonNegative(clean, nonNegativeSum(clean, ctx), mode, `Read as ${mode === 'probs' ? 'probabilities' : 'counts'}, as requested.`, quiet), warnings);
    }
    case 'logits':
      return fromLogits(values, ctx, 'logits', 'Read as logits and passed through softmax, as requested.', []);
    case 'logprobs':
      return fromForcedLogProbs(values, ctx);
  }
}

function interpretAuto(values: Float64Array, ctx: VectorContext, quiet: boolean): Interpreted {
  const negative = firstNegative(values);
  if (negative < 0) return fromNonNegativeAuto(values, ctx, [], quiet);
  if (isNoise(values, negative)) {
    const { clean, warnings } = withoutNoise(values, ctx);
    return fromNonNegativeAuto(clean, ctx, warnings, quiet);
  }
  if (firstPositive(values) < 0 && Math.abs(logSumExp(values)) <= NORMALISATION_TOLERANCE) {
    return fromLogits(values, ctx, 'logprobs', 'All values are at most 0 and their exponentials sum to 1, so they were read as log-probabilities.', []);
  }
  const shown = values[negative] === -Infinity ? `element ${negative} is −∞ (a masked class, probability 0)` : `element ${negative} is negative (${messageNumber(values[negative])})`;
  return fromLogits(
    values,
    ctx,
    'logits',
    `${capitalise(shown)}, so the values are not probabilities and were read as logits (softmax).`,
    [`read as logits (softmax): ${shown}`],
  );
}

function fromNonNegativeAuto(values: Float64Array, ctx: VectorContext, warnings: readonly string[], quiet: boolean): Interpreted {
  const total = nonNegativeSum(values, ctx);
  if (Math.abs(total - 1) <= NORMALISATION_TOLERANCE) {
    return withWarnings(fromNonNegative(values, total, 'probs', 'All values are non-negative and sum to 1, so they were read as probabilities.', quiet), warnings);
  }
  const reason = quiet ? '' : `All values are non-negative but sum to ${messageNumber(total)}, not 1, so they were read as counts and normalised.`;
  return withWarnings(fromNonNegative(values, total, 'counts', reason, quiet), warnings);
}

/** Negatives only within NEGATIVE_NOISE of 0, beside a positive value: noise, not logits. */
function isNoise(values: Float64Array, firstNegativeAt: number): boolean {
  if (!(values[firstNegativeAt] >= -NEGATIVE_NOISE)) return false;
  for (let i = firstNegativeAt + 1; i < values.length; i++) if (values[i] < -NEGATIVE_NOISE) return false;
  return firstPositive(values) >= 0;
}

/**
 * The values with negatives within NEGATIVE_NOISE of 0 set to 0, and one warning naming them; the
 * values themselves when there are none (or when a negative is larger: the caller's error names it).
 */
export function withoutNoise(values: Float64Array, ctx: VectorContext): { clean: Float64Array; warnings: string[] } {
  const negative = firstNegative(values);
  if (negative < 0 || !isNoise(values, negative)) return { clean: values, warnings: [] };
  const clean = values.slice();
  const zeroed: number[] = [];
  for (let i = negative; i < clean.length; i++) {
    if (clean[i] < 0) {
      clean[i] = 0;
      zeroed.push(i);
    }
  }
  return { clean, warnings: [noiseWarning(zeroed, values, ctx.name)] };
}

function noiseWarning(zeroed: readonly number[], values: Float64Array, name: string): string {
  const shown = zeroed.slice(0, 3).map((i) => `element ${i} (${messageNumber(values[i])})`);
  const more = zeroed.length > 3 ? ` and ${zeroed.length - 3} more` : '';
  return `read as 0: ${shown.join(', ')}${more} of ${name} ${zeroed.length === 1 ? 'lies' : 'lie'} within ${NEGATIVE_NOISE} below 0, float noise rather than a logit`;
}

function withWarnings(d: Interpreted, warnings: readonly string[]): Interpreted {
  return warnings.length === 0 ? d : { ...d, warnings: [...warnings, ...d.warnings] };
}

function fromForcedLogProbs(values: Float64Array, ctx: VectorContext): Interpreted {
  const positive = firstPositive(values);
  if (positive >= 0) {
    throw new LiteralError(
      'invalid-probability',
      `element ${positive} of ${ctx.name} is ${messageNumber(values[positive])}, but log-probabilities are at most 0`,
      ctx.elementRange(positive),
    );
  }
  const lse = logSumExp(values);
  const warnings = Math.abs(lse) > NORMALISATION_TOLERANCE ? [`renormalised: the probabilities summed to ${messageNumber(Math.exp(lse))}`] : [];
  return fromLogits(values, ctx, 'logprobs', 'Read as log-probabilities, as requested.', warnings);
}

/** Probabilities or counts: p = x / Σx, logP = ln(x / Σx) (−∞ where x = 0). */
function fromNonNegative(values: Float64Array, sumOfValues: number, interpretation: Interpretation, reason: string, quiet: boolean): Interpreted {
  let total = sumOfValues;
  // Scale down vectors whose sum overflows, so p stays finite; ln of the scale is added back.
  let scale = 1;
  if (total === Infinity) {
    scale = maxOf(values);
    const acc = new CompensatedSum();
    for (let i = 0; i < values.length; i++) acc.add(values[i] / scale);
    total = acc.value();
  }
  const logTotal = Math.log(total);
  const p = new Float64Array(values.length);
  const logP = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i] / scale;
    const pi = x / total;
    p[i] = pi;
    // The common case inline (a normal quotient below 1); logOfRatio handles the rest.
    logP[i] = pi >= MIN_NORMAL && pi < 1 ? Math.log(pi) : logOfRatio(x, pi, logTotal);
  }
  const sumShown = total * scale;
  const warnings = !quiet && Math.abs(sumShown - 1) > NORMALISATION_TOLERANCE ? [`normalised: the values summed to ${messageNumber(sumShown)}`] : [];
  return { p, logP, interpretation, reason, warnings };
}

/** Below this a quotient is subnormal and has lost digits. */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * ln(x / total) given p = x / total. ln p is accurate to about one ulp of 1 whatever the size of
 * x, whereas ln x − ln total loses |ln x|·ε to cancellation (counts of 1e6: ~14ε). Only when p is
 * subnormal (or 0 for x > 0) is the difference of logs the better one. ≤ 0 always: rounding above
 * 0 is removed.
 */
function logOfRatio(x: number, p: number, logTotal: number): number {
  if (x === 0) return -Infinity;
  return Math.min(0, p >= MIN_NORMAL ? Math.log(p) : Math.log(x) - logTotal);
}

/** Logits and log-probabilities: p = softmax(x), logP = log-softmax(x), one exp per element. */
function fromLogits(values: Float64Array, ctx: VectorContext, interpretation: Interpretation, reason: string, warnings: string[]): Interpreted {
  // Named, not spread: spreading a fresh object is slow, and a batch does this once per row.
  const { p, logP } = softmaxWithLog(values, ctx);
  return { p, logP, interpretation, reason, warnings };
}

// ---------------------------------------------------------------------------------------------
// Validation

/** NaN and +∞ are never a distribution's values; −∞ is a masked class for logits and log-probabilities. */
function checkFinite(values: Float64Array, mode: InterpretationMode, ctx: VectorContext): void {
  if (values.length === 0) throw new LiteralError('empty', `${ctx.name} is empty`, ctx.range);
  const bad = mode === 'probs' || mode === 'counts' ? firstNonFinite(values) : firstNaNOrPlusInfinity(values);
  if (bad >= 0) throw nonFinite(ctx, bad, values[bad]);
}

function checkNonNegative(values: Float64Array, mode: 'probs' | 'counts', ctx: VectorContext): void {
  const negative = firstNegative(values);
  if (negative >= 0) {
    const what = mode === 'probs' ? 'probabilities' : 'counts';
    throw new LiteralError(
      'negative-count',
      `element ${negative} of ${ctx.name} is negative (${messageNumber(values[negative])}), but ${what} cannot be negative`,
      ctx.elementRange(negative),
    );
  }
}

/** Compensated sum of non-negative values; a zero sum has no distribution. */
function nonNegativeSum(values: Float64Array, ctx: VectorContext): number {
  const total = sum(values);
  if (total === 0) throw new LiteralError('invalid-probability', `the values of ${ctx.name} sum to 0`, ctx.range);
  return total;
}

// One loop per question rather than one loop with a predicate: a shared loop calling three
// different closures goes megamorphic in V8 and costs several times the scan on 1e6 elements.

function firstNegative(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) if (values[i] < 0) return i;
  return -1;
}

function firstPositive(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) if (values[i] > 0) return i;
  return -1;
}

function firstNonFinite(values: Float64Array): number {
  // x − x is 0 for finite x and NaN for ±Infinity and NaN.
  for (let i = 0; i < values.length; i++) if (values[i] - values[i] !== 0) return i;
  return -1;
}

function firstNaNOrPlusInfinity(values: Float64Array): number {
  // One comparison rejects both: NaN < Infinity is false.
  for (let i = 0; i < values.length; i++) if (!(values[i] < Infinity)) return i;
  return -1;
}

function maxOf(values: Float64Array): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
