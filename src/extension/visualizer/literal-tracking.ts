import * as vscode from 'vscode';
import type { Content, StatusLine, ViewName } from '../../shared/protocol';
import { lossDefaultsKey } from '../loss-settings';
import type { Settings } from '../settings';
import { sameRef, type SourceRef, type TargetSource } from '../targets/source';
import type { Outcome } from '../targets/target';
import { rangeAfterEdits, type OffsetRange } from './tracked-range';

/** What a refresh computed, as far as keeping up is concerned. */
interface Computed {
  readonly content: Content;
  readonly settings: Settings;
  readonly source?: TargetSource;
  readonly outcome?: Outcome;
}

/** The stale line: the reason first (the core's message has no final stop), then what is shown instead. */
export function staleMessage(reason: string): string {
  return vscode.l10n.t('The literal cannot be read as it is now — {0}. Below, its last figures.', reason);
}
export function noLiteralHint(): string {
  return vscode.l10n.t('The selection holds no literal — showing the last one.');
}
export function lockEnded(): string {
  return vscode.l10n.t('The locked literal was deleted, so the lock ended: the panel follows the selection again. Below, its last figures.');
}
export function staleCopy(): string {
  return vscode.l10n.t('The literal cannot be read as it is now, so nothing was copied: the figures shown are its last ones.');
}
export function literalDeleted(): string {
  return vscode.l10n.t('The literal shown was deleted. Below, its last figures; select a literal to show another.');
}

/**
 * Keeps the panel up with the user (issue 14): the literal shown follows the edits made around and
 * inside it (tracked-range.ts), a literal that cannot be read for a moment keeps its last good figures
 * under the reason, and a selection that holds no literal leaves the panel as it was, with a hint.
 *
 * It holds the panel's source: the controller reads and sets it as its `#ref`. A source set that is
 * not the one shown (another literal) starts afresh; the same one, moved by edits, keeps its past.
 */
export class LiteralTracking {
  #ref: SourceRef | undefined;
  /** The document range of `#ref` in offsets, when the document was open to measure it. */
  #offsets: OffsetRange | undefined;
  /** The last content of this literal that evaluated, the reading (view and settings) and the document version it was read with. */
  #lastGood: { readonly content: Content; readonly reading: string; readonly version: number | undefined } | undefined;
  #hint = false;
  #ended: StatusLine | undefined;
  /** What the last presentation showed: a hint needs something to be the "last one". */
  #showing: Content['kind'] | undefined;
  #literal = 0;

  /** Which literal is shown: a new number for each new source, the same while edits move it (the page keeps its scroll position). */
  get literal(): number {
    return this.#literal;
  }

  get ref(): SourceRef | undefined {
    return this.#ref;
  }

  set ref(ref: SourceRef | undefined) {
    const same = sameRef(ref, this.#ref);
    this.#ref = ref;
    if (same) return;
    this.#literal++;
    this.#lastGood = undefined;
    this.#hint = false;
    this.#ended = undefined;
    this.#offsets = ref?.kind === 'document' ? offsetsIn(vscode.workspace.textDocuments.find((d) => d.uri.toString() === ref.uri.toString()), ref.range) : undefined;
  }

  /**
   * A change of the source's document: the range moves with it. Returns false when the change deleted
   * the literal: the source is gone then, and the last figures are shown under `lockEnded()` (or
   * `literalDeleted()` when the panel was following).
   */
  edited(event: vscode.TextDocumentChangeEvent, locked: boolean): boolean {
    const ref = this.#ref;
    const offsets = this.#offsets;
    if (ref?.kind !== 'document' || !offsets || event.document.uri.toString() !== ref.uri.toString()) return true;
    const moved = rangeAfterEdits(
      offsets,
      event.contentChanges.map((change) => ({ offset: change.rangeOffset, length: change.rangeLength, inserted: change.text.length })),
    );
    if (!moved) {
      this.#ref = undefined;
      this.#offsets = undefined;
      this.#hint = false;
      this.#ended = { kind: 'ended', message: locked ? lockEnded() : literalDeleted() };
      return false;
    }
    const document = event.document;
    this.#offsets = moved;
    this.#ref = { kind: 'document', uri: ref.uri, range: new vscode.Range(document.positionAt(moved.start), document.positionAt(moved.end)) };
    return true;
  }

  /**
   * The selection settled on no literal (`on`), or back on the one shown. Returns whether the hint
   * changed, so the panel is told only then.
   */
  hint(on: boolean): boolean {
    const wanted = on && this.#ended === undefined && (this.#showing === 'model' || this.#showing === 'error');
    if (wanted === this.#hint) return false;
    this.#hint = wanted;
    return true;
  }

  /**
   * What the panel shows for what a refresh computed: the computed content; or, while this literal
   * cannot be read since an edit, with the reading it last evaluated with, that evaluation under the
   * reason; or, once the literal is deleted, its last figures under the end of it. An error with the
   * text unchanged (a setting made it one) is shown as it is: no edit will mend it.
   */
  present<T extends Computed>(computed: T, view: ViewName): T & { readonly status?: StatusLine } {
    const reading = JSON.stringify([view, computed.settings.unit, computed.settings.interpretation, computed.settings.loss, computed.settings.precision, lossDefaultsKey(computed.settings.lossDefaults)]);
    const source = computed.source;
    // Measured again on the document as read: it was not open when the source was set (a panel restored
    // after a reload), or it was closed and opened again since, perhaps with other text.
    if (source?.kind === 'document' && this.#ref?.kind === 'document' && source.range.isEqual(this.#ref.range)) {
      this.#offsets = offsetsIn(source.document, source.range);
    }
    const outcome = computed.outcome;
    let shown: T & { readonly status?: StatusLine };
    if (this.#ended) {
      shown = { ...computed, content: this.#lastGood?.content ?? computed.content, status: this.#ended };
    } else if (outcome?.kind === 'evaluated') {
      this.#lastGood = { content: computed.content, reading, version: source?.kind === 'document' ? source.document.version : undefined };
      shown = this.#hinted(computed);
    } else if (outcome?.kind === 'error' && source?.kind === 'document' && this.#lastGood?.reading === reading && this.#lastGood.version !== source.document.version) {
      const { literalError, line, column } = outcome.error;
      shown = { ...computed, content: this.#lastGood.content, status: { kind: 'stale', message: staleMessage(literalError.message), line, column } };
    } else {
      shown = this.#hinted(computed);
    }
    this.#showing = shown.content.kind;
    return shown;
  }

  #hinted<T extends Computed>(computed: T): T & { readonly status?: StatusLine } {
    return this.#hint ? { ...computed, status: { kind: 'hint', message: noLiteralHint() } } : computed;
  }
}

function offsetsIn(document: vscode.TextDocument | undefined, range: vscode.Range): OffsetRange | undefined {
  return document && { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}
