/**
 * The number scanner, the one place a number token is read: runs of plain numbers (the reader's
 * hot path), and single numbers anywhere else (`one`).
 *
 *   number   = sign? mantissa exponent?
 *   mantissa = digits ('.' digits?)? | '.' digits
 *   digits   = digit ('_'? digit)*
 *   exponent = ('e' | 'E') sign? digits
 *
 * A run is numbers separated by `,` and spaces/newlines (or, in a whitespace list, by spaces and
 * newlines only), written straight into the packed arrays with no object or substring per element.
 * It stops before anything else — a comment, a name, `...`, a number followed by a letter, a full
 * array — and leaves the offset after the last element taken (its separator not consumed) in
 * `scanAfter`, so the parser handles the rest with full checking and messages.
 *
 * It reads codes (see `codesOf`), not the string: indexing a Uint8Array costs less than half of
 * `charCodeAt` on V8. Results go out through module variables rather than fields of an object: the
 * loop is compiled on-stack (OSR) before any exit has run, and a property store at an exit without
 * type feedback made V8 deoptimise the function again and again.
 */
import { decimalToDouble, GROUP_DIGITS, KEPT_DIGITS } from './decimal';
import { Code, isSpace } from './vocabulary';

// The codes as module constants, which V8 folds into the loop; a property load (`Code.Comma`) per
// comparison makes the loop about a sixth slower.
const COMMA = Code.Comma;
const DOT = Code.Dot;
const MINUS = Code.Minus;
const NEWLINE = Code.Newline;
const NINE = Code.Nine;
const PLUS = Code.Plus;
const RETURN = Code.Return;
const SPACE = Code.Space;
const TAB = Code.Tab;
const UNDERSCORE = Code.Underscore;
const ZERO = Code.Zero;

/** Offset after the last element taken by the last scan. */
export let scanAfter = 0;
/** Fill of the packed arrays after the last scan. */
export let scanN = 0;

/** The spaces that separate numbers in a run (the others are spaces in the codes, see `codesOf`). */
function isRunSpace(c: number): boolean {
  return c <= SPACE && (c === SPACE || c === NEWLINE || c === RETURN || c === TAB);
}

function isDigitCode(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** `1_000`: an underscore at `p` counts only between two digits. */
function betweenDigits(codes: Uint8Array, p: number): boolean {
  return isDigitCode(codes[p - 1]) && isDigitCode(codes[p + 1]);
}

/**
 * Numbers from `p`, appended at `n` to `vals`/`starts`/`ends`; returns how many were taken.
 * `close` is the closing bracket's code (-1: none); `spaces`: a whitespace-separated list. Stops
 * when `vals` is full. With `one`, takes at most one number, whatever follows it (the caller checks).
 */
export function scanNumbers(
  codes: Uint8Array, text: string, p: number, close: number, spaces: boolean,
  vals: Float64Array, starts: Uint32Array, ends: Uint32Array, n: number, one = false,
): number {
  const cap = one ? n + 1 : vals.length;
  let taken = 0;
  let after = p;
  for (;;) {
    const start = p;
    let c = codes[p];
    const neg = c === MINUS;
    if (neg || c === PLUS) c = codes[++p]!;
    const unsigned = p;
    // Significant digits (leading zeros skipped): the first nine in g1, the next nine in g2, all
    // counted in nd; e is the power of ten of the last digit kept (see decimal.ts).
    let g1 = 0;
    let g2 = 0;
    let nd = 0;
    let e = 0;
    while (c === ZERO) c = codes[++p]!;
    // Two digit loops, integer part and fraction: one loop with the '.' inside is slower on V8.
    for (;;) {
      if (isDigitCode(c)) {
        if (nd < GROUP_DIGITS) g1 = g1 * 10 + (c - ZERO);
        else if (nd < KEPT_DIGITS) g2 = g2 * 10 + (c - ZERO);
        else e++; // not kept, but still a power of ten of the integer part
        nd++;
      } else if (c !== UNDERSCORE || !betweenDigits(codes, p)) break;
      c = codes[++p]!;
    }
    let digits = p > unsigned;
    if (c === DOT && codes[p + 1] !== DOT) {
      c = codes[++p]!;
      const fractionStart = p;
      if (nd === 0) {
        while (c === ZERO) c = codes[++p]!;
        e = fractionStart - p;
      }
      for (;;) {
        if (isDigitCode(c)) {
          if (nd < GROUP_DIGITS) g1 = g1 * 10 + (c - ZERO);
          else if (nd < KEPT_DIGITS) g2 = g2 * 10 + (c - ZERO);
          else e++;
          nd++;
          e--;
        } else if (c !== UNDERSCORE || !betweenDigits(codes, p)) break;
        c = codes[++p]!;
      }
      digits ||= p > fractionStart;
    }
    if (!digits) break;
    // An exponent only with its digits: `1e` is 1 followed by a letter, which the caller reports.
    if (c === 101 /* e */ || c === 69 /* E */) {
      const end = exponentEnd(codes, p);
      if (end > 0) {
        e += exponent;
        p = end;
        c = codes[p]!;
      }
    }
    // In a run, the number must end at a separator or the closing bracket.
    if (!(c === COMMA || isRunSpace(c) || c === close) && !one) break;
    let v = decimalToDouble(g1, g2, nd, e);
    if (v < 0) v = Number(text.slice(unsigned, p).replace(/_/g, ''));
    vals[n] = neg ? -v : v;
    starts[n] = start;
    ends[n] = p;
    n++;
    taken++;
    after = p;
    if (n === cap) break;
    // The separator, then the next element's first character.
    while (isRunSpace(c)) c = codes[++p]!;
    if (spaces) {
      if (p === after) break;
    } else {
      if (c !== COMMA) break;
      c = codes[++p]!;
      while (isRunSpace(c)) c = codes[++p]!;
    }
    if (!(isDigitCode(c) || c === MINUS)) break;
  }
  scanAfter = after;
  scanN = n;
  return taken;
}

/** The whole of `text` as one number token (Python's `float('1_000.5')`), or undefined. */
export function numberIn(text: string): number | undefined {
  const c = text.charCodeAt(0);
  if (!(isDigitCode(c) || c === MINUS || c === PLUS || c === DOT)) return undefined;
  const value = new Float64Array(1);
  const taken = scanNumbers(codesOf(text), text, 0, -1, false, value, new Uint32Array(1), new Uint32Array(1), 0, true);
  return taken === 1 && scanAfter === text.length ? value[0] : undefined;
}

/** The exponent the last `exponentEnd` read. */
let exponent = 0;

/**
 * After the `e` or `E` at `p`: the offset after the exponent's digits, with its value in
 * `exponent`; -1 when no digit follows.
 */
function exponentEnd(codes: Uint8Array, p: number): number {
  let q = p + 1;
  let d = codes[q];
  const neg = d === MINUS;
  if (neg || d === PLUS) d = codes[++q]!;
  if (!isDigitCode(d)) return -1;
  let x = 0;
  for (;;) {
    if (isDigitCode(d)) {
      if (x < 100000) x = x * 10 + (d - ZERO);
    } else if (d !== UNDERSCORE || !betweenDigits(codes, q)) break;
    d = codes[++q]!;
  }
  exponent = neg ? -x : x;
  return q;
}

/** The text encoded once, if it is ASCII (see `codesOf`). */
interface Encoder {
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
/** Every host of the core (Node, browsers, workers, the webview) has one; the core is typed without DOM or Node. */
const encoderClass = (globalThis as { TextEncoder?: new () => Encoder }).TextEncoder;
const encoder = encoderClass === undefined ? null : new encoderClass();

/** Stands for every code unit above ASCII but spaces: neither a digit, a sign nor a separator. */
const NOT_ASCII = 0x80;

/**
 * `text`'s UTF-16 code units as bytes, one per unit, so offsets are the string's: ASCII as is, a
 * space outside ASCII (a no-break space pasted from a web page) as a space, any other as 0x80; then
 * a 0 sentinel (`codes[text.length]`).
 */
export function codesOf(text: string): Uint8Array {
  const len = text.length;
  const codes = new Uint8Array(len + 1);
  if (encoder === null) {
    mapCodes(text, codes, 0, len);
    return codes;
  }
  // Every non-ASCII character needs two or more bytes in UTF-8, so `len` bytes take the whole
  // text exactly when it is ASCII.
  if (encoder.encodeInto(text, codes.subarray(0, len)).read === len) return codes;
  // Else the ASCII stretches are encoded natively and each run of other characters marked, until
  // the runs prove dense (one every few hundred characters): then one loop does the rest.
  const others = /[\u0080-\uffff]+/g;
  let at = 0;
  let runs = 0;
  for (let run = others.exec(text); run !== null && (++runs < 16 || at > runs * 256); run = others.exec(text)) {
    copyAscii(text, codes, at, run.index);
    mapCodes(text, codes, run.index, others.lastIndex);
    at = others.lastIndex;
  }
  mapCodes(text, codes, at, len);
  return codes;
}

/** The characters [from, to) of `text`, all ASCII, into `codes` at the same offsets. */
function copyAscii(text: string, codes: Uint8Array, from: number, to: number): void {
  if (to - from >= 256 && encoder !== null) encoder.encodeInto(text.slice(from, to), codes.subarray(from, to));
  else mapCodes(text, codes, from, to);
}

/** The characters [from, to) of `text` into `codes` at the same offsets (see `codesOf`). */
function mapCodes(text: string, codes: Uint8Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    codes[i] = c < NOT_ASCII ? c : isSpace(c) ? SPACE : NOT_ASCII;
  }
}
