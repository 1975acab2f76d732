import * as vscode from 'vscode';
import { toJson } from '../../core/format';
import { COMMANDS } from '../command-ids';
import { baseName } from '../targets/document-source';
import { notebookOutputSource } from '../targets/notebook-source';
import type { TargetService } from '../targets/service';
import { placedMessage, targetOf } from '../targets/target';
import type { Command, VisualizerHandle } from './command';

/** What the cell status bar item passes: the notebook, the cell and the output it measured. */
export interface CellOutputArgument {
  readonly uri: string;
  readonly cell: number;
  readonly output?: number;
}

/**
 * Evaluate Cell Output: opens the visualizer on a cell's output that is an array (a numpy or torch
 * repr, JSON, or a printed array) — the cell the status bar item was clicked on, or from the
 * palette the active notebook's selected cell. Outputs are read as saved: no kernel is needed.
 */
export class EvaluateCellOutput implements Command {
  readonly id = COMMANDS.evaluateCellOutput;
  constructor(
    private readonly targets: TargetService,
    private readonly visualizer: () => VisualizerHandle,
  ) {}

  async execute(arg?: unknown): Promise<ReturnType<typeof toJson> | undefined> {
    const chosen = await cellOf(arg);
    if (typeof chosen === 'string') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Entropy Lens: {0}', chosen));
      return undefined;
    }
    const { notebook, cell, output } = chosen;
    const source = notebookOutputSource(notebook, cell, output);
    if (!source) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Entropy Lens: cell {0} of {1} has no output that is an array of numbers.', cell + 1, baseName(notebook.uri)));
      return undefined;
    }
    const outcome = this.targets.evaluate(targetOf(source));
    this.visualizer().show(source.ref);
    if (outcome.kind === 'error') {
      void vscode.window.showErrorMessage(vscode.l10n.t('Entropy Lens: {0}', placedMessage(outcome.error)));
      return undefined;
    }
    return toJson(outcome.evaluation);
  }
}

/** The notebook and cell an argument names, or the active notebook's selected cell; else why not. */
async function cellOf(arg: unknown): Promise<{ notebook: vscode.NotebookDocument; cell: number; output?: number } | string> {
  if (isArgument(arg)) {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(arg.uri, true);
    } catch {
      return 'the cell could not be found (a malformed argument).';
    }
    const notebook = vscode.workspace.notebookDocuments.find((candidate) => candidate.uri.toString() === uri.toString()) ?? (await vscode.workspace.openNotebookDocument(uri));
    return { notebook, cell: arg.cell, ...(arg.output !== undefined ? { output: arg.output } : {}) };
  }
  const editor = vscode.window.activeNotebookEditor;
  if (!editor) return 'open a notebook and select a cell whose output is an array of numbers.';
  return { notebook: editor.notebook, cell: editor.selection.start };
}

function isArgument(value: unknown): value is CellOutputArgument {
  if (typeof value !== 'object' || value === null) return false;
  const { uri, cell, output } = value as Partial<CellOutputArgument>;
  return typeof uri === 'string' && Number.isSafeInteger(cell) && cell! >= 0 && (output === undefined || (Number.isSafeInteger(output) && output >= 0));
}
