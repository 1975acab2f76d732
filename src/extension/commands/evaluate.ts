import * as vscode from 'vscode';
import { figuresOf, formatFigure, summaryLine } from '../../core/figures';
import { toJson, toMarkdown } from '../../core/format';
import { COMMANDS } from '../command-ids';
import { notificationLine } from '../figure-lines';
import type { TargetService } from '../targets/service';
import type { Command, VisualizerHandle } from './command';
import { precisionOf, withEvaluation, type Evaluated } from './run';

/**
 * The commands that evaluate the selection and say the result: a summary with its actions, for one
 * literal, a P/Q pair, or targets with predictions. Each returns the core's JSON for the evaluation
 * (what a keybinding or another extension gets back).
 */

export class EvaluateSelection implements Command {
  readonly id = COMMANDS.evaluateSelection;
  constructor(
    private readonly targets: TargetService,
    private readonly visualizer: () => VisualizerHandle,
  ) {}

  execute(): Promise<ReturnType<typeof toJson> | undefined> {
    return withEvaluation(this.targets, 'evaluate', (evaluated) => {
      // A pair leads with both KL directions (issue 14): the status bar headlines only D_KL(P‖Q).
      offerActions(`Entropy Lens: ${liveSource(evaluated)}${notificationLine(evaluated.evaluation, precisionOf(this.targets, evaluated))}`, evaluated, this.targets, this.visualizer);
      return toJson(evaluated.evaluation);
    });
  }
}

export class CompareSelections implements Command {
  readonly id = COMMANDS.compareSelections;
  constructor(
    private readonly targets: TargetService,
    private readonly visualizer: () => VisualizerHandle,
  ) {}

  execute(): Promise<ReturnType<typeof toJson> | undefined> {
    return withEvaluation(this.targets, 'compare', (evaluated) => {
      if (evaluated.evaluation.kind !== 'pair') {
        void vscode.window.showWarningMessage(vscode.l10n.t('Entropy Lens: to compare, select two vectors (hold Alt to add a second selection) or one literal with "p" and "q".'));
        return undefined;
      }
      offerActions(`Entropy Lens: ${liveSource(evaluated)}${summaryLine(evaluated.evaluation, precisionOf(this.targets, evaluated), 6)}`, evaluated, this.targets, this.visualizer);
      return toJson(evaluated.evaluation);
    });
  }
}

export class PreviewLoss implements Command {
  readonly id = COMMANDS.previewLoss;
  constructor(
    private readonly targets: TargetService,
    private readonly visualizer: () => VisualizerHandle,
  ) {}

  execute(): Promise<ReturnType<typeof toJson> | undefined> {
    return withEvaluation(this.targets, 'loss', (evaluated) => {
      const evaluation = evaluated.evaluation;
      if (evaluation.kind !== 'loss') {
        void vscode.window.showWarningMessage(vscode.l10n.t('Entropy Lens: a loss needs targets with predictions, e.g. {"y": [1, 0], "y_pred": [0.9, 0.2]} or {"labels": [2, 0], "logits": [[…], […]]}.'));
        return undefined;
      }
      const precision = precisionOf(this.targets, evaluated);
      const main = figuresOf(evaluation).map((figure) => formatFigure(figure, precision)).join(' · ');
      void vscode.window.showInformationMessage(vscode.l10n.t('Entropy Lens: {0}{1} — {2}', liveSource(evaluated), main, evaluation.reason));
      this.visualizer().show(evaluated.target.sources[0].ref, 'loss');
      return toJson(evaluation);
    });
  }
}

/** A live value's name before its figures, "probs @ train.py:42: ": a literal is where the user looks. */
function liveSource(evaluated: Evaluated): string {
  const live = evaluated.target.sources.filter((source) => source.kind === 'debug');
  return live.length > 0 ? `${evaluated.target.sources.map((source) => source.describe()).join(' vs ')}: ` : '';
}

/** Shows the summary with its actions; the command returns at once rather than wait for a click. */
export function offerActions(message: string, evaluated: Evaluated, targets: TargetService, visualizer: () => VisualizerHandle): void {
  const open = vscode.l10n.t('Open Visualizer');
  const copy = vscode.l10n.t('Copy');
  void vscode.window.showInformationMessage(message, open, copy).then(async (choice) => {
    if (choice === open) visualizer().show(evaluated.target.sources[0].ref);
    if (choice === copy) await vscode.env.clipboard.writeText(toMarkdown(evaluated.evaluation, precisionOf(targets, evaluated)));
  });
}
