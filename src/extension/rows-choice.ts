import type * as vscode from 'vscode';
import { readLiteral } from '../core/reader';
import { rowsChoiceApplies, type RowsMode } from '../core/shape';

/**
 * The user's choice of how a literal's two rows are read (a pair P, Q or a batch of two
 * predictions), remembered per literal in the workspace's state: by the document's uri and a hash
 * of the list of rows as written (whitespace and a wrapper such as `torch.tensor(` left out, so the
 * hover's literal and a selection of its list are one literal). The text, not its position: the
 * choice follows the literal when lines are added above it, and lapses when its numbers change.
 * See docs/decisions.md ("Rows: pair or batch, remembered per literal").
 */
export class RowsChoices {
  /** uri → text hash → choice: only documents with a choice cost a hash. */
  #choices: Record<string, Record<string, Exclude<RowsMode, 'auto'>>>;

  constructor(private readonly state: vscode.Memento) {
    const stored = state.get<unknown>(STATE_KEY);
    this.#choices = isChoices(stored) ? stored : {};
  }

  /**
   * The choice for the literal `text` in the document `uri`, or undefined (the core's auto rule).
   * The text is asked for only in a document with a choice: most cost nothing.
   */
  get(uri: vscode.Uri, text: () => string): RowsMode | undefined {
    const document = this.#choices[uri.toString()];
    return document ? document[keyOf(text())] : undefined;
  }

  /** Remembers (or, with 'auto', forgets) the choice for `text` in `uri`. */
  async set(uri: vscode.Uri, text: string, mode: RowsMode): Promise<void> {
    const key = uri.toString();
    const document = { ...this.#choices[key] };
    if (mode === 'auto') delete document[keyOf(text)];
    else document[keyOf(text)] = mode;
    const next = { ...this.#choices };
    delete next[key];
    // The most recently chosen document last; the oldest documents are dropped past the limit.
    if (Object.keys(document).length > 0) next[key] = document;
    const uris = Object.keys(next);
    for (const old of uris.slice(0, Math.max(0, uris.length - MAX_DOCUMENTS))) delete next[old];
    this.#choices = next;
    await this.state.update(STATE_KEY, next);
  }
}

/** Whether `text` is a list of exactly two rows: the literals the choice applies to. */
export function twoRowsIn(text: string): boolean {
  try {
    return rowsChoiceApplies(readLiteral(text));
  } catch {
    return false;
  }
}

const STATE_KEY = 'entropyLens.rowsChoices';
/** Documents whose choices are kept: the state stays small. */
const MAX_DOCUMENTS = 200;

/** The key of a literal: the hash of its list of rows without whitespace. */
function keyOf(text: string): string {
  return hashOf(rowsListOf(text).replace(/\s+/g, ''));
}

/**
 * The list of rows in `text`: from the first opening bracket that opens a row right away (`[[`,
 * `((`, `[(`) to its closing bracket; the whole text when there is none.
 */
export function rowsListOf(text: string): string {
  const opener = /[[(]\s*[[(]\s*[^[(\s]/.exec(text);
  if (!opener) return text;
  let depth = 0;
  for (let i = opener.index; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '(') depth++;
    else if ((c === ']' || c === ')') && --depth === 0) return text.slice(opener.index, i + 1);
  }
  return text;
}

/** FNV-1a (32-bit) of the text, in hex with its length: a key, not a security measure. */
export function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length.toString(16)}:${(hash >>> 0).toString(16)}`;
}

function isChoices(value: unknown): value is Record<string, Record<string, Exclude<RowsMode, 'auto'>>> {
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).every((document) => typeof document === 'object' && document !== null && Object.values(document as object).every((mode) => mode === 'pair' || mode === 'batch'));
}
