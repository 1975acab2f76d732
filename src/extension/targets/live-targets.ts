import type * as vscode from 'vscode';
import { looksNumeric } from '../../core/locate';
import { l10n } from '../l10n';
import { captureValue, type CapturedValue } from '../live/capture';
import { expressionAt } from '../live/expression';
import { withLateProgress } from '../live/late-progress';
import { pausedFrame, type PausedFrame } from '../live/paused-frame';
import { readSettings } from '../settings';
import { combined, DebugSource } from './debug-source';
import { DocumentSource } from './document-source';
import { pairOf, targetOf, type Target } from './target';

/**
 * What a command reads while a debug session is paused: a selection that is not a literal of
 * numbers (`probs`, `logits[0]`, `softmax(x)`) is an expression, read in the focused frame; with
 * nothing selected and the cursor outside any literal, the name under the cursor is. Literals keep
 * their own reading, errors included: a broken literal is not sent to the debuggee.
 */
export type LiveChoice =
  /** Nothing live here: read literals as always. */
  | { readonly kind: 'literal' }
  | { readonly kind: 'target'; readonly target: Target; readonly ignored: number };

/** Which command asks: Preview Loss reads two expressions as targets, then predictions. */
export type LivePurpose = 'figures' | 'loss';

/** The live reading of the editor's selections, or of the name at the cursor (not in a literal: the caller looked). */
export async function liveCommandTarget(editor: vscode.TextEditor, purpose: LivePurpose): Promise<LiveChoice> {
  const document = editor.document;
  const selections = editor.selections.filter((selection) => !selection.isEmpty).slice(0, 2);
  const expressionOf = (selection: vscode.Selection) => {
    const text = document.getText(selection);
    return looksNumeric(text, { start: 0, end: text.length }) ? undefined : text;
  };
  let expressions: (string | undefined)[];
  if (selections.length > 0) {
    expressions = selections.map(expressionOf);
    if (expressions.every((expression) => expression === undefined)) return { kind: 'literal' };
  } else {
    const word = expressionAt(document, editor.selection.active);
    if (!word) return { kind: 'literal' };
    expressions = [word.text];
  }
  const frame = await pausedFrame();
  if (!frame) return { kind: 'literal' };
  const maxElements = readSettings(frame.location?.uri ?? document).liveMaxElements;
  const captured = await captureAll(frame, expressions.filter((expression): expression is string => expression !== undefined), maxElements);
  let next = 0;
  const sources = expressions.map((expression, i) => (expression === undefined ? new DocumentSource(document, selections[i]) : new DebugSource(frame, captured[next++])));
  const ignored = Math.max(0, editor.selections.filter((selection) => !selection.isEmpty).length - 2);
  if (sources.length === 1) return { kind: 'target', target: targetOf(sources[0]), ignored };
  const [p, q] = sources as [DocumentSource | DebugSource, DocumentSource | DebugSource];
  // Two live values become one literal, so the visualizer shows them together and Follow reads both.
  if (p instanceof DebugSource && q instanceof DebugSource) return { kind: 'target', target: targetOf(combined(purpose === 'loss' ? 'loss' : 'pair', p, q)), ignored };
  return { kind: 'target', target: pairOf(p, q), ignored };
}

/** Reads the expressions one after another (one debuggee), with one progress for them all. */
export function captureAll(frame: PausedFrame, expressions: readonly string[], maxElements: number): Promise<CapturedValue[]> {
  const names = expressions.length === 2 ? l10n.t('{0} and {1}', expressions[0], expressions[1]) : expressions.join(', ');
  return withLateProgress(l10n.t('Entropy Lens: reading {0} from the debugger…', names), async (token, report) => {
    const values: CapturedValue[] = [];
    for (const [i, expression] of expressions.entries()) {
      values.push(await captureValue(frame, expression, { maxElements, token, progress: (done, total) => report(i * total + done, expressions.length * total) }));
    }
    return values;
  });
}

