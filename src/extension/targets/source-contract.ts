import type * as vscode from 'vscode';
import type { SourceRange } from '../../core/errors';

/**
 * Where the numbers of a target come from. Each kind keeps its own details (a document range has its
 * document and range); what the status bar, the visualizer, the hover and the commands need from any
 * of them is this contract. The kinds: a range of a text document; an expression's value in a paused
 * debug frame; a notebook cell's output. A live kind is captured (its text fetched) when it is
 * created, so that evaluating stays synchronous.
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
  readonly ref: { readonly kind: string };
}

/** A source that can no longer be read or shown; the message is for the user. */
export class SourceUnavailable extends Error {
  override readonly name = 'SourceUnavailable';
}
