import type * as vscode from 'vscode';
import type { DebugRef, DebugSource } from './debug-source';
import type { DocumentRef, DocumentSource } from './document-source';
import type { NotebookOutputRef, NotebookOutputSource } from './notebook-source';

export { SourceUnavailable, type SourceContract } from './source-contract';

/** Every kind of source. */
export type TargetSource = DocumentSource | DebugSource | NotebookOutputSource;

/**
 * A source as remembered: resolved again on use (the document opened, the output read again); a
 * debug value is kept as it was read, since the frame it came from moves on.
 */
export type SourceRef = DocumentRef | DebugRef | NotebookOutputRef;

export function sameRef(a: SourceRef | undefined, b: SourceRef | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  switch (a.kind) {
    case 'document':
      return b.kind === 'document' && a.uri.toString() === b.uri.toString() && a.range.isEqual(b.range);
    case 'debug':
      return b.kind === 'debug' && a.source.key === b.source.key;
    case 'notebook-output':
      return b.kind === 'notebook-output' && a.uri.toString() === b.uri.toString() && a.cell === b.cell && a.output === b.output;
  }
}

/** The file a source is in, for a panel's title and settings: the document, the frame's file, the notebook. */
export function uriOfRef(ref: SourceRef): vscode.Uri | undefined {
  return ref.kind === 'debug' ? ref.source.frame.location?.uri : ref.uri;
}
