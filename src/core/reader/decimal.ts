/**
 * Decimal → double, correctly rounded, without building a string: the one conversion of the reader,
 * called by its one number scanner (scan.ts).
 *
 * The scanner splits a decimal's significant digits (leading zeros skipped): the first nine into
 * `g1`, the next nine into `g2` (int32 multiply-adds, cheaper than a chain of double ones), counting
 * them all in `nd`; `e` is the power of ten of the last digit kept.
 *
 * Two exact paths cover nearly every number people paste:
 * - ≤ 15 digits: the mantissa is exact in a double, and Clinger's fast path does one correctly
 *   rounded IEEE multiply or divide by an exact power of ten.
 * - 16–18 digits (what `String(Math.random())` prints) and |e| ≤ 22: the mantissa is split exactly
 *   into a double-double and scaled in double-double arithmetic (error ~2⁻¹⁰⁰ relative); the result
 *   is returned only when both ends of a far wider interval round to the same double, which is then
 *   provably the correctly rounded value.
 * Anything else is undecided (-1), and the caller converts the token's text with `Number()`.
 */

/** 10^0 … 10^22: every power of ten that a double holds exactly. */
const POW10 = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];

/** Digits per group; two groups are kept, the rest only counted. */
export const GROUP_DIGITS = 9;
export const KEPT_DIGITS = 2 * GROUP_DIGITS;

const TWO_53 = 9007199254740992;
/** g1 = u·2^15 + v keeps u·10^9 and v·10^9 + g2 below 2^53, so the double-double split is exact. */
const SPLIT = 32768;
/** Dekker's splitter for binary64: 2^27 + 1. */
const SPLITTER = 134217729;
/** Error interval half-width relative to the result: far above the ~2⁻¹⁰⁰ error of the arithmetic. */
const REL_BOUND = 2 ** -80;

/**
 * The double nearest to m · 10^e, where m has `nd` significant digits held as `g1` (the first ≤ 9)
 * and `g2` (the next nd − 9, when nd > 9); nd = 0 means m = 0. -1 when undecided.
 */
export function decimalToDouble(g1: number, g2: number, nd: number, e: number): number {
  if (nd <= 15) {
    if (nd === 0) return 0;
    return exactTimesPow10(nd <= GROUP_DIGITS ? g1 : g1 * POW10[nd - GROUP_DIGITS] + g2, e);
  }
  if (nd > KEPT_DIGITS || e < -22 || e > 22) return -1;
  // m = g1·s + g2 < 10^18 exactly as mh + ml.
  const s = POW10[nd - GROUP_DIGITS];
  const u = (g1 / SPLIT) | 0;
  const v = g1 - u * SPLIT;
  const a = u * s * SPLIT;
  const b = v * s + g2;
  const mh = a + b;
  const bb = mh - a;
  const ml = (a - (mh - bb)) + (b - bb);
  return scaleDoubleDouble(mh, ml, e);
}

/** m · 10^e for an exact integer m < 2^53 (Clinger's fast path), or -1. */
function exactTimesPow10(m: number, e: number): number {
  if (e === 0) return m;
  if (e < 0) return e >= -22 ? m / POW10[-e] : -1;
  if (e <= 22) return m * POW10[e];
  // 123e25 = (123 · 10^3) · 10^22 while the first product stays exact.
  if (e <= 22 + 15) {
    const scaled = m * POW10[e - 22];
    if (scaled <= TWO_53) return scaled * 1e22;
  }
  return -1;
}

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
 * (mh + ml) · 10^e correctly rounded, for a positive double-double mantissa and |e| ≤ 22, or -1
 * when the value is too close to a rounding boundary to decide cheaply.
 */
function scaleDoubleDouble(mh: number, ml: number, e: number): number {
  let q1: number;
  let q2: number;
  if (e === 0) {
    q1 = mh;
    q2 = ml;
  } else if (e > 0) {
    const d = POW10[e];
    q1 = mh * d;
    q2 = productError(mh, d, q1) + ml * d;
  } else {
    const d = POW10[-e];
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
