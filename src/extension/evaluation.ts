import * as vscode from 'vscode';
import { isLiteralError, LiteralError } from '../core/errors';
import { evaluateShaped, evaluateText, type EvaluateOptions, type Evaluation } from '../core/evaluate';
import { readLiteral } from '../core/reader';
import { shapeOf, type Vector } from '../core/shape';
import { rangeInTarget, type Target } from './target';

/** An evaluation with the document pieces it came from. */
export interface Evaluated {
  readonly evaluation: Evaluation;
  readonly targets: readonly Target[];
}

/** Bad input in one of the targets: the core's error, placed in the document. */
export class TargetError extends Error {
  constructor(
    readonly target: Target,
    readonly literalError: LiteralError,
  ) {
    super(literalError.message);
  }

  /** Where in the document the offending element is. */
  get range(): vscode.Range {
    return rangeInTarget(this.target, this.literalError.range.start, this.literalError.range.end);
  }
}

/**
 * One target is evaluated on its own; two are P and Q (the first selection made is P). Throws
 * TargetError for bad input; anything else is a bug and propagates.
 */
export function evaluateTargets(targets: readonly Target[], options: EvaluateOptions): Evaluated {
  if (targets.length === 1) {
    const target = targets[0]!;
    return { evaluation: inTarget(target, () => evaluateText(target.text, options)), targets };
  }
  const [first, second] = targets as [Target, Target];
  const p = inTarget(first, () => vectorOf(first.text, 'P'));
  const q = inTarget(second, () => vectorOf(second.text, 'Q'));
  // Ranges of a pair built from two selections are relative to each selection's own text, so
  // errors about Q (length mismatch) must be placed in the second target.
  return { evaluation: inTarget(second, () => evaluateShaped({ kind: 'pair', p, q }, options)), targets: [first, second] };
}

function vectorOf(text: string, name: string): Vector {
  const shaped = shapeOf(readLiteral(text));
  if (shaped.kind !== 'distribution') {
    throw new LiteralError('shape', `${name} must be one vector of numbers to compare two selections (this selection is a ${shaped.kind})`, { start: 0, end: text.length });
  }
  return shaped.p;
}

function inTarget<T>(target: Target, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isLiteralError(error)) throw new TargetError(target, error);
    throw error;
  }
}

/** The element the last error selected: it is not a literal the user chose to evaluate. */
let errorHighlight: { document: vscode.TextDocument; range: vscode.Range } | undefined;

/**
 * Whether `editor`'s selection is the offending element an error just selected: the status bar
 * must not answer the error with that element's own figures.
 */
export function selectsErrorElement(editor: vscode.TextEditor): boolean {
  return errorHighlight !== undefined && errorHighlight.document === editor.document && editor.selection.isEqual(errorHighlight.range);
}

/**
 * Tells the user what is wrong and puts the cursor on the offending element. The message carries the
 * element's line and column, 1-based as the editor's status bar shows them.
 */
export function reportTargetError(error: TargetError): void {
  const range = error.range;
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === error.target.document);
  if (editor) {
    errorHighlight = { document: editor.document, range };
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  // Not awaited: the promise settles only when the user dismisses the message.
  void vscode.window.showErrorMessage(`Entropy Lens: ${error.message} (line ${range.start.line + 1}, column ${range.start.character + 1})`);
}
