import { isLiteralError, type SourceRange } from '../../core/errors';
import { enclosingGroups } from '../../core/enclosing';
import { evaluateText, type EvaluateOptions, type Evaluation } from '../../core/evaluate';
import { findLiteralAt, looksNumeric } from '../../core/locate';

/**
 * Finding the literal around an offset, free of the vscode API so the benchmark runs exactly this
 * code: a bounded scan finds the outermost literal, then the groups inward are tried until one
 * evaluates. A document is seen only through a window of `limit` characters each way.
 */
export interface TextSource {
  /** Length of the whole text. */
  readonly length: number;
  /** Text of [start, end), clamped to the text. */
  slice(start: number, end: number): string;
}

/**
 * Evaluates the numeric-looking text at [start, end) of the source, or says it does not evaluate
 * (undefined). The target service passes its cached evaluation; the benchmark a plain one.
 */
export type Attempt = (start: number, end: number, text: string) => Evaluation | undefined;

export type Found =
  /** Nothing evaluates here; `literal` is the outermost literal found, if any, to show its error. */
  | { readonly kind: 'none'; readonly literal?: SourceRange & { readonly text: string } }
  | { readonly kind: 'too-large'; readonly start: number; readonly end: number }
  | { readonly kind: 'evaluated'; readonly start: number; readonly end: number; readonly text: string; readonly evaluation: Evaluation };

export function literalAround(source: TextSource, offset: number, limit: number, attempt: Attempt): Found {
  const windowStart = Math.max(0, offset - limit);
  const window = source.slice(windowStart, Math.min(source.length, offset + limit));
  const found = findLiteralAt(window, offset - windowStart, { maxLength: limit });
  if (!found) return tooLargeOrNone(window, offset - windowStart, windowStart, limit);
  // The outermost literal may be a whole JSON document of other things; then the first group
  // inward that evaluates is what the pointer is on (a {"p", "q"} pair, or one vector).
  const literal = window.slice(found.start, found.end);
  const start = windowStart + found.start;
  const whole = tryRange(literal, start, attempt);
  if (whole.kind === 'evaluated') return whole;
  for (const range of enclosingGroups(literal, offset - start)) {
    if (range.end - range.start === literal.length) continue; // The whole literal, tried above.
    const result = tryRange(literal.slice(range.start, range.end), start + range.start, attempt);
    if (result.kind === 'evaluated') return result;
  }
  return { kind: 'none', literal: { start, end: start + literal.length, text: literal } };
}

/** A selection the pointer is in; over the limit, it declines at once. */
export function literalInSelection(source: TextSource, start: number, end: number, limit: number, attempt: Attempt): Found {
  if (end - start > limit) return { kind: 'too-large', start, end };
  return tryRange(source.slice(start, end), start, attempt);
}

/** Evaluates with the core directly, nothing cached: what a first hover costs. */
export function evaluateWith(options: EvaluateOptions): Attempt {
  return (_start, _end, text) => {
    try {
      return evaluateText(text, options);
    } catch (error) {
      if (isLiteralError(error)) return undefined;
      throw error;
    }
  };
}

function tryRange(text: string, start: number, attempt: Attempt): Found {
  // Cheap, and most text under a pointer is not numbers: decline before reading.
  if (!looksNumeric(text, { start: 0, end: text.length })) return { kind: 'none' };
  const evaluation = attempt(start, start + text.length, text);
  return evaluation ? { kind: 'evaluated', start, end: start + text.length, text, evaluation } : { kind: 'none' };
}

/**
 * A literal longer than the limit is found by no bounded scan, yet the hover must say it is too
 * large rather than nothing. When the scan gave up with a full window and the pointer stands among
 * nothing but numbers, separators and brackets, it is inside such a literal; anything else is none.
 * Costs a few hundred characters.
 */
function tooLargeOrNone(window: string, offset: number, windowStart: number, limit: number): Found {
  if (window.length < limit) return { kind: 'none' }; // The whole neighbourhood was seen: no literal.
  const around = window.slice(Math.max(0, offset - NEIGHBOURHOOD), offset + NEIGHBOURHOOD);
  if (!/\d/.test(around) || !/^[\s\d.eE+\-,[\]()]*$/.test(around)) return { kind: 'none' };
  return { kind: 'too-large', start: windowStart + offset, end: windowStart + offset };
}

const NEIGHBOURHOOD = 256;
