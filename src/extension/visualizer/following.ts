import type * as vscode from 'vscode';
import { Disposable } from '../dispose';
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
}

/**
 * The panel follows the selection: when it settles on another literal (or the cursor rests in one),
 * the panel shows that. A selection the visualizer made itself (Reveal) is not followed, and nor are
 * the editors of the Output and Debug Console.
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
    const ref = this.targets.editorTarget(editor)?.sources[0].ref;
    if (ref && !sameRef(ref, this.panel.current())) this.panel.follow(ref);
  }
}
