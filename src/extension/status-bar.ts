import * as vscode from 'vscode';
import type { Evaluation } from '../core/evaluate';
import { describe, figuresOf, formatFigure, type Figure } from '../core/figures';
import { looksNumeric } from '../core/locate';
import { COMMANDS } from './command-ids';
import { Disposable } from './dispose';
import { selectsErrorElement } from './error-report';
import { SECTION } from './settings';
import type { SelectionWatcher } from './selection-watcher';
import { DocumentSource } from './targets/document-source';
import type { TargetService } from './targets/service';

/**
 * The status bar item: while the selection is a literal of numbers, its headline figure (entropy,
 * KL for a pair, the loss for a loss case) in the chosen unit; hidden otherwise. Click: visualizer.
 */
export class EntropyStatusBar extends Disposable {
  readonly #item = this.register(vscode.window.createStatusBarItem('entropyLens.status', vscode.StatusBarAlignment.Right, 100));
  #visible = false;

  constructor(
    private readonly targets: TargetService,
    selections: SelectionWatcher,
  ) {
    super();
    this.#item.name = 'Entropy Lens';
    this.#item.command = COMMANDS.openVisualizer;
    this.register(selections.onDidSettle(() => this.update()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SECTION)) this.update();
      }),
    );
    this.update();
  }

  /** The text shown; undefined while hidden. */
  get text(): string | undefined {
    return this.#visible ? this.#item.text : undefined;
  }

  /** Shows the active editor's selection's headline figure, or hides. */
  update(): void {
    const shown = this.#evaluateSelection();
    this.#visible = shown !== undefined;
    if (!shown) {
      this.#item.hide();
      return;
    }
    this.#item.text = `$(graph) ${formatFigure(headline(shown.evaluation), shown.precision)}`;
    this.#item.tooltip = vscode.l10n.t('Entropy Lens: {0}. Click to open the visualizer.', describe(shown.evaluation));
    this.#item.show();
  }

  #evaluateSelection(): { evaluation: Evaluation; precision: number } | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || selectsErrorElement(editor)) return undefined;
    const target = this.targets.selectionTarget(editor);
    if (!target) return undefined;
    const source = target.sources[0];
    if (!(source instanceof DocumentSource)) return undefined;
    const settings = this.targets.settingsFor(source);
    // Unasked, the status bar reads only what a hover would: short text that looks like numbers.
    if (!settings.statusBarEnabled || source.document.offsetAt(source.range.end) - source.document.offsetAt(source.range.start) > settings.hoverMaxLiteralLength) return undefined;
    const text = source.text();
    if (!looksNumeric(text, { start: 0, end: text.length })) return undefined;
    const outcome = this.targets.evaluate(target);
    return outcome.kind === 'evaluated' ? { evaluation: outcome.evaluation, precision: settings.precision } : undefined;
  }
}

function headline(evaluation: Evaluation): Figure {
  const figures = figuresOf(evaluation);
  return (evaluation.kind === 'pair' ? figures.find((figure) => figure.key === 'klPQ') : undefined) ?? figures[0];
}
