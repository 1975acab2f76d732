// Log-sum-exp, softmax and log-softmax: the one place the core turns logits into probabilities
// (math.md, "Reading the numbers"). Every caller (interpret, the CCE loss, the loss view's
// probabilities) goes through `normalise` or `logSumExp`, which share one max-shifted,
// compensated (Neumaier) sum, so they agree to the last bit and fail the same way.

import { LiteralError, type VectorContext } from './errors';
import { CompensatedSum } from './summation';

/**
 * ln Σ exp(xᵢ) of a slice, shifted by its max m: m + log1p(Σ_{i≠argmax} exp(xᵢ − m)). log1p keeps
 * the contributions far below the max that ln(1 + r) rounds away, and the shift makes logits of
 * ±1000 exact. −∞ entries contribute exp(−∞) = 0: a masked class has probability 0.
 */
export interface Normaliser {
  /** The largest element. */
  readonly max: number;
  /** log1p(Σ_{i≠argmax} exp(xᵢ − max)): ln Σ exp(x) − max. */
  readonly logNorm: number;
  /** 1 + Σ_{i≠argmax} exp(xᵢ − max): Σ exp(x) / exp(max). */
  readonly norm: number;
}

/**
 * The normaliser of values[start, end); when `exps` is given, exp(xᵢ − max) is left in it at the
 * same indices, so softmax costs one exp per element.
 *
 * @throws LiteralError 'non-finite' for a NaN or +∞ element (no softmax exists), or when every
 *   element is −∞ (no class has any probability). Indices in messages are relative to `start`.
 */
export function normalise(
  values: Float64Array,
  start: number,
  end: number,
  where: () => VectorContext,
  exps?: Float64Array,
): Normaliser {
  let at = -1;
  let max = -Infinity;
  for (let i = start; i < end; i++) {
    const x = values[i];
    // One comparison rejects both NaN and +∞; −∞ passes and never becomes the max.
    if (!(x < Infinity)) throw nonFinite(where(), i - start, x);
    if (x > max) {
      max = x;
      at = i;
    }
  }
  if (at < 0) {
    const ctx = where();
    throw new LiteralError('non-finite', `every element of ${ctx.name} is −∞: a softmax needs at least one finite value`, ctx.range);
  }
  const rest = restAfterShift(values, start, end, at, max, exps);
  return { max, logNorm: Math.log1p(rest), norm: 1 + rest };
}

/** The error for a NaN or ±∞ element, worded the same wherever values are checked. */
export function nonFinite(ctx: VectorContext, index: number, value: number): LiteralError {
  return new LiteralError('non-finite', `element ${index} of ${ctx.name} is ${String(value)}`, ctx.elementRange(index));
}

/**
 * Σ_{i≠at} exp(xᵢ − max), compensated; writes each exponential into `exps` when given. Two loops
 * rather than a test inside one, and a local accumulator rather than one passed in: V8 optimises
 * neither alternative as well, and this loop is the cost of reading logits.
 */
function restAfterShift(values: Float64Array, start: number, end: number, at: number, max: number, exps?: Float64Array): number {
  const acc = new CompensatedSum();
  if (exps) {
    for (let i = start; i < end; i++) {
      const e = Math.exp(values[i] - max);
      exps[i] = e;
      if (i !== at) acc.add(e);
    }
  } else {
    for (let i = start; i < end; i++) if (i !== at) acc.add(Math.exp(values[i] - max));
  }
  return acc.value();
}

/**
 * ln Σ exp(xᵢ) as scipy.special.logsumexp gives it: −∞ for an empty vector or one of −∞ only
 * (ln 0), +∞ if any element is, NaN if any is.
 */
export function logSumExp(values: Float64Array): number {
  let at = -1;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) return NaN;
    if (x > max) {
      max = x;
      at = i;
    }
  }
  if (at < 0 || max === Infinity) return max;
  return max + Math.log1p(restAfterShift(values, 0, values.length, at, max));
}

/**
 * softmax and log-softmax of values[start, end) into `p` and `logP` (same indices; `logP` may be
 * omitted). softmax(x)ᵢ = exp(xᵢ − max) / norm: one rounding in exp and one in the division;
 * ln softmax(x)ᵢ = (xᵢ − max) − logNorm from differences, never log(exp(x)), and ≤ 0 always.
 */
export function softmaxInto(
  values: Float64Array,
  start: number,
  end: number,
  where: () => VectorContext,
  p: Float64Array,
  logP?: Float64Array,
): void {
  const { max, logNorm, norm } = normalise(values, start, end, where, p);
  for (let i = start; i < end; i++) {
    p[i] /= norm;
    if (logP) logP[i] = Math.min(0, values[i] - max - logNorm);
  }
}

/** softmax and log-softmax of a whole vector. */
export function softmaxWithLog(values: Float64Array, ctx: VectorContext): { p: Float64Array; logP: Float64Array } {
  const p = new Float64Array(values.length);
  const logP = new Float64Array(values.length);
  softmaxInto(values, 0, values.length, () => ctx, p, logP);
  return { p, logP };
}

/** ln(1 + eˣ) = max(x, 0) + log1p(e^−|x|): the log-sum-exp of [0, x], finite for every finite x. */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** σ(z) = 1 / (1 + e^−z): the softmax of [0, z] at z, without overflow either side. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
