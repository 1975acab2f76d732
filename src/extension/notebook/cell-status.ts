import * as vscode from 'vscode';
import { figuresOf, formatFigure, type Figure } from '../../core/figures';
import type { Evaluation } from '../../core/evaluate';
import { COMMANDS } from '../command-ids';
import type { CellOutputArgument } from '../commands/cell-output';
import { readSettings } from '../settings';
import { NotebookOutputSource } from '../targets/notebook-source';
import type { TargetService } from '../targets/service';
import { targetOf } from '../targets/target';
import { arraySpans, STATUS_TEXT_LIMIT } from './outputs';

/**
 * The cell status bar item of a Jupyter notebook cell whose output is an array: its entropy (D_KL(P‖Q)
 * for a pair, the loss for targets with predictions), in the chosen unit. Clicking it opens the
 * visualizer on that output. Outputs are read as the notebook holds them, kernel or not.
 */
export class CellOutputStatus {
  constructor(private readonly targets: TargetService) {}

  provide(cell: vscode.NotebookCell): vscode.NotebookCellStatusBarItem[] {
    for (const span of arraySpans(cell, STATUS_TEXT_LIMIT)) {
      const source = new NotebookOutputSource(cell.notebook, cell.index, span);
      const outcome = this.targets.evaluate(targetOf(source));
      if (outcome.kind !== 'evaluated') continue;
      const figure = headline(outcome.evaluation);
      const text = formatFigure(figure, readSettings(cell.notebook.uri).precision);
      const item = new vscode.NotebookCellStatusBarItem(`$(graph) ${text}`, vscode.NotebookCellStatusBarAlignment.Right);
      const argument: CellOutputArgument = { uri: cell.notebook.uri.toString(), cell: cell.index, output: span.output };
      item.command = { title: vscode.l10n.t('Entropy Lens: Evaluate Cell Output'), command: COMMANDS.evaluateCellOutput, arguments: [argument] };
      item.tooltip = vscode.l10n.t("Entropy Lens: {0} of this cell's output. Click to open the visualizer.", text);
      item.accessibilityInformation = { label: `Entropy Lens: ${figure.label} ${text}` };
      return [item];
    }
    return [];
  }
}

/** D_KL(P‖Q) for a pair, else the first figure (H, the mean H, the loss). */
function headline(evaluation: Evaluation): Figure {
  const figures = figuresOf(evaluation);
  return figures.find((figure) => figure.key === 'klPQ') ?? figures[0];
}
