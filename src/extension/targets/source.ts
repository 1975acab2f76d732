import type * as vscode from 'vscode';
import type { SourceRange } from '../../core/errors';
import type { DocumentRef, DocumentSource } from './document-source';

/**
 * Where the numbers of a target come from. Each kind keeps its own details (a document range has its
 * document and range); what the status bar, the visualizer, the hover and the commands need from any
 * of them is this contract. Today the one kind is a range of a text document; a debug expression in
 * a paused frame, or a notebook cell's output, is one more member of the unions below, captured
 * (its text fetched) when it is created, so that evaluating stays synchronous.
 */
export interface SourceContract {
  readonly kind: string;
  /** Equal keys mean equal text: the source's identity and freshness (uri, version, range). */
  readonly key: string;
  /** The scope every setting for this source is read with: the document the numbers are in. */
  readonly scope: vscode.ConfigurationScope | undefined;
  /** A short name for titles and messages: the file's name. */
  readonly name: string;
  /** The text the core reads. */
  text(): string;
  /** Where the source is, for people: "train.py:42" or "train.py:42–45". */
  describe(): string;
  /** The 1-based line and column of an offset in text(), counted as the editor counts them. */
  locate(offset: number): { readonly line: number; readonly column: number };
  /** Shows the source, with `span` of its text selected when given; rejects with SourceUnavailable. */
  reveal(span?: SourceRange): Promise<void>;
  /** What to keep to find the source again later: after an edit, or a window reload. */
  readonly ref: SourceRef;
}

/** Every kind of source. */
export type TargetSource = DocumentSource;

/** A source as remembered: resolved again (the document opened, later the value re-read) on use. */
export type SourceRef = DocumentRef;

/** A source that can no longer be read or shown; the message is for the user. */
export class SourceUnavailable extends Error {
  override readonly name = 'SourceUnavailable';
}

export function sameRef(a: SourceRef | undefined, b: SourceRef | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.kind === b.kind && a.uri.toString() === b.uri.toString() && a.range.isEqual(b.range);
}
