import * as vscode from 'vscode';
import { figuresOf, formatFigure, summaryLine } from '../../core/figures';
import { toJson, toMarkdown } from '../../core/format';
import { COMMANDS } from '../command-ids';
import { notificationLine } from '../figure-lines';
import type { LossEvaluation } from '../../core/loss-types';
import { reportError } from '../error-report';
import { PREVIEW_OPTION_KEYS, previewOptionsArgument, type PreviewOptions, type PreviewOptionsStore } from '../preview-options';
import { literalArgument } from '../targets/argument';
import { DocumentSource } from '../targets/document-source';
import type { TargetService } from '../targets/service';
import { pickLossOptions, warnOptionsNeedALiteral } from './loss-options-pick';
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
    private readonly previews: PreviewOptionsStore,
    /** The status bar and the visualizer show the literal again, with its new options. */
    private readonly refresh: () => void,
  ) {}

  /**
   * `arg`: a literal argument (a link's), else the selection. `options`: reduction, label smoothing
   * and convention to remember for this literal before previewing, as the Options… pick does.
   */
  execute(arg?: unknown, options?: unknown): Promise<ReturnType<typeof toJson> | undefined> {
    // A keybinding passes one argument: its `args` may be the options alone, for the selection.
    if (options === undefined && isPreviewOptionsOnly(arg)) return this.execute(undefined, arg);
    const asked = options === undefined ? undefined : previewOptionsArgument(options);
    if (typeof asked === 'string') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Entropy Lens: {0}', asked));
      return Promise.resolve(undefined);
    }
    return withEvaluation(
      this.targets,
      'loss',
      (first) => {
        const evaluated = asked ? this.#remember(first, asked) : first;
        if (!evaluated) return undefined;
        const evaluation = evaluated.evaluation;
        if (evaluation.kind !== 'loss') {
          void vscode.window.showWarningMessage(vscode.l10n.t('Entropy Lens: a loss needs targets with predictions, e.g. {"y": [1, 0], "y_pred": [0.9, 0.2]} or {"labels": [2, 0], "logits": [[…], […]]}.'));
          return undefined;
        }
        const precision = precisionOf(this.targets, evaluated);
        const main = figuresOf(evaluation).map((figure) => formatFigure(figure, precision)).join(' · ');
        const message = vscode.l10n.t('Entropy Lens: {0}{1} — {2}', liveSource(evaluated), main, evaluation.reason);
        const source = literalOf(evaluated);
        if (source) {
          const more = vscode.l10n.t('Options…');
          void vscode.window.showInformationMessage(message, more).then((choice) => (choice === more ? this.#options(source, evaluation) : undefined));
        } else {
          void vscode.window.showInformationMessage(message);
        }
        this.visualizer().show(evaluated.target.sources[0].ref, 'loss');
        return toJson(evaluation);
      },
      arg,
    );
  }

  /** Remembers the options for the evaluated literal and evaluates it again with them. */
  #remember(evaluated: Evaluated, options: PreviewOptions): Evaluated | undefined {
    const source = literalOf(evaluated);
    if (!source) {
      warnOptionsNeedALiteral();
      return undefined;
    }
    this.previews.set(source.document.uri.toString(), source.text(), options);
    this.refresh();
    const outcome = this.targets.evaluate(evaluated.target);
    if (outcome.kind === 'error') {
      reportError(outcome.error);
      return undefined;
    }
    return outcome;
  }

  /** The options Preview Loss remembers for the literal of `source`, if any. */
  remembered(source: DocumentSource): PreviewOptions | undefined {
    return this.previews.get(source.document.uri.toString(), () => source.text());
  }

  /** The Options… pick on the literal just previewed, then the preview again. */
  async #options(source: DocumentSource, evaluation: LossEvaluation): Promise<void> {
    const chosen = await pickLossOptions(evaluation.options ?? {}, evaluation.loss, this.remembered(source));
    if (!chosen) return;
    await this.execute(literalArgument(source.document, source.range), chosen);
  }
}

/** An object of Preview Loss's options and nothing else (not a literal argument's uri and range). */
function isPreviewOptionsOnly(arg: unknown): boolean {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return false;
  const keys = Object.keys(arg);
  return keys.length > 0 && keys.every((key) => (PREVIEW_OPTION_KEYS as readonly string[]).includes(key));
}

/** The evaluated target's one literal in a document: the only kind whose options are remembered. */
export function literalOf(evaluated: Evaluated): DocumentSource | undefined {
  const [source] = evaluated.target.sources;
  return evaluated.target.sources.length === 1 && source instanceof DocumentSource ? source : undefined;
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
