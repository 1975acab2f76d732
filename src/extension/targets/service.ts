import * as vscode from 'vscode';
import type { EvaluateOptions } from '../../core/evaluate';
import type { RowsMode } from '../../core/shape';
import { Disposable } from '../dispose';
import { lossDefaultsKey } from '../loss-settings';
import { withPreview, type PreviewOptions } from '../preview-options';
import { evaluateOptions, readSettings, type Settings } from '../settings';
import { readLiteralArgument } from './argument';
import { RecentlyUsed } from './cache';
import { DocumentSource, openDocumentRef, textSourceOf } from './document-source';
import { evaluateTarget } from './evaluate';
import { literalAround, literalInSelection, type Attempt } from './literal-around';
import { liveCommandTarget, type LivePurpose } from './live-targets';
import { openNotebookOutputRef } from './notebook-source';
import type { SourceRef, TargetSource } from './source';
import { pairOf, targetOf, type Outcome, type Target } from './target';

/** How far around the cursor commands look for a literal when nothing is selected. */
export const CURSOR_SCAN_LIMIT = 200_000;

/** Evaluations kept: one change's target, a pair and its halves, a hover or two. */
const CACHE_CAPACITY = 8;

/** What a hover shows: nothing, a pointer to Evaluate Selection, or a target with its evaluation. */
export type HoverTarget =
  | { readonly kind: 'none' }
  | { readonly kind: 'too-large' }
  | Extract<Outcome, { kind: 'evaluated' }>;

/** A command's argument: the selection is meant, a literal named by a link, or a link that fails. */
export type ArgumentTarget =
  | { readonly kind: 'absent' }
  | { readonly kind: 'target'; readonly target: Target }
  | { readonly kind: 'invalid'; readonly message: string };

/**
 * The one place that turns what the user points at — a selection, two selections, the cursor, the
 * pointer of a hover, a hover link's argument — into a {@link Target}, and a target into its
 * {@link Outcome}. Outcomes are cached by the sources' keys (document, version, range), the reading
 * and the settings that change an evaluation, so the status bar, the visualizer and the commands share
 * one evaluation per change. Live sources (a debug expression, a notebook output) plug in as more
 * kinds of {@link TargetSource}: their targets are evaluated and cached the same way.
 */
export class TargetService extends Disposable {
  readonly #outcomes = new RecentlyUsed<Outcome>(CACHE_CAPACITY);
  #evaluations = 0;

  /** `rowsOf`: the user's remembered choice for a source's two rows (pair or batch), if any (rows-choice.ts). */
  /** `previewOf`: the options Preview Loss's Options… pick chose for a source's literal, if any (preview-options.ts). */
  constructor(
    private readonly rowsOf: (source: TargetSource) => RowsMode | undefined = () => undefined,
    private readonly previewOf: (source: TargetSource) => PreviewOptions | undefined = () => undefined,
  ) {
    super();
    // A document's version restarts when it is opened again, perhaps with other text.
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.#outcomes.forget(document.uri.toString())));
    this.register(vscode.workspace.onDidCloseNotebookDocument((notebook) => this.#outcomes.forget(notebook.uri.toString())));
    // A session's values are of no use once it ends; they hold megabytes.
    this.register(vscode.debug.onDidTerminateDebugSession((session) => this.#outcomes.forget(debugTag(session))));
  }

  /** The settings for a source, by the one scope rule (see readSettings). */
  settingsFor(source: TargetSource | undefined): Settings {
    return readSettings(source?.scope);
  }

  /**
   * The target's outcome: from the cache, or evaluated once now. The options are the settings of the
   * target's document unless given (a language-model tool's call names its own unit and reading).
   */
  evaluate(target: Target, options: EvaluateOptions = this.#options(target)): Outcome {
    const key = keyOf(target, options);
    const cached = this.#outcomes.get(key);
    if (cached) return cached;
    this.#evaluations++;
    return this.#outcomes.set(key, evaluateTarget(target, options), target.sources.map(tagOf));
  }

  /** How many evaluations ran (cache misses): the host suites check that a change costs one. */
  get evaluations(): number {
    return this.#evaluations;
  }

  /** The options a target is read with, `overrides` on top (the visualizer's own unit, reading and loss). */
  optionsFor(target: Target, overrides: Partial<EvaluateOptions> = {}): EvaluateOptions {
    return { ...this.#options(target), ...overrides };
  }

  /** The target's outcome if it is cached: then evaluating costs nothing, and needs no progress. */
  peek(target: Target, options: EvaluateOptions = this.#options(target)): Outcome | undefined {
    return this.#outcomes.get(keyOf(target, options));
  }

  /** The editor's primary selection, when it is not empty (the status bar's target). */
  selectionTarget(editor: vscode.TextEditor): Target | undefined {
    return editor.selection.isEmpty ? undefined : targetOf(new DocumentSource(editor.document, editor.selection));
  }

  /** The primary selection, else the literal around the cursor (the visualizer's target). */
  editorTarget(editor: vscode.TextEditor): Target | undefined {
    return this.selectionTarget(editor) ?? this.#aroundCursor(editor.document, editor.selection.active);
  }

  /**
   * The commands' target: the non-empty selections, the first two as P and Q (multi-cursor selections
   * arrive in the order they were made; `ignored` counts any beyond two), else the literal around the
   * cursor — the outermost group that evaluates, else the outermost literal, so that its error shows.
   */
  commandTarget(editor: vscode.TextEditor): { readonly target: Target; readonly ignored: number } | undefined {
    const document = editor.document;
    const selections = editor.selections.filter((selection) => !selection.isEmpty);
    if (selections.length === 1) return { target: targetOf(new DocumentSource(document, selections[0])), ignored: 0 };
    if (selections.length > 1) {
      const [p, q] = selections as [vscode.Selection, vscode.Selection];
      return { target: pairOf(new DocumentSource(document, p), new DocumentSource(document, q)), ignored: selections.length - 2 };
    }
    const target = this.#aroundCursor(document, editor.selection.active);
    return target && { target, ignored: 0 };
  }

  /**
   * The commands' target while a debug session may be paused: the literal around the cursor when
   * nothing is selected and the cursor is in one; else, when a frame is paused, the selections that
   * are not literals (or the name at the cursor) read as expressions in that frame (live-targets.ts);
   * else {@link commandTarget}. Rejects with LiveValueError (what to tell the user) or LiveCancelled.
   */
  async liveCommandTarget(editor: vscode.TextEditor, purpose: LivePurpose): Promise<{ readonly target: Target; readonly ignored: number } | undefined> {
    if (editor.selections.every((selection) => selection.isEmpty)) {
      const around = this.#aroundCursor(editor.document, editor.selection.active);
      if (around) return { target: around, ignored: 0 };
    }
    const live = await liveCommandTarget(editor, purpose);
    return live.kind === 'target' ? live : this.commandTarget(editor);
  }

  /**
   * The hover's target at `position`: the selection the pointer is in (a selection is what the user
   * asked about), else the group under the pointer that evaluates, within the hover's length limit.
   * Literals that do not evaluate give no hover.
   */
  hoverTarget(document: vscode.TextDocument, position: vscode.Position): HoverTarget {
    const limit = readSettings(document).hoverMaxLiteralLength;
    const editor = vscode.window.activeTextEditor;
    const selection = editor?.document === document ? editor.selections.find((s) => !s.isEmpty && s.contains(position)) : undefined;
    const text = textSourceOf(document);
    const { attempt, targetAt } = this.#attempts(document);
    const found = selection
      ? literalInSelection(text, document.offsetAt(selection.start), document.offsetAt(selection.end), limit, attempt)
      : literalAround(text, document.offsetAt(position), limit, attempt);
    if (found.kind === 'too-large') return { kind: 'too-large' };
    if (found.kind === 'none') return { kind: 'none' };
    return { kind: 'evaluated', target: targetAt(found), evaluation: found.evaluation };
  }

  /** A command's argument, read strictly once (see readLiteralArgument). */
  async argumentTarget(arg: unknown): Promise<ArgumentTarget> {
    const read = await readLiteralArgument(arg);
    return read.kind === 'source' ? { kind: 'target', target: targetOf(read.source) } : read;
  }

  /** Finds a remembered source again; rejects with SourceUnavailable when it is gone. */
  async resolve(ref: SourceRef): Promise<TargetSource> {
    switch (ref.kind) {
      case 'document':
        return openDocumentRef(ref);
      case 'debug':
        return ref.source;
      case 'notebook-output':
        return openNotebookOutputRef(ref);
    }
  }

  #aroundCursor(document: vscode.TextDocument, position: vscode.Position): Target | undefined {
    const { attempt, targetAt } = this.#attempts(document);
    const found = literalAround(textSourceOf(document), document.offsetAt(position), CURSOR_SCAN_LIMIT, attempt);
    if (found.kind === 'evaluated') return targetAt(found);
    if (found.kind === 'none' && found.literal) return targetAt(found.literal);
    return undefined;
  }

  /**
   * The scan's attempts go through the cache, so the literal it settles on is evaluated once, and
   * the target made from it afterwards finds that evaluation.
   */
  #attempts(document: vscode.TextDocument): { attempt: Attempt; targetAt: (found: { start: number; end: number; text: string }) => Target } {
    const targetAt = (found: { start: number; end: number; text: string }) =>
      targetOf(new DocumentSource(document, new vscode.Range(document.positionAt(found.start), document.positionAt(found.end)), found.text));
    const attempt: Attempt = (start, end, text) => {
      const outcome = this.evaluate(targetAt({ start, end, text }));
      return outcome.kind === 'evaluated' ? outcome.evaluation : undefined;
    };
    return { attempt, targetAt };
  }

  /** A pair is read with P's settings: both halves are in the same document. One source's rows as remembered. */
  #options(target: Target): EvaluateOptions {
    const options = evaluateOptions(this.settingsFor(target.sources[0]));
    const rows = target.sources.length === 1 ? this.rowsOf(target.sources[0]) : undefined;
    const preview = target.sources.length === 1 ? this.previewOf(target.sources[0]) : undefined;
    const defaults = preview && options.lossDefaults ? { ...options.lossDefaults, options: withPreview(options.lossDefaults.options, preview) } : options.lossDefaults;
    return { ...options, ...(rows ? { rows } : {}), ...(defaults ? { lossDefaults: defaults } : {}) };
  }
}

/** Everything an outcome depends on: the sources' keys, the reading, the settings that matter. */
function keyOf(target: Target, { unit, as, loss, rows, lossDefaults }: EvaluateOptions): string {
  return [target.reading, unit, as, loss, rows ?? 'auto', lossDefaultsKey(lossDefaults), ...target.sources.map((source) => source.key)].join('\n');
}

/** What to forget a cached outcome with: its document's (or notebook's) uri when it closes, its session when it ends. */
function tagOf(source: TargetSource): string {
  switch (source.kind) {
    case 'document':
      return source.document.uri.toString();
    case 'debug':
      return debugTag(source.frame.session);
    case 'notebook-output':
      return source.notebook.uri.toString();
  }
}

function debugTag(session: vscode.DebugSession): string {
  return `debug ${session.id}`;
}
