import * as vscode from 'vscode';
import type { SourceRange } from '../../core/errors';
import type { TextSource } from './literal-around';
import { SourceUnavailable, type SourceContract } from './source-contract';

/** A document range as remembered between uses: the document is opened again when needed. */
export interface DocumentRef {
  readonly kind: 'document';
  readonly uri: vscode.Uri;
  readonly range: vscode.Range;
}

/** A range of an open text document (a file, an untitled editor, a notebook cell). */
export class DocumentSource implements SourceContract {
  readonly kind = 'document';
  readonly range: vscode.Range;
  readonly key: string;
  #text: string | undefined;
  #start: number | undefined;

  /**
   * `range` is validated against the document here, once. `text`, when the caller already sliced it
   * from the document, saves a second copy of a long literal.
   */
  constructor(
    readonly document: vscode.TextDocument,
    range: vscode.Range,
    text?: string,
  ) {
    this.range = document.validateRange(range);
    if (this.range.isEqual(range)) this.#text = text;
    const { start, end } = this.range;
    this.key = `document ${document.uri.toString()} v${document.version} ${start.line}:${start.character}-${end.line}:${end.character}`;
  }

  get scope(): vscode.TextDocument {
    return this.document;
  }

  get name(): string {
    return baseName(this.document.uri);
  }

  get ref(): DocumentRef {
    return { kind: 'document', uri: this.document.uri, range: this.range };
  }

  text(): string {
    return (this.#text ??= this.document.getText(this.range));
  }

  describe(): string {
    const first = this.range.start.line + 1;
    const last = this.range.end.line + 1;
    return first === last ? `${this.name}:${first}` : `${this.name}:${first}–${last}`;
  }

  locate(offset: number): { readonly line: number; readonly column: number } {
    const position = this.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1 };
  }

  /** The document position of an offset in text(). */
  positionAt(offset: number): vscode.Position {
    this.#start ??= this.document.offsetAt(this.range.start);
    return this.document.positionAt(this.#start + offset);
  }

  /** The document range of a span of text(). */
  rangeOf(span: SourceRange): vscode.Range {
    return new vscode.Range(this.positionAt(span.start), this.positionAt(span.end));
  }

  /**
   * Opens the document where it is already visible (else in the first column) with the range, or the
   * span of it, selected. By uri, so a document closed since is opened again; a file deleted or
   * renamed since is SourceUnavailable.
   */
  async reveal(span?: SourceRange): Promise<void> {
    const selection = span ? this.rangeOf(span) : this.range;
    const uri = this.document.uri;
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
    try {
      const document = this.document.isClosed ? await vscode.workspace.openTextDocument(uri) : this.document;
      await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection, preserveFocus: false });
    } catch (error) {
      throw unavailable(uri, error);
    }
  }
}

/** Opens the document a ref names; a file gone since is SourceUnavailable. */
export async function openDocumentRef(ref: DocumentRef): Promise<DocumentSource> {
  try {
    return new DocumentSource(await vscode.workspace.openTextDocument(ref.uri), ref.range);
  } catch (error) {
    throw unavailable(ref.uri, error);
  }
}

function unavailable(uri: vscode.Uri, cause: unknown): SourceUnavailable {
  return new SourceUnavailable(vscode.l10n.t('{0} can no longer be opened: it was deleted, renamed or moved.', baseName(uri)), { cause });
}

/** The last segment of a uri's path: what a tab shows. */
export function baseName(uri: vscode.Uri): string {
  const path = uri.path;
  return path.slice(path.lastIndexOf('/') + 1) || uri.toString();
}

/** A document as the literal scan sees it: a length and slices, nothing more. */
export function textSourceOf(document: vscode.TextDocument): TextSource {
  const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  return {
    length,
    slice: (start, end) => document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end))),
  };
}
