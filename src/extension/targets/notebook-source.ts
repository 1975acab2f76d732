import * as vscode from 'vscode';
import { lineColumnAt, type SourceRange } from '../../core/errors';
import { arraySpans, type OutputSpan } from '../notebook/outputs';
import { baseName } from './document-source';
import { SourceUnavailable, type SourceContract } from './source-contract';

/** A notebook output as remembered: read again from the notebook on use (it may have been re-run). */
export interface NotebookOutputRef {
  readonly kind: 'notebook-output';
  readonly uri: vscode.Uri;
  /** Index of the cell in the notebook, and of the output in the cell. */
  readonly cell: number;
  readonly output: number;
}

/** The numbers of a notebook cell's output: a numpy or torch repr, JSON, or a printed array. */
export class NotebookOutputSource implements SourceContract {
  readonly kind = 'notebook-output';
  readonly key: string;

  constructor(
    readonly notebook: vscode.NotebookDocument,
    readonly cellIndex: number,
    readonly span: OutputSpan,
  ) {
    this.key = `notebook ${notebook.uri.toString()} v${notebook.version} cell ${cellIndex} output ${span.output}.${span.item} ${span.start}-${span.end}`;
  }

  get scope(): vscode.Uri {
    return this.notebook.uri;
  }

  get name(): string {
    return vscode.l10n.t('{0}, cell {1}', baseName(this.notebook.uri), this.cellIndex + 1);
  }

  get ref(): NotebookOutputRef {
    return { kind: 'notebook-output', uri: this.notebook.uri, cell: this.cellIndex, output: this.span.output };
  }

  text(): string {
    return this.span.text.slice(this.span.start, this.span.end);
  }

  describe(): string {
    return vscode.l10n.t('the output of cell {0} in {1}', this.cellIndex + 1, baseName(this.notebook.uri));
  }

  /** Line and column in the output's text, as it is shown under the cell. */
  locate(offset: number): { readonly line: number; readonly column: number } {
    return lineColumnAt(this.span.text, this.span.start + offset);
  }

  /** Shows the notebook with the cell selected and in view. */
  async reveal(_span?: SourceRange): Promise<void> {
    const range = new vscode.NotebookRange(this.cellIndex, this.cellIndex + 1);
    try {
      const editor = await vscode.window.showNotebookDocument(this.notebook, { selections: [range], preserveFocus: false });
      editor.revealRange(range, vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
    } catch (error) {
      throw new SourceUnavailable(vscode.l10n.t('{0} can no longer be opened.', baseName(this.notebook.uri)), { cause: error });
    }
  }
}

/** The cell's output that reads as numbers, the last such one unless `output` names another. */
export function notebookOutputSource(notebook: vscode.NotebookDocument, cellIndex: number, output?: number): NotebookOutputSource | undefined {
  if (cellIndex < 0 || cellIndex >= notebook.cellCount) return undefined;
  const spans = arraySpans(notebook.cellAt(cellIndex));
  const span = output === undefined ? spans[0] : spans.find((candidate) => candidate.output === output);
  return span && new NotebookOutputSource(notebook, cellIndex, span);
}

/** Finds the output again: the notebook opened, the cell's output read as it is now. */
export async function openNotebookOutputRef(ref: NotebookOutputRef): Promise<NotebookOutputSource> {
  let notebook: vscode.NotebookDocument;
  try {
    notebook = vscode.workspace.notebookDocuments.find((candidate) => candidate.uri.toString() === ref.uri.toString()) ?? (await vscode.workspace.openNotebookDocument(ref.uri));
  } catch (error) {
    throw new SourceUnavailable(vscode.l10n.t('{0} can no longer be opened: it was deleted, renamed or moved.', baseName(ref.uri)), { cause: error });
  }
  const source = notebookOutputSource(notebook, ref.cell, ref.output) ?? notebookOutputSource(notebook, ref.cell);
  if (!source) throw new SourceUnavailable(vscode.l10n.t('cell {0} of {1} no longer has an output of numbers.', ref.cell + 1, baseName(ref.uri)));
  return source;
}
