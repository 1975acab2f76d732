import * as vscode from 'vscode';
import { summaryLine } from '../../core/figures';
import { toJson } from '../../core/format';
import { COMMANDS } from '../command-ids';
import { reportError } from '../error-report';
import { LiveValueError } from '../live/errors';
import { pausedFrame, type PausedFrame } from '../live/paused-frame';
import { frameVariables, type FrameVariable } from '../live/variables';
import { readSettings } from '../settings';
import { combined, DebugSource } from '../targets/debug-source';
import { captureAll } from '../targets/live-targets';
import type { TargetService } from '../targets/service';
import { targetOf } from '../targets/target';
import type { Command, VisualizerHandle } from './command';
import { offerActions } from './evaluate';
import { precisionOf, reportLiveError } from './run';

/**
 * The Variables view's menu (`debug/variables/context`): Evaluate Variable, and Compare with… (P is
 * the variable, Q one picked from the frame's other variables). VS Code passes `{ container,
 * variable }`; the variable's `evaluateName` is the expression read.
 */

/** The part of the menu's argument read here. */
interface VariableArgument {
  readonly variable: { readonly name: string; readonly evaluateName?: string };
}

export class EvaluateVariable implements Command {
  readonly id = COMMANDS.evaluateVariable;
  constructor(
    private readonly targets: TargetService,
    private readonly visualizer: () => VisualizerHandle,
  ) {}

  async execute(arg?: unknown): Promise<ReturnType<typeof toJson> | undefined> {
    try {
      const expression = expressionOf(arg);
      const frame = await paused();
      const [value] = await captureAll(frame, [expression], maxElements(frame));
      const source = new DebugSource(frame, value);
      const outcome = this.targets.evaluate(targetOf(source));
      if (outcome.kind === 'error') return void reportError(outcome.error);
      offerActions(`Entropy Lens: ${source.describe()}: ${summaryLine(outcome.evaluation, precisionOf(this.targets, outcome))}`, outcome, this.targets, this.visualizer);
      return toJson(outcome.evaluation);
    } catch (error) {
      if (!reportLiveError(error)) throw error;
      return undefined;
    }
  }
}

export class CompareWithVariable implements Command {
  readonly id = COMMANDS.compareWithVariable;
  constructor(
    private readonly targets: TargetService,
    private readonly visualizer: () => VisualizerHandle,
  ) {}

  /** `second`: Q's expression, for a keybinding or another extension; otherwise picked. */
  async execute(arg?: unknown, second?: unknown): Promise<ReturnType<typeof toJson> | undefined> {
    try {
      const p = expressionOf(arg);
      const frame = await paused();
      const q = typeof second === 'string' && second.trim() !== '' ? second : await pickSecond(frame, p);
      if (q === undefined) return undefined;
      const [first, other] = (await captureAll(frame, [p, q], maxElements(frame))).map((value) => new DebugSource(frame, value));
      const pair = combined('pair', first, other);
      const outcome = this.targets.evaluate(targetOf(pair));
      if (outcome.kind === 'error') return void reportError(outcome.error);
      if (outcome.evaluation.kind !== 'pair' && outcome.evaluation.kind !== 'pairs') {
        void vscode.window.showWarningMessage(vscode.l10n.t('Entropy Lens: {0} and {1} are not two distributions of the same length ({2}).', p, q, outcome.evaluation.kind));
        return undefined;
      }
      offerActions(`Entropy Lens: P = ${p}, Q = ${q} @ ${pair.place}: ${summaryLine(outcome.evaluation, precisionOf(this.targets, outcome), 6)}`, outcome, this.targets, this.visualizer);
      return toJson(outcome.evaluation);
    } catch (error) {
      if (!reportLiveError(error)) throw error;
      return undefined;
    }
  }
}

/** The variable's expression: its `evaluateName`, else its name when that is one. */
function expressionOf(arg: unknown): string {
  const variable = (arg as Partial<VariableArgument> | undefined)?.variable;
  if (typeof variable !== 'object' || variable === null) throw new LiveValueError('run this from a variable in the Variables view of a paused debug session.');
  if (typeof variable.evaluateName === 'string' && variable.evaluateName !== '') return variable.evaluateName;
  if (typeof variable.name === 'string' && /^[A-Za-z_$][\w$]*$/.test(variable.name)) return variable.name;
  throw new LiveValueError(`the debugger gives no expression for ${String(variable.name)}, so it cannot be read.`);
}

async function paused(): Promise<PausedFrame> {
  const frame = await pausedFrame();
  if (!frame) throw new LiveValueError('no debug session is active: start debugging and stop at a breakpoint to read a variable.');
  return frame;
}

function maxElements(frame: PausedFrame): number {
  return readSettings(frame.location?.uri).liveMaxElements;
}

/** Q, picked from the frame's variables (those with an expression), P itself left out. */
async function pickSecond(frame: PausedFrame, p: string): Promise<string | undefined> {
  const candidates = (await frameVariables(frame)).filter((variable) => variable.expression !== p);
  if (candidates.length === 0) throw new LiveValueError(`the paused frame has no other variable to compare ${p} with.`);
  const picked = await vscode.window.showQuickPick(
    candidates.map((variable: FrameVariable) => ({ label: variable.expression, description: variable.type, detail: variable.value, variable })),
    { title: vscode.l10n.t('Entropy Lens: compare {0} (P) with… (Q)', p), placeHolder: vscode.l10n.t('a variable of the paused frame'), matchOnDescription: true },
  );
  return picked?.variable.expression;
}
