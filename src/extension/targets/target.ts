import type { LiteralError } from '../../core/errors';
import type { Evaluation } from '../../core/evaluate';
import type { TargetSource } from './source';

/**
 * How a target is read. 'loss' is the visualizer's loss view: a P/Q pair in one literal is read as
 * targets and predictions. Everything else reads the literal as the core decides ('figures').
 */
export type Reading = 'figures' | 'loss';

/** What to evaluate: one source, or two (P, then Q: the first selection made is P). */
export interface Target {
  readonly sources: readonly [TargetSource] | readonly [TargetSource, TargetSource];
  readonly reading: Reading;
}

export function targetOf(source: TargetSource, reading: Reading = 'figures'): Target {
  return { sources: [source], reading };
}

export function pairOf(p: TargetSource, q: TargetSource): Target {
  return { sources: [p, q], reading: 'figures' };
}

/** Bad input: the core's error, placed in the source it is about (Q's length, P's stray string). */
export interface PlacedError {
  readonly source: TargetSource;
  readonly literalError: LiteralError;
  /** 1-based, where the offending element starts, counted as the editor counts. */
  readonly line: number;
  readonly column: number;
}

/** A target with its evaluation, or with the error its text has. */
export type Outcome =
  | { readonly kind: 'evaluated'; readonly target: Target; readonly evaluation: Evaluation }
  | { readonly kind: 'error'; readonly target: Target; readonly error: PlacedError };

/**
 * The message for an error, with where it is: "… (line 3, column 7)"; in a notebook output, the
 * line and column of the output's text; in a live value, the value (its text was built in the
 * debuggee: a position in it would help no one).
 */
export function placedMessage(error: PlacedError): string {
  const message = error.literalError.message;
  switch (error.source.kind) {
    case 'debug':
      return `${message} (in the value of ${error.source.describe()})`;
    case 'notebook-output':
      return `${message} (line ${error.line}, column ${error.column} of ${error.source.describe()})`;
    default:
      return `${message} (line ${error.line}, column ${error.column})`;
  }
}
