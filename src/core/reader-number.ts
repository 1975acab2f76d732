/**
 * Correctly rounded decimal → double conversion for the common cases, without building a string.
 *
 * The reader splits a decimal token into up to 19 significant digits — `hi` (the first ≤ 15, exact
 * in a double) and `lo` (the next ≤ 4) — and a power of ten. Two exact paths cover nearly every
 * number people paste:
 * - ≤ 15 digits and |exponent| ≤ 22: Clinger's fast path, one correctly rounded IEEE multiply or
 *   divide of two exact doubles.
 * - 16–19 digits (what `String(Math.random())` prints) and |exponent| ≤ 22: the mantissa and the
 *   scaling are carried in double-double arithmetic (error ≤ ~2⁻¹⁰⁰ relative); the result is
 *   returned only when both ends of a generous error interval round to the same double, which is
 *   then provably the correctly rounded value.
 * Anything else returns -1 and the caller falls back to `Number(token)`.
 */

/** 10^0 … 10^22: every power of ten that a double holds exactly. */
export const POW10 = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];

const TWO_53 = 9007199254740992;
/** Dekker's splitter for binary64: 2^27 + 1. */
const SPLITTER = 134217729;
/** Error interval half-width relative to the result: far above the ~2⁻¹⁰⁰ error of the arithmetic. */
const REL_BOUND = 2 ** -80;

/** The rounding error of `a * b` (= `p`): `a * b - p`, exactly (Dekker's TwoProduct, no FMA needed). */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/**
 * The double nearest to (hi · 10^loDigits + lo) · 10^exp10, or -1 when this function cannot decide
 * it cheaply. `hi` < 10^15 and `lo` < 10^loDigits are non-negative integers, loDigits ≤ 4.
 */
export function decimalToDouble(hi: number, lo: number, loDigits: number, exp10: number): number {
  if (loDigits === 0) {
    if (exp10 === 0) return hi;
    if (exp10 < 0) return exp10 >= -22 ? hi / POW10[-exp10]! : -1;
    if (exp10 <= 22) return hi * POW10[exp10]!;
    // 123e25 = (123 · 10^3) · 10^22 while the first product stays exact.
    if (exp10 <= 22 + 15) {
      const scaled = hi * POW10[exp10 - 22]!;
      if (scaled <= TWO_53) return scaled * 1e22;
    }
    return -1;
  }
  if (exp10 < -22 || exp10 > 22) return -1;
  // The 16–19 digit mantissa as a double-double mh + ml (exact up to ~2⁻¹⁰⁵ relative).
  const scale = POW10[loDigits]!;
  const p = hi * scale;
  const pe = productError(hi, scale, p);
  const s = p + lo;
  const bb = s - p;
  const se = (p - (s - bb)) + (lo - bb);
  return scaleDoubleDouble(s, se + pe, exp10);
}

/**
 * (mh + ml) · 10^e correctly rounded, for a positive double-double mantissa and |e| ≤ 22, or -1
 * when the value is too close to a rounding boundary to decide cheaply.
 */
export function scaleDoubleDouble(mh: number, ml: number, e: number): number {
  let q1: number;
  let q2: number;
  if (e === 0) {
    q1 = mh;
    q2 = ml;
  } else if (e > 0) {
    const d = POW10[e]!;
    q1 = mh * d;
    q2 = productError(mh, d, q1) + ml * d;
  } else {
    const d = POW10[-e]!;
    q1 = mh / d;
    const ph = q1 * d;
    const pl = productError(q1, d, ph);
    q2 = ((mh - ph) - pl + ml) / d;
  }
  // Round-to-nearest is monotone: if both ends of the interval round alike, so does the true value.
  const delta = Math.abs(q1) * REL_BOUND;
  const up = q1 + (q2 + delta);
  return up === q1 + (q2 - delta) ? up : -1;
}
