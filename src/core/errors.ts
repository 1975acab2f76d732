/** A half-open range of UTF-16 offsets [start, end) into the text that was read. */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

/** Where a vector came from, so errors and warnings can name it and point at its elements. */
export interface VectorContext {
  /** What to call it in messages: "P", "Q", "row 3", "the predictions". */
  readonly name: string;
  /** The whole vector, for errors about the vector as a whole (empty, sums to 0). */
  readonly range: SourceRange;
  /** The source range of element `index` (0-based). */
  elementRange(index: number): SourceRange;
}

/** 1-based line and column, as editors and compilers print them. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** What went wrong, for code that reacts to a kind of error rather than to its wording. */
export type LiteralErrorCode =
  | 'syntax' // unexpected character, unbalanced bracket, unterminated string, trailing text
  | 'not-a-number' // a string, None, or other non-numeric element where a number belongs
  | 'non-finite' // NaN or ±Infinity among the values
  | 'empty' // an empty vector
  | 'ragged' // rows of different lengths
  | 'length-mismatch' // P and Q, or targets and predictions, of different lengths
  | 'negative-count' // a negative value where counts or probabilities were asked for
  | 'invalid-probability' // a probability outside [0, 1], or log-probabilities that do not normalise
  | 'label-out-of-range' // a class index outside [0, classes), or a binary label outside {0, 1}
  | 'abbreviated' // numpy's `...` summary: the values are not in the text
  | 'shape' // a structure that is none of vector, pair, batch or loss case
  | 'option' // a loss option (--weight, --ignore-index, …) that cannot apply to these numbers
  | 'too-large'; // more elements than the chosen mode accepts

/**
 * The one error the core throws for bad input. It carries a message a person understands and the
 * range of the offending element, so an editor can put the cursor on it and a CLI can print
 * "line L, column C". Anything else escaping the core is a bug.
 */
export class LiteralError extends Error {
  override readonly name = 'LiteralError';
  constructor(
    readonly code: LiteralErrorCode,
    message: string,
    readonly range: SourceRange,
  ) {
    super(message);
  }
}

export function isLiteralError(error: unknown): error is LiteralError {
  return error instanceof LiteralError;
}

/** Line and column (1-based) of `offset` in `text`; lines end at \n, \r\n or \r. */
export function lineColumnAt(text: string, offset: number): LineColumn {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The message every front end without an editor prints: "<message> (line L, column C)" in `text`. */
export function messageAt(text: string, error: LiteralError): string {
  const { line, column } = lineColumnAt(text, error.range.start);
  return `${error.message} (line ${line}, column ${column})`;
}

/** The smallest range covering both. */
export function spanning(a: SourceRange, b: SourceRange): SourceRange {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** "1 element", "3 elements": a count as the messages spell it. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
