import * as vscode from 'vscode';
import { Disposable, toDisposable } from './dispose';

/** How long the selection must rest before the status bar and the visualizer look at it. */
export const SETTLE_MS = 120;

/**
 * The one selection listener: fires once the selection (or the active editor) has stopped changing
 * for {@link SETTLE_MS}, with the editor it settled in — undefined when no text editor is active.
 * The status bar and the visualizer both listen here and ask the target service for the same
 * target, whose evaluation the service caches: one evaluation per change.
 */
export class SelectionWatcher extends Disposable {
  readonly #settled = this.register(new vscode.EventEmitter<vscode.TextEditor | undefined>());
  readonly onDidSettle = this.#settled.event;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.register(vscode.window.onDidChangeTextEditorSelection((event) => this.#schedule(event.textEditor)));
    this.register(vscode.window.onDidChangeActiveTextEditor((editor) => this.#schedule(editor)));
    this.register(toDisposable(() => clearTimeout(this.#timer)));
  }

  #schedule(editor: vscode.TextEditor | undefined): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#settled.fire(editor), SETTLE_MS);
  }
}
