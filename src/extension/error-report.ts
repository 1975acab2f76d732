import * as vscode from 'vscode';
import { looksLikeLiteral } from '../core/locate';
import { DocumentSource } from './targets/document-source';
import { placedMessage, type PlacedError } from './targets/target';

/** The element the last error selected, and the literal it is in: the element is not a literal the user chose to evaluate. */
let errorHighlight: { document: vscode.TextDocument; range: vscode.Range; literal: DocumentSource } | undefined;

/**
 * Whether `editor`'s selection is the offending element an error just selected: the status bar
 * must not answer the error with that element's own figures.
 */
export function selectsErrorElement(editor: vscode.TextEditor): boolean {
  return errorHighlight !== undefined && errorHighlight.document === editor.document && editor.selection.isEqual(errorHighlight.range);
}

/**
 * The literal whose error selected `editor`'s selection, if it did: the visualizer opened or
 * following then shows that literal and its error, not the element alone as if it had been chosen.
 */
export function erroredLiteral(editor: vscode.TextEditor): DocumentSource | undefined {
  return selectsErrorElement(editor) ? errorHighlight?.literal : undefined;
}

/** What a selection of plain code (`loss = criterion(model(x), y)`) is told instead of its "fault". */
export const NOT_A_LITERAL = 'This selection is not an array literal — select e.g. [0.1, 0.2, 0.7]';

/**
 * Tells the user what is wrong, with the element's line and column (1-based, as the editor's status
 * bar shows them), and puts the cursor on the element when its document is in view. A selection of
 * plain code is told so, once, and stays selected: its first name is no fault worth moving to.
 */
export function reportError(error: PlacedError): void {
  const source = error.source;
  if (source instanceof DocumentSource && !looksLikeLiteral(source.text())) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Entropy Lens: {0}', NOT_A_LITERAL));
    return;
  }
  const editor = source instanceof DocumentSource ? vscode.window.visibleTextEditors.find((candidate) => candidate.document === source.document) : undefined;
  if (editor && source instanceof DocumentSource) {
    const range = source.rangeOf(error.literalError.range);
    errorHighlight = { document: editor.document, range, literal: source };
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  // Not awaited: the promise settles only when the user dismisses the message.
  void vscode.window.showErrorMessage(vscode.l10n.t('Entropy Lens: {0}', placedMessage(error)));
}
