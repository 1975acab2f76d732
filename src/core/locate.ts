/**
 * Finding the literal around a position (hovers, commands run with an empty selection).
 *
 * The scan is bounded: it looks at most `maxLength` characters back from the offset and at most
 * `maxLength` characters forward from the literal's start, so its cost does not depend on the size
 * of the document, and a literal too long to read is declined as soon as that is known.
 *
 * Backwards from the offset it collects the enclosing brackets. A bracket is part of a literal when
 * what precedes the offset inside it is literal-like (numbers, commas, strings, keys, constants such
 * as `None` or `np.nan`); the first thing that cannot appear in a literal (`=`, `;`, an operator, a
 * name such as `for`, `x` or `import`) ends the search, since a literal never contains it. `[`
 * right after a name, `)` or `]` is indexing; `{` after `)`, `=>` or a name is a code block; `(`
 * after a name is a wrapper call (`np.array(`), kept only when the literal is its first argument.
 * Strings and `#`, `//` comments are recognised line by line (block comments and multi-line strings
 * are not), so a bracket inside a string on the same line does not count.
 */
import type { SourceRange } from './errors';
import { isCloser, isConstantName, isDigit, isIdentPart, isIdentStart, isNewline, isOpener, isSpace, NEW_KEYWORD, openerOf } from './reader/vocabulary';

/** Options for {@link findLiteralAt}. */
export interface FindLiteralOptions {
  /** Longest literal (in UTF-16 code units) worth finding; longer ones are declined. Default 100,000. */
  readonly maxLength?: number;
}

export const DEFAULT_MAX_LITERAL_LENGTH = 100_000;

/** Words before `(` that make it code rather than a wrapper call. */
const CODE_WORDS = new Set(['if', 'elif', 'while', 'for', 'switch', 'return', 'catch', 'function', 'and', 'or', 'not', 'in', 'is', 'with', 'await', 'yield', 'typeof', 'def', 'lambda', 'print']);

function matches(open: number, close: number): boolean {
  return isCloser(close) && openerOf(close) === open;
}

/** A name a literal may contain as a value: a constant the reader reads (`None`, `nan`, `jax.numpy.inf`), or `new`. */
function isValueWord(word: string): boolean {
  return isConstantName(word) || word === NEW_KEYWORD;
}

/** Where the code of the line [lineStart, lineEnd) ends: at a `#` or `//` comment outside strings. */
function codeEnd(text: string, lineStart: number, lineEnd: number): number {
  let quote = 0;
  for (let i = lineStart; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
    } else if (c === 34 || c === 39 || c === 96) quote = c;
    else if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47)) return i;
  }
  return lineEnd;
}

/** The string-or-comment state at `offset`, from a forward scan of its line (from `floor` at most). */
function stateAt(text: string, offset: number, floor: number): { comment: boolean; stringStart: number } {
  let lineStart = offset;
  while (lineStart > floor && !isNewline(text.charCodeAt(lineStart - 1))) lineStart--;
  let quote = 0;
  let stringStart = -1;
  for (let i = lineStart; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
    } else if (c === 34 || c === 39 || c === 96) {
      quote = c;
      stringStart = i;
    } else if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47)) {
      return { comment: true, stringStart: -1 };
    }
  }
  return { comment: false, stringStart: quote !== 0 ? stringStart : -1 };
}

/** The end (exclusive) of the string starting at `start`, on its line; -1 when it does not end there. */
function stringEnd(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === quote) return i + 1;
    else if (isNewline(c)) return -1;
  }
  return -1;
}

interface Enclosing {
  readonly open: number;
  /** Where the literal starts: the bracket, or the wrapper's name. */
  readonly start: number;
  readonly candidate: boolean;
}

/**
 * The range of the outermost bracketed literal containing `offset` — `[…]`, `(…)`, `{…}`, with a
 * wrapper call such as `np.array(…)` or `torch.tensor(…)` included — or undefined when the offset
 * is not inside one, is inside a comment, or the literal is longer than `maxLength` (in which case
 * the scan stops after about `maxLength` characters each way). `text` may be a window of the
 * document; give it at least `maxLength` characters on each side of the offset.
 */
export function findLiteralAt(text: string, offset: number, options?: FindLiteralOptions): SourceRange | undefined {
  const maxLength = options?.maxLength ?? DEFAULT_MAX_LITERAL_LENGTH;
  if (!(offset >= 0 && offset <= text.length)) return undefined;
  const floor = Math.max(0, offset - maxLength);
  let back = offset; // the backward scan looks at [.., back)
  let forward = offset; // the forward scan starts here
  // On a wrapper's name or an opening bracket, start inside the call or bracket.
  let we = offset;
  while (we < text.length && (isIdentPart(text.charCodeAt(we)) || text.charCodeAt(we) === 46)) we++;
  if (we > offset && text.charCodeAt(we) === 40) {
    // On `np.array(`: start inside its first argument's bracket, so the call counts as a wrapper.
    let a = we + 1;
    while (a < text.length && a - we < 200 && isSpace(text.charCodeAt(a))) a++;
    back = forward = isOpener(text.charCodeAt(a)) ? a + 1 : we + 1;
  } else if (isOpener(text.charCodeAt(offset))) back = forward = offset + 1;
  const state = stateAt(text, back, floor);
  if (state.comment) return undefined;
  if (state.stringStart >= 0) {
    const end = stringEnd(text, state.stringStart);
    if (end < 0) return undefined;
    back = state.stringStart;
    forward = end;
  }
  const enclosing = collectEnclosing(text, back, floor);
  if (enclosing === undefined) return undefined;
  let outer = -1;
  for (let k = 0; k < enclosing.length; k++) if (enclosing[k].candidate) outer = k;
  if (outer < 0) return undefined;
  const ends = closeEnclosing(text, forward, enclosing, outer, Math.min(text.length, enclosing[outer].start + maxLength));
  if (ends === undefined) return undefined;
  // The outermost candidate that is literal-shaped all through (`foo([1, 2], x)` is not; `[1, 2]` is).
  for (let k = outer; k >= 0; k--) {
    const entry = enclosing[k];
    if (!entry.candidate) continue;
    const range = { start: entry.start, end: ends[k] };
    if (range.end - range.start <= maxLength && shape(text, range) !== Shape.Code) return range;
  }
  return undefined;
}

/**
 * The brackets enclosing `back`, innermost first, up to the first non-literal content; undefined
 * when the scan reached `floor` (above the start of the text) before that: the literal, if any,
 * is longer than the bound.
 */
function collectEnclosing(text: string, back: number, floor: number): Enclosing[] | undefined {
  const enclosing: Enclosing[] = [];
  const closers: number[] = [];
  let levelContent = false; // something literal-like seen at this level, before the offset
  let lineStart = back;
  while (lineStart > floor && !isNewline(text.charCodeAt(lineStart - 1))) lineStart--;
  let i = back - 1;
  for (;;) {
    if (i < floor) return floor === 0 ? enclosing : undefined;
    const c = text.charCodeAt(i);
    if (isNewline(c)) {
      // Into the previous line: skip its comment, if any.
      let ls = i;
      while (ls > floor && !isNewline(text.charCodeAt(ls - 1))) ls--;
      lineStart = ls;
      i = codeEnd(text, ls, i) - 1;
      continue;
    }
    if (c === 34 || c === 39 || c === 96) {
      let j = i - 1;
      while (j >= lineStart && !(text.charCodeAt(j) === c && text.charCodeAt(j - 1) !== 92)) j--;
      if (j >= lineStart) i = j;
      if (closers.length === 0) levelContent = true;
      i--;
      continue;
    }
    if (isCloser(c)) {
      closers.push(c);
      i--;
      continue;
    }
    if (isOpener(c)) {
      if (closers.length > 0) {
        closers.pop();
        i--;
        continue;
      }
      const entry = classifyOpener(text, i, levelContent, enclosing.length > 0);
      if (entry === undefined) return enclosing;
      enclosing.push(entry);
      levelContent = false;
      i = entry.start - 1;
      continue;
    }
    if (closers.length > 0 || isSpace(c)) {
      i--;
      continue;
    }
    if (c === 44 || c === 58 || c === 46 || c === 43 || c === 45 || isDigit(c) || c === 0x2026) {
      if (isDigit(c) || c === 46) {
        // A number, possibly with an exponent: 1e-5, 2.5E3.
        let j = i;
        while (j > floor && (isIdentPart(text.charCodeAt(j - 1)) || text.charCodeAt(j - 1) === 46)) j--;
        if (isIdentStart(text.charCodeAt(j)) && !isAllowedWord(text, j, i + 1)) return enclosing;
        i = j;
      }
      levelContent = true;
      i--;
      continue;
    }
    if (isIdentPart(c)) {
      let j = i;
      while (j > floor && (isIdentPart(text.charCodeAt(j - 1)) || text.charCodeAt(j - 1) === 46)) j--;
      if (!isDigit(text.charCodeAt(j)) && text.charCodeAt(j) !== 46 && !isAllowedWord(text, j, i + 1)) return enclosing;
      levelContent = true;
      i = j - 1;
      continue;
    }
    return enclosing; // `=`, `;`, an operator…: not in a literal
  }
}

/** A name inside a literal: a constant, a key (`p:`), a keyword argument (`dtype=`), or a number's exponent. */
function isAllowedWord(text: string, start: number, end: number): boolean {
  // The whole word, also when the offset cut it (a hover on `n|an`).
  while (isIdentPart(text.charCodeAt(end)) || (text.charCodeAt(end) === 46 && isIdentStart(text.charCodeAt(end + 1)))) end++;
  const word = text.slice(start, end);
  if (isValueWord(word)) return true;
  let k = end;
  while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
  const next = text.charCodeAt(k);
  return next === 58 || next === 40 || (next === 61 && text.charCodeAt(k + 1) !== 61);
}

/** What an enclosing opening bracket at `i` is: part of a literal, indexing, or the end of the search. */
function classifyOpener(text: string, i: number, levelContent: boolean, haveInner: boolean): Enclosing | undefined {
  const c = text.charCodeAt(i);
  const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
  if (c === 91) {
    if (isIdentPart(prev) || prev === 41 || prev === 93) return { open: i, start: i, candidate: false };
    return { open: i, start: i, candidate: true };
  }
  let j = i - 1;
  while (j >= 0 && i - j < 200 && isSpace(text.charCodeAt(j))) j--;
  const before = j >= 0 ? text.charCodeAt(j) : 32;
  if (c === 123) {
    if (before === 41 || before === 62 || isIdentPart(before)) return undefined; // a code block
    return { open: i, start: i, candidate: true };
  }
  // `(`: a call when a name touches it, else a tuple or grouping.
  if (isIdentPart(prev) || prev === 46) {
    let ws = i;
    while (ws > 0 && (isIdentPart(text.charCodeAt(ws - 1)) || text.charCodeAt(ws - 1) === 46)) ws--;
    const name = text.slice(ws, i);
    if (CODE_WORDS.has(name) || isDigit(text.charCodeAt(ws)) || levelContent) return undefined;
    // A wrapper when a literal is its first argument; else (`float('nan')`, `np.float32(1)`) a
    // call that may sit inside a literal: look further out.
    return { open: i, start: ws, candidate: haveInner };
  }
  if (isIdentPart(before)) return undefined; // `if (`, `print (`
  return { open: i, start: i, candidate: true };
}

/**
 * Scan forward from `from` for the closing brackets of enclosing[0..outer]; their ends
 * (exclusive), or undefined when a bracket does not match or `limit` is reached first.
 */
function closeEnclosing(text: string, from: number, enclosing: readonly Enclosing[], outer: number, limit: number): number[] | undefined {
  let depth = 0;
  let k = 0;
  const ends: number[] = [];
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39 || c === 96) {
      const end = stringEnd(text, i);
      if (end > 0) i = end - 1;
    } else if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47)) {
      while (i < limit && !isNewline(text.charCodeAt(i))) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0 || end >= limit) return undefined;
      i = end + 1;
    } else if (isOpener(c)) {
      depth++;
    } else if (isCloser(c)) {
      if (depth > 0) depth--;
      else {
        if (!matches(text.charCodeAt(enclosing[k].open), c)) return undefined;
        ends.push(i + 1);
        if (k === outer) return ends;
        k++;
      }
    }
  }
  return undefined;
}

/**
 * A cheap check that `range` of `text` holds numbers rather than code: at least one digit, and no
 * names other than constants (`None`, `nan`, `np.inf`, `True`…), wrapper calls (`np.array(`), keys
 * (`p:`) and keyword arguments (`dtype=…`, skipped with their value); no operators. `[i for i in x]`
 * and `[a, b]` fail it; `[0.1, 0.9]`, `np.array([1, 2], dtype=np.float32)` and `{"p": [1]}` pass.
 */
export function looksNumeric(text: string, range: SourceRange): boolean {
  return shape(text, range) === Shape.Numeric;
}

/**
 * Whether `text` is meant as a literal at all: numbers in brackets (see {@link looksNumeric}), or
 * anything that opens with a bracket (`[a, 1]`, `["x"]`: a literal whose fault is worth naming).
 * Plain code such as `loss = criterion(model(x), y)` or a bare name is not: its "fault" would be a
 * name inside it, which tells the user nothing.
 */
export function looksLikeLiteral(text: string): boolean {
  return /^\s*[[({]/.test(text) || looksNumeric(text, { start: 0, end: text.length });
}

const enum Shape {
  Code,
  Literal, // literal-shaped, no digit
  Numeric, // literal-shaped with a digit
}

function shape(text: string, range: SourceRange): Shape {
  const end = Math.min(range.end, text.length);
  let digit = false;
  let i = Math.max(0, range.start);
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      digit = true;
      i = numberEnd(text, i, end);
    } else if (isSpace(c) || isOpener(c) || isCloser(c) || c === 44 || c === 58 || c === 43 || c === 45 || c === 46 || c === 0x2026) {
      i++;
    } else if (c === 34 || c === 39) {
      const e = stringEnd(text, i);
      if (e < 0 || e > end) return Shape.Code;
      i = e;
    } else if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47)) {
      while (i < end && !isNewline(text.charCodeAt(i))) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const e = text.indexOf('*/', i + 2);
      if (e < 0 || e >= end) return Shape.Code;
      i = e + 2;
    } else if (isIdentStart(c)) {
      const next = wordOrArgument(text, i, end);
      if (next < 0) return Shape.Code;
      i = next;
    } else {
      return Shape.Code;
    }
  }
  return digit ? Shape.Numeric : Shape.Literal;
}

/** The end of a number starting at `i`: digits, `_`, `.`, and an exponent with its sign. */
function numberEnd(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isDigit(c) || c === 95 || c === 46) i++;
    else if ((c === 101 || c === 69) && i + 1 < end) {
      const n = text.charCodeAt(i + 1);
      i += n === 43 || n === 45 ? 2 : 1;
    } else break;
  }
  return i;
}

/** After an allowed name at `i` (skipping a keyword argument's value), or -1 for a disallowed one. */
function wordOrArgument(text: string, i: number, end: number): number {
  let e = i;
  while (e < end && (isIdentPart(text.charCodeAt(e)) || text.charCodeAt(e) === 46)) e++;
  const word = text.slice(i, e);
  let k = e;
  while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  const next = text.charCodeAt(k);
  if (next === 61 && text.charCodeAt(k + 1) !== 61) return skipArgument(text, k + 1, end);
  if (next === 40 || next === 58 || isValueWord(word)) return e;
  return -1;
}

/** Skip a keyword argument's value up to the `,` or `)` that ends it. */
function skipArgument(text: string, i: number, end: number): number {
  let depth = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      const e = stringEnd(text, i);
      if (e < 0) return -1;
      i = e;
      continue;
    }
    if (isOpener(c)) depth++;
    else if (isCloser(c)) {
      if (depth === 0) return i;
      depth--;
    } else if (c === 44 && depth === 0) return i;
    i++;
  }
  return i;
}
