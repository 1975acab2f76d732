import * as vscode from 'vscode';
import { isLiteralError } from '../core/errors';
import { evaluateText, type Evaluation } from '../core/evaluate';
import { describe, figuresOf, formatFigure, type Figure } from '../core/figures';
import { looksNumeric } from '../core/locate';
import { COMMANDS } from './command-ids';
import { selectsErrorElement } from './evaluation';
import { evaluateOptions, readSettings } from './settings';

/** How long the selection must rest before the status bar evaluates it. */
const DEBOUNCE_MS = 150;

/**
 * The status bar item: while the selection is a literal of numbers, its headline figure (entropy,
 * KL for a pair, the loss for a loss case) in the chosen unit; hidden otherwise. Click: visualizer.
 */
export class EntropyStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('entropyLens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.item.name = 'Entropy Lens';
    this.item.command = COMMANDS.openVisualizer;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeTextEditorSelection(() => this.schedule()),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('entropyLens')) this.schedule();
      }),
    );
    this.schedule();
  }

  /** The text shown, for tests: undefined while hidden. */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private visible = false;

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), DEBOUNCE_MS);
  }

  /** Re-evaluates now; exported through `text` for tests. */
  update(): void {
    this.timer = undefined;
    const evaluation = this.evaluateSelection();
    if (!evaluation) {
      this.visible = false;
      this.item.hide();
      return;
    }
    const settings = readSettings();
    const figure = headline(evaluation);
    this.item.text = `$(graph) ${formatFigure(figure, settings.precision)}`;
    this.item.tooltip = `Entropy Lens: ${describe(evaluation)}. Click to open the visualizer.`;
    this.visible = true;
    this.item.show();
  }

  private evaluateSelection(): Evaluation | undefined {
    const editor = vscode.window.activeTextEditor;
    const settings = readSettings(editor?.document);
    if (!editor || !settings.statusBarEnabled || editor.selection.isEmpty || selectsErrorElement(editor)) return undefined;
    const document = editor.document;
    const selection = editor.selection;
    if (document.offsetAt(selection.end) - document.offsetAt(selection.start) > settings.hoverMaxLiteralLength) return undefined;
    const text = document.getText(selection);
    if (!looksNumeric(text, { start: 0, end: text.length })) return undefined;
    try {
      return evaluateText(text, evaluateOptions(settings));
    } catch (error) {
      if (isLiteralError(error)) return undefined;
      throw error;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function headline(evaluation: Evaluation): Figure {
  const figures = figuresOf(evaluation);
  return (evaluation.kind === 'pair' ? figures.find((figure) => figure.key === 'klPQ') : undefined) ?? figures[0]!;
}
