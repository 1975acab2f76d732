import { isLiteralError } from '../core/errors';
import { evaluateText, type EvaluateOptions, type Evaluation } from '../core/evaluate';
import { enclosingGroups } from '../core/enclosing';
import { findLiteralAt, looksNumeric } from '../core/locate';

/**
 * The hover's work, free of the vscode API so the benchmark runs exactly this code: find the literal
 * around an offset by a bounded scan, then evaluate it. A document is seen only through a window of
 * `limit` characters each way.
 */
export interface TextSource {
  /** Length of the whole text. */
  readonly length: number;
  /** Text of [start, end), clamped to the text. */
  slice(start: number, end: number): string;
}

export type HoverWork =
  | { readonly kind: 'none' }
  | { readonly kind: 'too-large'; readonly start: number; readonly end: number }
  | { readonly kind: 'evaluated'; readonly start: number; readonly end: number; readonly evaluation: Evaluation };

export function hoverWork(source: TextSource, offset: number, limit: number, options: EvaluateOptions): HoverWork {
  const windowStart = Math.max(0, offset - limit);
  const window = source.slice(windowStart, Math.min(source.length, offset + limit));
  const found = findLiteralAt(window, offset - windowStart, { maxLength: limit });
  if (!found) return tooLargeOrNone(window, offset - windowStart, windowStart, limit);
  // The outermost literal may be a whole JSON document of other things; then the first group
  // inward that evaluates is what the pointer is on (a {"p", "q"} pair, or one vector).
  const literal = window.slice(found.start, found.end);
  const whole = evaluateRange(literal, windowStart + found.start, options);
  if (whole.kind === 'evaluated') return whole;
  for (const range of enclosingGroups(literal, offset - windowStart - found.start)) {
    if (range.end - range.start === literal.length) continue; // The whole literal, tried above.
    const result = evaluateRange(literal.slice(range.start, range.end), windowStart + found.start + range.start, options);
    if (result.kind === 'evaluated') return result;
  }
  return { kind: 'none' };
}

/** Evaluates a selection the pointer is in; over the limit, it declines at once. */
export function hoverWorkOnSelection(source: TextSource, start: number, end: number, limit: number, options: EvaluateOptions): HoverWork {
  if (end - start > limit) return { kind: 'too-large', start, end };
  return evaluateRange(source.slice(start, end), start, options);
}

function evaluateRange(text: string, start: number, options: EvaluateOptions): HoverWork {
  if (!looksNumeric(text, { start: 0, end: text.length })) return { kind: 'none' };
  try {
    return { kind: 'evaluated', start, end: start + text.length, evaluation: evaluateText(text, options) };
  } catch (error) {
    if (isLiteralError(error)) return { kind: 'none' }; // Not a literal of numbers: no hover.
    throw error;
  }
}

/**
 * A literal longer than the limit is found by no bounded scan, yet the hover must say it is too
 * large rather than nothing. When the scan gave up with a full window and the pointer stands among
 * nothing but numbers, separators and brackets, it is inside such a literal; anything else is none.
 * Costs a few hundred characters.
 */
function tooLargeOrNone(window: string, offset: number, windowStart: number, limit: number): HoverWork {
  if (window.length < limit) return { kind: 'none' }; // The whole neighbourhood was seen: no literal.
  const around = window.slice(Math.max(0, offset - NEIGHBOURHOOD), offset + NEIGHBOURHOOD);
  if (!/\d/.test(around) || !/^[\s\d.eE+\-,[\]()]*$/.test(around)) return { kind: 'none' };
  return { kind: 'too-large', start: windowStart + offset, end: windowStart + offset };
}

const NEIGHBOURHOOD = 256;
