import * as vscode from 'vscode';
import type { Evaluation } from '../../core/evaluate';
import { editedLiteral } from '../../shared/model/literal-edit';
import type { PlaygroundState } from '../../shared/playground';
import { DocumentSource } from '../targets/document-source';
import type { SourceRef, TargetSource } from '../targets/source';

/**
 * The host's side of the playground's literal (issue 13): the page sends its state with the message
 * (validated by the protocol), and the host writes what the page shows, computed with the page's own
 * code (src/shared/model) from the host's own evaluation — never numbers the page sends.
 */

/** What the panel shows and where it came from: the literal's source and its evaluation. */
export interface ShownLiteral {
  readonly source: TargetSource;
  readonly evaluation: Evaluation;
}

/**
 * "Copy as literal" and "Apply to editor": the literal with the page's numbers written in, to the
 * clipboard, or over the literal in its document as one edit (one Undo reverts it) — only when the
 * document is still the version the panel showed. Returns the sentence the panel shows, and whether
 * the document was changed.
 */
export async function writeLiteral(
  mode: 'copy' | 'apply',
  shown: ShownLiteral | undefined,
  state: PlaygroundState,
  resolve: (ref: SourceRef) => Promise<TargetSource>,
): Promise<{ readonly text: string; readonly applied: boolean }> {
  const say = (text: string) => ({ text, applied: false });
  if (!shown) return say('There is no literal to write: select one first.');
  let text: string;
  try {
    text = editedLiteral(shown.source.text(), shown.evaluation, state);
  } catch (error) {
    return say(`This literal cannot be written back: ${error instanceof Error ? error.message : String(error)}.`);
  }
  if (mode === 'copy') {
    await vscode.env.clipboard.writeText(text);
    return say('Copied the literal with the panel’s numbers');
  }
  const source = shown.source;
  if (!(source instanceof DocumentSource)) return say('Only a literal in a document can be replaced; Copy as literal copies it instead.');
  const now = await resolve(source.ref);
  // The key names the document's version: any edit since, and the numbers shown are not its numbers.
  if (now.key !== source.key) return say(`${source.name} changed since the panel showed it; nothing was replaced. Apply again to the numbers shown now.`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(source.document.uri, source.range, text);
  if (!(await vscode.workspace.applyEdit(edit))) return say(`VS Code did not apply the edit to ${source.name}.`);
  return { text: `Replaced the literal in ${source.describe()} (Undo reverts it)`, applied: true };
}
