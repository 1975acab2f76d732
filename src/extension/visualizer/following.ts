import type * as vscode from 'vscode';
import { looksLikeLiteral } from '../../core/locate';
import { Disposable } from '../dispose';
import { erroredLiteral } from '../error-report';
import type { SelectionWatcher } from '../selection-watcher';
import type { TargetService } from '../targets/service';
import { sameRef, type SourceRef } from '../targets/source';

/** What following needs from the panel. */
export interface Followed {
  /** Whether the panel is open and unlocked. */
  isFollowing(): boolean;
  /** The source shown now. */
  current(): SourceRef | undefined;
  /** Shows `ref` instead. */
  follow(ref: SourceRef): void;
  /** The selection holds no literal (a word, a line of code, the cursor on an empty line): the panel stays as it is. */
  missed(): void;
  /** The selection is back on the literal shown. */
  kept(): void;
}

/**
 * The panel follows the selection: when it settles on another literal (or the cursor rests in one),
 * the panel shows that. A selection that holds no literal — plain code, as the commands judge it
 * (`looksLikeLiteral`), or a cursor in none — leaves the panel as it was: its last literal is still
 * worth reading. A selection the visualizer made itself (Reveal) is not followed, and nor are the
 * editors of the Output and Debug Console.
 */
export class Following extends Disposable {
  #own: { readonly uri: string; readonly range: vscode.Range } | undefined;

  constructor(
    selections: SelectionWatcher,
    private readonly targets: TargetService,
    private readonly panel: Followed,
  ) {
    super();
    this.register(selections.onDidSettle((editor) => editor && this.#settled(editor)));
  }

  /**
   * `range` is already answered: the visualizer is about to select it itself (Reveal), or a command
   * has just shown what it reads as. Its settling is not a new choice of the user's to follow.
   */
  expect(uri: vscode.Uri, range: vscode.Range): void {
    this.#own = { uri: uri.toString(), range };
  }

  #settled(editor: vscode.TextEditor): void {
    if (!this.panel.isFollowing()) return;
    const scheme = editor.document.uri.scheme;
    if (scheme === 'output' || scheme === 'debug') return;
    const own = this.#own;
    if (own && own.uri === editor.document.uri.toString() && own.range.isEqual(editor.selection)) return;
    this.#own = undefined;
    // An error just selected its offending element: the literal in error stays the one to show.
    const source = erroredLiteral(editor) ?? this.targets.editorTarget(editor)?.sources[0];
    if (!source || (!editor.selection.isEmpty && !looksLikeLiteral(source.text()))) return this.panel.missed();
    if (sameRef(source.ref, this.panel.current())) return this.panel.kept();
    this.panel.follow(source.ref);
  }
}
