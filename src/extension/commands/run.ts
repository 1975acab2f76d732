import * as vscode from 'vscode';
import { reportError } from '../error-report';
import { LiveCancelled, LiveValueError } from '../live/errors';
import type { TargetService } from '../targets/service';
import type { Outcome, Target } from '../targets/target';

/** What a command does with its target's evaluation. */
export type Evaluated = Extract<Outcome, { kind: 'evaluated' }>;

/** Which command asks: the message when there is nothing to evaluate depends on it. */
export type Purpose = 'evaluate' | 'compare' | 'loss' | 'copy' | 'insert';

/**
 * Runs `then` on the evaluation of the command's target: the literal a hover link's argument names,
 * else the active editor's selections (or the literal around its cursor). Nothing to evaluate, a link
 * that fails, or bad input is told to the user here, once, and the command returns undefined.
 */
export async function withEvaluation<T>(targets: TargetService, purpose: Purpose, then: (evaluated: Evaluated) => T | Promise<T>, arg?: unknown): Promise<T | undefined> {
  const target = await commandTarget(targets, purpose, arg);
  if (!target) return undefined;
  const outcome = targets.peek(target) ?? (await withProgressIfLarge(target, () => targets.evaluate(target)));
  if (outcome.kind === 'error') {
    reportError(outcome.error);
    return undefined;
  }
  return then(outcome);
}

async function commandTarget(targets: TargetService, purpose: Purpose, arg: unknown): Promise<Target | undefined> {
  const named = await targets.argumentTarget(arg);
  if (named.kind === 'target') return named.target;
  if (named.kind === 'invalid') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Entropy Lens: {0}', named.message));
    return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  const chosen = editor && (await chosenTarget(targets, editor, purpose));
  if (chosen === null) return undefined;
  if (!chosen) {
    const debugging = vscode.debug.activeDebugSession !== undefined;
    void vscode.window.showInformationMessage(
      purpose === 'compare'
        ? debugging
          ? vscode.l10n.t('Entropy Lens: select two vectors (P first, then Q) or two expressions, or one literal with "p" and "q".')
          : vscode.l10n.t('Entropy Lens: select two vectors (P first, then Q), or one literal with "p" and "q".')
        : debugging
          ? vscode.l10n.t('Entropy Lens: select a literal of numbers such as [0.1, 0.2, 0.7], or put the cursor inside one; while paused, select an expression or put the cursor on a variable.')
          : vscode.l10n.t('Entropy Lens: select a literal of numbers such as [0.1, 0.2, 0.7], or put the cursor inside one.'),
    );
    return undefined;
  }
  if (chosen.ignored > 0) void vscode.window.showWarningMessage(vscode.l10n.t('Entropy Lens: {0} selections — using the first two as P and Q.', chosen.ignored + 2));
  return chosen.target;
}

/**
 * Evaluate, Compare and Preview Loss read live values while a debug session is paused (see
 * TargetService.liveCommandTarget); the others read literals. Null: a live value could not be read,
 * and the user has been told why.
 */
async function chosenTarget(targets: TargetService, editor: vscode.TextEditor, purpose: Purpose): Promise<{ target: Target; ignored: number } | undefined | null> {
  if (purpose !== 'evaluate' && purpose !== 'compare' && purpose !== 'loss') return targets.commandTarget(editor);
  try {
    return await targets.liveCommandTarget(editor, purpose === 'loss' ? 'loss' : 'figures');
  } catch (error) {
    if (!reportLiveError(error)) throw error;
    return null;
  }
}

/** Tells the user why a live value could not be read; false for anything else (a bug, rethrown). */
export function reportLiveError(error: unknown): boolean {
  if (error instanceof LiveCancelled) return true;
  if (!(error instanceof LiveValueError)) return false;
  void vscode.window.showWarningMessage(vscode.l10n.t('Entropy Lens: {0}', error.message));
  return true;
}

/** Literals above this many characters (about 10⁴ numbers) show progress while they are read. */
const PROGRESS_THRESHOLD = 200_000;

/**
 * Evaluation is synchronous and fast, but a literal of millions of numbers takes a second or more:
 * long enough to show the user something is happening. The yield lets the notification paint.
 */
async function withProgressIfLarge<T>(target: Target, run: () => T): Promise<T> {
  const length = target.sources.reduce((total, source) => total + source.text().length, 0);
  if (length < PROGRESS_THRESHOLD) return run();
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Entropy Lens: reading {0} characters…', length.toLocaleString()) },
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return run();
    },
  );
}

/** The precision to show an evaluation with: the settings of the target's first source. */
export function precisionOf(targets: TargetService, evaluated: { readonly target: Target }): number {
  return targets.settingsFor(evaluated.target.sources[0]).precision;
}
