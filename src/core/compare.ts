import { LiteralError, type SourceRange } from './errors';
import { evaluateShaped, type EvaluateOptions, type Evaluation } from './evaluate';
import { readLiteral } from './reader';
import { shapeOf, type ShapeRemarks, type Vector } from './shape';

/**
 * Comparing two literals given apart (two editor selections, the `p` and `q` of an assistant's
 * call) as one P/Q pair. Each literal's errors must point into that literal's own text, so every
 * error says which side it is in.
 */

export type Side = 'P' | 'Q';

/** Bad input in one of two compared literals; `range` is relative to that literal's text. */
export class SideError extends LiteralError {
  constructor(
    readonly side: Side,
    error: LiteralError,
  ) {
    super(error.code, error.message, error.range);
  }
}

/**
 * Evaluates `p` against `q` as a pair (or as a loss, when `options.loss` forces one). Throws
 * SideError for bad input; anything else is a bug and propagates.
 */
export function compareTexts(p: string, q: string, options: EvaluateOptions): Evaluation {
  const pSide = onSide('P', () => vectorOf(p, 'P'));
  const qSide = onSide('Q', () => vectorOf(q, 'Q'));
  const pVector = pSide.vector;
  const qVector = qSide.vector;
  // What shaping each side noticed (a key given twice, a squeezed column) is said, with its side.
  const notes = [...remarks(pSide.notes, 'P'), ...remarks(qSide.notes, 'Q')];
  const warnings = [...remarks(pSide.warnings, 'P'), ...remarks(qSide.warnings, 'Q')];
  // Q's ranges are moved past the end of P's text so that an error raised on the pair (a length
  // mismatch, a negative probability in either) can be told apart and moved back into its own text.
  const offset = p.length + 1;
  try {
    return evaluateShaped({ kind: 'pair', p: pVector, q: shifted(qVector, offset), notes, warnings }, options);
  } catch (error) {
    if (!(error instanceof LiteralError)) throw error;
    if (error.range.start < offset) throw new SideError('P', error);
    throw new SideError('Q', new LiteralError(error.code, error.message, shift(error.range, -offset)));
  }
}

function vectorOf(text: string, name: Side): { vector: Vector } & ShapeRemarks {
  const shaped = shapeOf(readLiteral(text));
  if (shaped.kind !== 'distribution') {
    throw new LiteralError('shape', `${name} must be one vector of numbers to compare two literals (this one is a ${shaped.kind})`, { start: 0, end: text.length });
  }
  return { vector: shaped.p, notes: shaped.notes, warnings: shaped.warnings };
}

function remarks(texts: readonly string[] | undefined, side: Side): string[] {
  return (texts ?? []).map((text) => `${side}: ${text}`);
}

function onSide<T>(side: Side, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof LiteralError) throw new SideError(side, error);
    throw error;
  }
}

function shifted(vector: Vector, by: number): Vector {
  return { ...vector, range: shift(vector.range, by), elementRange: (index) => shift(vector.elementRange(index), by) };
}

function shift(range: SourceRange, by: number): SourceRange {
  return { start: range.start + by, end: range.end + by };
}
