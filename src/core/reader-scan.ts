/**
 * The reader's hot path: runs of plain numbers (`-`, digits, `.`, exponent) separated by `,` and
 * spaces/newlines (or, in a whitespace list, by spaces/newlines only), written straight into the
 * packed arrays. Two copies of one loop: `scanBytes` over the text encoded once to a Uint8Array
 * (when the text is pure ASCII, so byte offsets are UTF-16 offsets), `scanText` over `charCodeAt`
 * for everything else. Indexing a Uint8Array costs less than half of `charCodeAt` on V8 (measured:
 * 21 ms vs 48–63 ms for a bare loop over 20 MB, plus 6 ms for `TextEncoder.encodeInto`).
 *
 * Both stop before anything else — a comment, `_`, a name, `...`, a bad token, a full array — and
 * leave the offset after the last element taken (its separator not consumed) in `scanAfter`, so the
 * reader's general loop handles the rest with full checking and messages. They return how many
 * elements they took; `scanN` is the new fill of the arrays.
 *
 * Results go out through module variables rather than fields of an object: the loop is compiled
 * on-stack (OSR) before any exit has run, and a property store at an exit without type feedback
 * made V8 deoptimise the function again and again (~30 times per million numbers).
 *
 * Digits are accumulated in int32 groups of nine (integer multiply-adds, not a chain of double
 * multiply-adds), leading zeros skipped; see `digitsToDouble` for the conversion.
 */
import { decimalToDouble, POW10, scaleDoubleDouble } from './reader-number';

/** Offset after the last element taken by the last scan. */
export let scanAfter = 0;
/** Fill of the packed arrays after the last scan. */
export let scanN = 0;

/** The part of TextEncoder used here (the core is typed without DOM or Node, see tsconfig). */
interface Encoder {
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
/** Every host of the core (Node, browsers, workers, the webview) has one; without it, `scanText`. */
const encoderClass = (globalThis as { TextEncoder?: new () => Encoder }).TextEncoder;
const encoder = encoderClass === undefined ? null : new encoderClass();

/**
 * The text as bytes plus a 0 sentinel (`bytes[text.length]`, neither a digit nor a separator), or
 * null when it is not pure ASCII.
 */
export function encodeAscii(text: string): Uint8Array | null {
  if (encoder === null) return null;
  const len = text.length;
  const bytes = new Uint8Array(len + 1);
  // Every non-ASCII character needs two or more bytes, so a buffer of `len` bytes takes the whole
  // text exactly when it is ASCII.
  return encoder.encodeInto(text, bytes.subarray(0, len)).read === len ? bytes : null;
}

const SPLIT = 32768;

/**
 * The double nearest to m · 10^e, where m is the decimal mantissa of `nd` significant digits held
 * as g1 (the first ≤ 9 digits) and g2 (the next nd − 9, when nd > 9). -1 when undecided (the caller
 * then uses `Number(token)`).
 * - nd ≤ 15: m is exact in a double; `decimalToDouble` does one correctly rounded IEEE multiply or
 *   divide by an exact power of ten (Clinger's fast path).
 * - 16 ≤ nd ≤ 18 (what `String(Math.random())` prints) and |e| ≤ 22: m is split exactly into a
 *   double-double, scaled in double-double arithmetic, and accepted only when both ends of an
 *   error interval far wider than the arithmetic's error round to the same double.
 */
function digitsToDouble(g1: number, g2: number, nd: number, e: number): number {
  if (nd <= 15) return decimalToDouble(nd <= 9 ? g1 : g1 * POW10[nd - 9]! + g2, 0, 0, e); // m < 10^15: exact
  const s = POW10[nd - 9]!;
  if (nd > 18 || e < -22 || e > 22) return -1;
  // m = g1·s + g2 < 10^18 exactly as mh + ml: g1 = u·2^15 + v, with u·s and v·s + g2 exact (< 2^46).
  const u = (g1 / SPLIT) | 0;
  const v = g1 - u * SPLIT;
  const a = u * s * SPLIT;
  const b = v * s + g2;
  const mh = a + b;
  const bb = mh - a;
  const ml = (a - (mh - bb)) + (b - bb);
  return scaleDoubleDouble(mh, ml, e);
}

/**
 * Plain numbers from `p` over ASCII bytes (sentinel-terminated). `close` is the closing bracket's
 * code (-1: none); `spaces`: a whitespace-separated list. Stops when `vals` is full.
 */
export function scanBytes(
  b: Uint8Array, text: string, p: number, close: number, spaces: boolean,
  vals: Float64Array, starts: Uint32Array, ends: Uint32Array, n: number,
): number {
  const cap = vals.length;
  let taken = 0;
  let after = p;
  for (;;) {
    const start = p;
    let c = b[p]!;
    let neg = false;
    if (c === 45) {
      neg = true;
      c = b[++p]!;
    }
    const intStart = p;
    let g1 = 0;
    let g2 = 0;
    let nd = 0; // significant digits kept (leading zeros not counted)
    let e = 0; // decimal exponent of the last digit kept
    while (c === 48) c = b[++p]!;
    while (c >= 48 && c <= 57) {
      if (nd < 9) g1 = g1 * 10 + (c - 48);
      else if (nd < 18) g2 = g2 * 10 + (c - 48);
      else e++;
      nd++;
      c = b[++p]!;
    }
    let any = p > intStart;
    if (c === 46) {
      if (b[p + 1] === 46) break;
      c = b[++p]!;
      const fracStart = p;
      if (nd === 0) {
        while (c === 48) c = b[++p]!;
        e = fracStart - p;
      }
      while (c >= 48 && c <= 57) {
        if (nd < 9) g1 = g1 * 10 + (c - 48);
        else if (nd < 18) g2 = g2 * 10 + (c - 48);
        else e++;
        nd++;
        e--;
        c = b[++p]!;
      }
      any = any || p > fracStart;
    }
    if (!any) break;
    if (c === 101 || c === 69) {
      c = b[++p]!;
      let expNeg = false;
      if (c === 45 || c === 43) {
        expNeg = c === 45;
        c = b[++p]!;
      }
      if (c < 48 || c > 57) break;
      let x = 0;
      while (c >= 48 && c <= 57) {
        if (x < 100000) x = x * 10 + (c - 48);
        c = b[++p]!;
      }
      e += expNeg ? -x : x;
    }
    // The number must end at a separator or the closing bracket.
    if (!(c === 44 || c === 32 || c === 10 || c === 13 || c === 9 || c === close)) break;
    let v = nd === 0 ? 0 : digitsToDouble(g1, g2, nd, e);
    if (v < 0) v = Math.abs(Number(text.slice(intStart, p)));
    vals[n] = neg ? -v : v;
    starts[n] = start;
    ends[n] = p;
    n++;
    taken++;
    after = p;
    if (n === cap) break;
    // The separator, then the next element's first character.
    while (c === 32 || c === 10 || c === 13 || c === 9) c = b[++p]!;
    if (spaces) {
      if (p === after) break;
    } else {
      if (c !== 44) break;
      c = b[++p]!;
      while (c === 32 || c === 10 || c === 13 || c === 9) c = b[++p]!;
    }
    if (!((c >= 48 && c <= 57) || c === 45)) break;
  }
  scanAfter = after;
  scanN = n;
  return taken;
}

/** `scanBytes` over `charCodeAt`, for text that is not pure ASCII. Keep the two in step. */
export function scanText(
  t: string, p: number, close: number, spaces: boolean,
  vals: Float64Array, starts: Uint32Array, ends: Uint32Array, n: number,
): number {
  const cap = vals.length;
  let taken = 0;
  let after = p;
  for (;;) {
    const start = p;
    let c = t.charCodeAt(p);
    let neg = false;
    if (c === 45) {
      neg = true;
      c = t.charCodeAt(++p);
    }
    const intStart = p;
    let g1 = 0;
    let g2 = 0;
    let nd = 0;
    let e = 0;
    while (c === 48) c = t.charCodeAt(++p);
    while (c >= 48 && c <= 57) {
      if (nd < 9) g1 = g1 * 10 + (c - 48);
      else if (nd < 18) g2 = g2 * 10 + (c - 48);
      else e++;
      nd++;
      c = t.charCodeAt(++p);
    }
    let any = p > intStart;
    if (c === 46) {
      if (t.charCodeAt(p + 1) === 46) break;
      c = t.charCodeAt(++p);
      const fracStart = p;
      if (nd === 0) {
        while (c === 48) c = t.charCodeAt(++p);
        e = fracStart - p;
      }
      while (c >= 48 && c <= 57) {
        if (nd < 9) g1 = g1 * 10 + (c - 48);
        else if (nd < 18) g2 = g2 * 10 + (c - 48);
        else e++;
        nd++;
        e--;
        c = t.charCodeAt(++p);
      }
      any = any || p > fracStart;
    }
    if (!any) break;
    if (c === 101 || c === 69) {
      c = t.charCodeAt(++p);
      let expNeg = false;
      if (c === 45 || c === 43) {
        expNeg = c === 45;
        c = t.charCodeAt(++p);
      }
      if (c < 48 || c > 57) break;
      let x = 0;
      while (c >= 48 && c <= 57) {
        if (x < 100000) x = x * 10 + (c - 48);
        c = t.charCodeAt(++p);
      }
      e += expNeg ? -x : x;
    }
    if (!(c === 44 || c === 32 || c === 10 || c === 13 || c === 9 || c === close)) break;
    let v = nd === 0 ? 0 : digitsToDouble(g1, g2, nd, e);
    if (v < 0) v = Math.abs(Number(t.slice(intStart, p)));
    vals[n] = neg ? -v : v;
    starts[n] = start;
    ends[n] = p;
    n++;
    taken++;
    after = p;
    if (n === cap) break;
    while (c === 32 || c === 10 || c === 13 || c === 9) c = t.charCodeAt(++p);
    if (spaces) {
      if (p === after) break;
    } else {
      if (c !== 44) break;
      c = t.charCodeAt(++p);
      while (c === 32 || c === 10 || c === 13 || c === 9) c = t.charCodeAt(++p);
    }
    if (!((c >= 48 && c <= 57) || c === 45)) break;
  }
  scanAfter = after;
  scanN = n;
  return taken;
}
