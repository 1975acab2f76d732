import * as vscode from 'vscode';
import { summaryLine, figuresOf, formatFigure } from '../core/figures';
import { toJson, toMarkdown } from '../core/format';
import { toLatex } from '../core/tex';
import { INTERPRETATION_MODES, UNITS, type InterpretationMode, type Unit } from '../core/types';
import { asComment } from './comment-syntax';
import { COMMANDS, type RegisterCommand } from './command-ids';
import { evaluateTargets, reportTargetError, TargetError, type Evaluated } from './evaluation';
import { evaluateOptions, readSettings, SECTION, type Settings } from './settings';
import { targetsOf, type Target } from './target';

/** What the visualizer offers the commands (see visualizer/index.ts). */
export interface VisualizerHandle {
  show(target?: { document: vscode.TextDocument; range: vscode.Range }, view?: 'figures' | 'loss'): void;
}

/** A command argument naming a literal: what hover links pass. */
interface LiteralArgument {
  readonly uri: string;
  readonly range: readonly [number, number, number, number];
}

export function registerCommands(register: RegisterCommand, visualizer: () => VisualizerHandle): void {

  register(COMMANDS.evaluateSelection, () =>
    withEvaluation('evaluate', (evaluated) => {
      const settings = readSettings(evaluated.targets[0]!.document);
      offerActions(`Entropy Lens: ${summaryLine(evaluated.evaluation, settings.precision)}`, evaluated, visualizer);
      return toJson(evaluated.evaluation);
    }),
  );

  register(COMMANDS.compareSelections, () =>
    withEvaluation('compare', (evaluated) => {
      if (evaluated.evaluation.kind !== 'pair') {
        void vscode.window.showWarningMessage('Entropy Lens: to compare, select two vectors (hold Alt to add a second selection) or one literal with "p" and "q".');
        return undefined;
      }
      const settings = readSettings(evaluated.targets[0]!.document);
      offerActions(`Entropy Lens: ${summaryLine(evaluated.evaluation, settings.precision, 6)}`, evaluated, visualizer);
      return toJson(evaluated.evaluation);
    }),
  );

  register(COMMANDS.previewLoss, () =>
    withEvaluation('loss', (evaluated) => {
      if (evaluated.evaluation.kind !== 'loss') {
        void vscode.window.showWarningMessage('Entropy Lens: a loss needs targets with predictions, e.g. {"y": [1, 0], "y_pred": [0.9, 0.2]} or {"labels": [2, 0], "logits": [[…], […]]}.');
        return undefined;
      }
      const settings = readSettings(evaluated.targets[0]!.document);
      const evaluation = evaluated.evaluation;
      const main = figuresOf(evaluation).map((figure) => formatFigure(figure, settings.precision)).join(' · ');
      void vscode.window.showInformationMessage(`Entropy Lens: ${main} — ${evaluation.reason}`);
      visualizer().show(firstTarget(evaluated), 'loss');
      return toJson(evaluation);
    }),
  );

  register(COMMANDS.copyMarkdown, (arg) => copyAs(toMarkdown, 'the figures as Markdown', arg));
  register(COMMANDS.copyLatex, (arg) => copyAs(toLatex, 'the formulas as LaTeX', arg));

  register(COMMANDS.insertComment, () =>
    withEvaluation('insert', async (evaluated) => {
      const target = evaluated.targets[evaluated.targets.length - 1]!;
      const settings = readSettings(target.document);
      const comment = asComment(target.document.languageId, `Entropy Lens: ${summaryLine(evaluated.evaluation, settings.precision, 6)}`);
      if (comment === undefined) {
        void vscode.window.showWarningMessage(`Entropy Lens: ${target.document.languageId} has no comments; use "Copy Result as Markdown" instead.`);
        return undefined;
      }
      const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === target.document);
      if (!editor) return undefined;
      const endLine = target.document.lineAt(target.range.end.line);
      const indent = target.document.lineAt(target.range.start.line).text.match(/^\s*/)![0];
      // One edit, so one undo removes it.
      const applied = await editor.edit((builder) => builder.insert(endLine.range.end, `\n${indent}${comment}`));
      return applied ? comment : undefined;
    }),
  );

  register(COMMANDS.setUnit, () => pickSetting('unit', UNITS, unitDescription, 'Entropy Lens: unit of information'));
  register(COMMANDS.setInterpretation, () =>
    pickSetting('interpretation', INTERPRETATION_MODES, interpretationDescription, 'Entropy Lens: read selections as…'),
  );
}

/** Copies the selection's (or the hover link's) evaluation in one of the text formats. */
function copyAs(format: (evaluation: Evaluated['evaluation'], precision: number) => string, what: string, arg: unknown): Promise<ReturnType<typeof toJson> | undefined> {
  return withEvaluation('copy', async (evaluated) => {
    const settings = readSettings(evaluated.targets[0]!.document);
    await vscode.env.clipboard.writeText(format(evaluated.evaluation, settings.precision));
    void vscode.window.setStatusBarMessage(`Entropy Lens: copied ${what}`, 3000);
    return toJson(evaluated.evaluation);
  }, arg);
}

/** A quick pick over a setting's values, written to the user (global) settings. */
async function pickSetting<K extends 'unit' | 'interpretation'>(
  key: K, values: readonly Settings[K][], describe: (value: Settings[K]) => string, title: string,
): Promise<string | undefined> {
  const current = readSettings()[key];
  const picked = await vscode.window.showQuickPick(
    values.map((value) => ({ label: value, description: describe(value), picked: value === current })),
    { title, placeHolder: `now ${current}` },
  );
  if (picked) await vscode.workspace.getConfiguration(SECTION).update(key, picked.label, vscode.ConfigurationTarget.Global);
  return picked?.label;
}

type Purpose = 'evaluate' | 'compare' | 'loss' | 'copy' | 'insert';

/**
 * Runs `then` on the evaluation of the command's target: a literal named by the argument (hover
 * links), else the active editor's selections. Bad input is reported at its element.
 */
async function withEvaluation<T>(purpose: Purpose, then: (evaluated: Evaluated) => T | Promise<T>, arg?: unknown): Promise<T | undefined> {
  const targets = await targetsFor(arg);
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(
      purpose === 'compare'
        ? 'Entropy Lens: select two vectors (P first, then Q), or one literal with "p" and "q".'
        : 'Entropy Lens: select a literal of numbers such as [0.1, 0.2, 0.7], or put the cursor inside one.',
    );
    return undefined;
  }
  if (targets.length > 2) void vscode.window.showWarningMessage(`Entropy Lens: ${targets.length} selections — using the first two as P and Q.`);
  try {
    const settings = readSettings(targets[0]!.document);
    const chosen = targets.slice(0, 2);
    return await then(await withProgressIfLarge(chosen, () => evaluateTargets(chosen, evaluateOptions(settings))));
  } catch (error) {
    if (error instanceof TargetError) {
      reportTargetError(error);
      return undefined;
    }
    throw error;
  }
}

/** Literals above this many characters (about 10⁴ numbers) show progress while they are read. */
const PROGRESS_THRESHOLD = 200_000;

/**
 * Evaluation is synchronous and fast, but a literal of millions of numbers takes a second or more:
 * long enough to show the user something is happening. The yield lets the notification paint.
 */
async function withProgressIfLarge<T>(targets: readonly Target[], run: () => T): Promise<T> {
  const length = targets.reduce((total, target) => total + target.text.length, 0);
  if (length < PROGRESS_THRESHOLD) return run();
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Entropy Lens: reading ${length.toLocaleString('en-US')} characters…` },
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return run();
    },
  );
}

async function targetsFor(arg: unknown): Promise<Target[]> {
  if (isLiteralArgument(arg)) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri));
    const range = new vscode.Range(arg.range[0], arg.range[1], arg.range[2], arg.range[3]);
    return [{ document, range, text: document.getText(range) }];
  }
  const editor = vscode.window.activeTextEditor;
  return editor ? targetsOf(editor) : [];
}

function isLiteralArgument(arg: unknown): arg is LiteralArgument {
  if (typeof arg !== 'object' || arg === null) return false;
  const candidate = arg as Partial<LiteralArgument>;
  return typeof candidate.uri === 'string' && Array.isArray(candidate.range) && candidate.range.length === 4 && candidate.range.every((n) => Number.isInteger(n) && n >= 0);
}

function firstTarget(evaluated: Evaluated): { document: vscode.TextDocument; range: vscode.Range } {
  const target = evaluated.targets[0]!;
  return { document: target.document, range: target.range };
}

/** Shows the summary with its actions; the command returns at once rather than wait for a click. */
function offerActions(message: string, evaluated: Evaluated, visualizer: () => VisualizerHandle): void {
  void vscode.window.showInformationMessage(message, 'Open Visualizer', 'Copy').then(async (choice) => {
    if (choice === 'Open Visualizer') visualizer().show(firstTarget(evaluated));
    if (choice === 'Copy') {
      const settings = readSettings(evaluated.targets[0]!.document);
      await vscode.env.clipboard.writeText(toMarkdown(evaluated.evaluation, settings.precision));
    }
  });
}

function unitDescription(unit: Unit): string {
  return unit === 'nats' ? 'natural logarithm, base e' : unit === 'bits' ? 'base-2 logarithm' : 'base-10 logarithm';
}

function interpretationDescription(mode: InterpretationMode): string {
  switch (mode) {
    case 'auto':
      return 'decide from the values, and say why';
    case 'probs':
      return 'probabilities';
    case 'counts':
      return 'non-negative counts or weights, normalised';
    case 'logits':
      return 'logits, through a softmax';
    case 'logprobs':
      return 'log-probabilities';
  }
}
