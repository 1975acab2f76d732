// Reading a vector of numbers as a distribution (math.md, "Reading the numbers").

import { LiteralError, type SourceRange } from './errors';
import { CompensatedSum } from './summation';
import type { Interpretation, InterpretationMode, Interpreted } from './types';
import { formatNumber } from './number-format';

/** Where a vector came from, so errors and warnings can name it and point at its elements. */
export interface VectorContext {
  /** What to call it in messages: "P", "Q", "row 3", "the predictions". */
  name: string;
  /** The whole vector, for errors about the vector as a whole (empty, sums to 0). */
  range: SourceRange;
  /** The source range of element `index` (0-based). */
  elementRange(index: number): SourceRange;
}

/** How far from 1 a sum (or from 0 a log-sum-exp) may be and still count as normalised. */
export const NORMALISATION_TOLERANCE = 1e-6;

/** A number in a message: up to 12 significant digits, no trailing zeros. */
export function messageNumber(x: number): string {
  return Number.isFinite(x) ? formatNumber(x, 12) : String(x);
}


// ---------------------------------------------------------------------------------------------
// Log-sum-exp, softmax, log-softmax

/** Max, its first index, and r = Σ_{i≠at} exp(xᵢ − max): log-sum-exp is max + log1p(r). */
interface Shifted {
  max: number;
  at: number;
  rest: number;
}

function shift(values: Float64Array): Shifted {
  let max = -Infinity;
  let at = -1;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) return { max: NaN, at: i, rest: NaN };
    if (x > max) {
      max = x;
      at = i;
    }
  }
  if (at < 0 || max === Infinity) return { max, at, rest: 0 };
  const acc = new CompensatedSum();
  for (let i = 0; i < values.length; i++) if (i !== at) acc.add(Math.exp(values[i] - max));
  return { max, at, rest: acc.value() };
}

/**
 * ln Σ exp(xᵢ), without overflow: max + log1p(Σ_{i≠argmax} exp(xᵢ − max)). log1p keeps the tiny
 * contributions of far-below-max terms that ln(1 + r) would round away. −Infinity when empty.
 */
export function logSumExp(values: Float64Array): number {
  const { max, at, rest } = shift(values);
  if (at < 0 || !Number.isFinite(max)) return max;
  return max + Math.log1p(rest);
}

/**
 * ln softmax(x)ᵢ = (xᵢ − max) − log1p(r), computed from differences so logits of ±1000 give exact
 * finite answers (never log(exp(x))).
 */
export function logSoftmax(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  const { max, rest } = shift(values);
  const logNorm = Math.log1p(rest);
  for (let i = 0; i < values.length; i++) out[i] = Math.min(0, values[i] - max - logNorm);
  return out;
}

/** softmax(x)ᵢ = exp(xᵢ − max) / (1 + r): one rounding in exp and one in the division. */
export function softmax(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  const { max, rest } = shift(values);
  const norm = 1 + rest;
  for (let i = 0; i < values.length; i++) out[i] = Math.exp(values[i] - max) / norm;
  return out;
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
 * @throws LiteralError 'empty', 'non-finite', 'negative-count' or 'invalid-probability'.
 */
export function interpret(values: Float64Array, mode: InterpretationMode, ctx: VectorContext): Interpreted {
  checkFinite(values, ctx);
  switch (mode) {
    case 'auto':
      return interpretAuto(values, ctx);
    case 'probs':
    case 'counts':
      checkNonNegative(values, mode, ctx);
      return fromNonNegative(values, nonNegativeSum(values, ctx), mode, `Read as ${mode === 'probs' ? 'probabilities' : 'counts'}, as requested.`);
    case 'logits':
      return fromLogits(values, 'logits', 'Read as logits and passed through softmax, as requested.', []);
    case 'logprobs':
      return fromForcedLogProbs(values, ctx);
  }
}

function interpretAuto(values: Float64Array, ctx: VectorContext): Interpreted {
  const negative = firstNegative(values);
  if (negative < 0) {
    const total = nonNegativeSum(values, ctx);
    if (Math.abs(total - 1) <= NORMALISATION_TOLERANCE) {
      return fromNonNegative(values, total, 'probs', 'All values are non-negative and sum to 1, so they were read as probabilities.');
    }
    return fromNonNegative(values, total, 'counts', `All values are non-negative but sum to ${messageNumber(total)}, not 1, so they were read as counts and normalised.`);
  }
  if (firstPositive(values) < 0 && Math.abs(logSumExp(values)) <= NORMALISATION_TOLERANCE) {
    return fromLogits(values, 'logprobs', 'All values are at most 0 and their exponentials sum to 1, so they were read as log-probabilities.', []);
  }
  const shown = `element ${negative} is negative (${messageNumber(values[negative])})`;
  return fromLogits(
    values,
    'logits',
    `${capitalise(shown)}, so the values are not probabilities and were read as logits (softmax).`,
    [`read as logits (softmax): ${shown}`],
  );
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
  return fromLogits(values, 'logprobs', 'Read as log-probabilities, as requested.', warnings);
}

/** Probabilities or counts: p = x / Σx, logP = ln(x / Σx) (−∞ where x = 0). */
function fromNonNegative(values: Float64Array, sumOfValues: number, interpretation: Interpretation, reason: string): Interpreted {
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
  const warnings = Math.abs(sumShown - 1) > NORMALISATION_TOLERANCE ? [`normalised: the values summed to ${messageNumber(sumShown)}`] : [];
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

/** Softmax and log-softmax together: one exp per element, kept in p until the sum is known. */
function fromLogits(values: Float64Array, interpretation: Interpretation, reason: string, warnings: string[]): Interpreted {
  const p = new Float64Array(values.length);
  const logP = new Float64Array(values.length);
  let at = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[at]) at = i;
  const max = values[at];
  const acc = new CompensatedSum();
  for (let i = 0; i < values.length; i++) {
    const e = Math.exp(values[i] - max);
    p[i] = e;
    if (i !== at) acc.add(e);
  }
  const rest = acc.value();
  const logNorm = Math.log1p(rest);
  const norm = 1 + rest;
  for (let i = 0; i < values.length; i++) {
    p[i] /= norm;
    logP[i] = Math.min(0, values[i] - max - logNorm);
  }
  return { p, logP, interpretation, reason, warnings };
}

// ---------------------------------------------------------------------------------------------
// Validation

function checkFinite(values: Float64Array, ctx: VectorContext): void {
  if (values.length === 0) throw new LiteralError('empty', `${ctx.name} is empty`, ctx.range);
  const bad = firstNonFinite(values);
  if (bad >= 0) {
    throw new LiteralError('non-finite', `element ${bad} of ${ctx.name} is ${String(values[bad])}`, ctx.elementRange(bad));
  }
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
  const acc = new CompensatedSum();
  for (let i = 0; i < values.length; i++) acc.add(values[i]);
  const total = acc.value();
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

function maxOf(values: Float64Array): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
