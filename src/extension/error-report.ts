import * as vscode from 'vscode';
import { DocumentSource } from './targets/document-source';
import { placedMessage, type PlacedError } from './targets/target';

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
 * Tells the user what is wrong, with the element's line and column (1-based, as the editor's status
 * bar shows them), and puts the cursor on the element when its document is in view.
 */
export function reportError(error: PlacedError): void {
  const source = error.source;
  const editor = source instanceof DocumentSource ? vscode.window.visibleTextEditors.find((candidate) => candidate.document === source.document) : undefined;
  if (editor && source instanceof DocumentSource) {
    const range = source.rangeOf(error.literalError.range);
    errorHighlight = { document: editor.document, range };
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  // Not awaited: the promise settles only when the user dismisses the message.
  void vscode.window.showErrorMessage(`Entropy Lens: ${placedMessage(error)}`);
}
