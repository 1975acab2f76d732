// Information quantities on distributions, in nats (math.md, "Information quantities").
//
// Every log comes from Distribution.logP, never from log(p): for logits p may underflow to 0
// while ln p is an exact finite number, and using logP keeps those answers exact.

import { softplus } from './log-softmax';
import { CompensatedSum } from './summation';
import type { Distribution, MaybeInfinite } from './types';

/** Lengths are checked (with source ranges) by the caller; a mismatch here is a bug. */
function assertSameLength(p: Distribution, q: Distribution): void {
  if (p.p.length !== q.p.length || p.logP.length !== p.p.length || q.logP.length !== q.p.length) {
    throw new Error(`distributions of different lengths: ${p.p.length} and ${q.p.length}`);
  }
}

/** −pᵢ ln pᵢ, with 0 · ln 0 = 0. */
function entropyTerm(d: Distribution, i: number): number {
  const p = d.p[i];
  return p === 0 ? 0 : -p * d.logP[i];
}

/** Entropy H(P) = −Σ pᵢ ln pᵢ in nats, 0 · ln 0 = 0. */
export function entropy(d: Distribution): number {
  const acc = new CompensatedSum();
  for (let i = 0; i < d.p.length; i++) acc.add(entropyTerm(d, i));
  return Math.max(0, acc.value());
}

/** H(P) and its terms in one pass: what the charts and the figure need together. */
export function entropyAndTerms(d: Distribution): { value: number; terms: Float64Array } {
  const terms = new Float64Array(d.p.length);
  const acc = new CompensatedSum();
  for (let i = 0; i < d.p.length; i++) {
    const term = entropyTerm(d, i);
    terms[i] = term;
    acc.add(term);
  }
  return { value: Math.max(0, acc.value()), terms };
}

/** −pᵢ ln qᵢ: 0 where pᵢ = 0 (even if qᵢ = 0), +∞ where qᵢ = 0 < pᵢ. */
function crossEntropyTerm(p: Distribution, q: Distribution, i: number): number {
  const pi = p.p[i];
  return pi === 0 ? 0 : -pi * q.logP[i];
}

/** Cross-entropy H(P, Q) = −Σ pᵢ ln qᵢ in nats; +∞ with the first i where qᵢ = 0 < pᵢ. */
export function crossEntropy(p: Distribution, q: Distribution): MaybeInfinite {
  // The same loop as klDivergence's, written twice on purpose: with the term passed in as a
  // function, or chosen by a flag, V8 no longer inlines it and the sum is several times slower.
  assertSameLength(p, q);
  const acc = new CompensatedSum();
  for (let i = 0; i < p.p.length; i++) {
    const term = crossEntropyTerm(p, q, i);
    if (term === Infinity) return { value: Infinity, infiniteAt: i };
    acc.add(term);
  }
  return { value: acc.value(), infiniteAt: -1 };
}

/** pᵢ (ln pᵢ − ln qᵢ): 0 where pᵢ = 0, +∞ where qᵢ = 0 < pᵢ. */
function klTerm(p: Distribution, q: Distribution, i: number): number {
  const pi = p.p[i];
  if (pi === 0) return 0;
  const lq = q.logP[i];
  return lq === -Infinity ? Infinity : pi * (p.logP[i] - lq);
}

/**
 * Kullback–Leibler divergence D_KL(P‖Q) = Σ pᵢ (ln pᵢ − ln qᵢ) over pᵢ > 0, in nats; +∞ with the
 * first i where qᵢ = 0 < pᵢ. Not symmetric. Gibbs' inequality makes it ≥ 0; a negative total can
 * only be rounding (|·| ≲ 1e-16), so it is reported as 0.
 */
export function klDivergence(p: Distribution, q: Distribution): MaybeInfinite {
  assertSameLength(p, q);
  const acc = new CompensatedSum();
  for (let i = 0; i < p.p.length; i++) {
    const term = klTerm(p, q, i);
    if (term === Infinity) return { value: Infinity, infiniteAt: i };
    acc.add(term);
  }
  return { value: Math.max(0, acc.value()), infiniteAt: -1 };
}

/** The terms of D_KL(P‖Q): pᵢ ln(pᵢ/qᵢ), 0 where pᵢ = 0, +∞ where qᵢ = 0 < pᵢ. May be negative. */
export function klTerms(p: Distribution, q: Distribution): Float64Array {
  assertSameLength(p, q);
  const out = new Float64Array(p.p.length);
  for (let i = 0; i < p.p.length; i++) out[i] = klTerm(p, q, i);
  return out;
}

/**
 * Jensen–Shannon divergence JS(P, Q) = ½ D_KL(P‖M) + ½ D_KL(Q‖M), M = ½(P + Q), in nats.
 * Always finite, in [0, ln 2] (clamped there: outside it is only rounding). scipy's
 * `jensenshannon` returns the square root of this (in its base), the JS distance.
 *
 * Computed in log space, without forming M: with a = ln pᵢ, b = ln qᵢ, d = a − b and
 * L = softplus(−|d|) = log1p(e^−|d|), ln pᵢ − ln mᵢ = ln 2 + min(d, 0) − L and
 * ln qᵢ − ln mᵢ = ln 2 − max(d, 0) − L. No cancellation, no division, one exp and one log1p per
 * element, finite whenever the weight is > 0.
 */
export function jsDivergence(p: Distribution, q: Distribution): number {
  assertSameLength(p, q);
  const acc = new CompensatedSum();
  for (let i = 0; i < p.p.length; i++) {
    const pi = p.p[i];
    const qi = q.p[i];
    if (pi === 0 && qi === 0) continue;
    const d = p.logP[i] - q.logP[i];
    const shared = Math.LN2 - softplus(-Math.abs(d));
    // A zero weight skips its term: its bracket may be −∞ and 0 · −∞ is NaN.
    if (pi > 0) acc.add(0.5 * pi * (d < 0 ? shared + d : shared));
    if (qi > 0) acc.add(0.5 * qi * (d > 0 ? shared - d : shared));
  }
  return Math.min(Math.LN2, Math.max(0, acc.value()));
}

/** The largest entropy over n outcomes, ln n (the uniform distribution), in nats. */
export function maxEntropy(n: number): number {
  return Math.log(n);
}
