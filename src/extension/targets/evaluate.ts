import { compareTexts, SideError } from '../../core/compare';
import { isLiteralError, type LiteralError } from '../../core/errors';
import { evaluateShaped, type EvaluateOptions, type Evaluation } from '../../core/evaluate';
import { selectLoss } from '../../core/loss-select';
import { readLiteral } from '../../core/reader';
import { shapeOf } from '../../core/shape';
import type { TargetSource } from './source';
import type { Outcome, PlacedError, Target } from './target';

/**
 * Evaluates a target with the core: one source on its own, two as P and Q. Bad input is an 'error'
 * outcome placed in its source; anything else thrown is a bug and propagates.
 */
export function evaluateTarget(target: Target, options: EvaluateOptions): Outcome {
  try {
    return { kind: 'evaluated', target, evaluation: evaluationOf(target, options) };
  } catch (error) {
    if (error instanceof Misplaced) return { kind: 'error', target, error: place(error.source, error.literalError) };
    throw error;
  }
}

function evaluationOf(target: Target, options: EvaluateOptions): Evaluation {
  if (target.sources.length === 1) {
    const source = target.sources[0];
    return inSource(source, () => {
      const shaped = shapeOf(readLiteral(source.text()), options.rows);
      if (target.reading === 'loss' && shaped.kind === 'pair') return selectLoss(shaped, options);
      return evaluateShaped(shaped, options);
    });
  }
  const [first, second] = target.sources;
  try {
    return compareTexts(first.text(), second.text(), options);
  } catch (error) {
    // The core says which literal an error is in, its range relative to that literal's text.
    if (error instanceof SideError) throw new Misplaced(error.side === 'P' ? first : second, error);
    throw error;
  }
}

/** A LiteralError with the source it belongs to, on its way out of evaluationOf. */
class Misplaced extends Error {
  constructor(
    readonly source: TargetSource,
    readonly literalError: LiteralError,
  ) {
    super(literalError.message);
  }
}

function inSource<T>(source: TargetSource, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isLiteralError(error)) throw new Misplaced(source, error);
    throw error;
  }
}

function place(source: TargetSource, literalError: LiteralError): PlacedError {
  const { line, column } = source.locate(literalError.range.start);
  return { source, literalError, line, column };
}
