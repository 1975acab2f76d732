import * as vscode from 'vscode';
import { toAssistantText } from '../core/assistant-text';
import { isLiteralError, messageAt } from '../core/errors';
import { evaluateText, type EvaluateOptions } from '../core/evaluate';
import { lossOptionProblem, OPTION_FLAGS, type LossOptions } from '../core/loss-options';
import { ROWS_MODES, type RowsMode } from '../core/shape';
import { INTERPRETATION_MODES, JOINT_READING, LOSS_MODES, type Unit } from '../core/types';
import type { EvaluateInput, LanguageModelToolHandlers, ReadingInput } from './language-model-tools';
import { evaluateOptions, readSettings } from './settings';
import type { TargetService } from './targets/service';
import { placedMessage, type Target } from './targets/target';

/**
 * The work behind the language-model tools, loaded with the features. A model reads the answer, so
 * everything is text: the figures with units and meanings, how the numbers were read, warnings.
 * Bad input is an answer too — the message with its line and column — so the model can correct
 * its call or tell the user where the mistake is; only a bug throws.
 */

/** The manifest's inputSchema values (package.json); a unit test keeps the two equal. */
export const BASE_UNITS: Readonly<Record<string, Unit>> = { e: 'nats', '2': 'bits', '10': 'hartleys' };
export const LOSS_CHOICES: readonly string[] = LOSS_MODES.filter((mode) => mode !== 'none');

export function createLanguageModelToolHandlers(targets: TargetService): LanguageModelToolHandlers {
  return {
    evaluate,
    evaluateSelection: (input) => evaluateSelection(targets, input),
  };
}

function evaluate(input: EvaluateInput): vscode.LanguageModelToolResult {
  const overrides = readInput(input, ['literal'], true, true);
  if (typeof overrides === 'string') return answer(`Entropy Lens was called with bad arguments: ${overrides}`);
  const literal = input.literal;
  if (typeof literal !== 'string') return answer('Entropy Lens was called with bad arguments: "literal" must be a string holding the numbers, such as "[0.2, 0.8]".');
  try {
    return answer(toAssistantText(evaluateText(literal, { ...evaluateOptions(readSettings(undefined)), ...overrides })));
  } catch (error) {
    if (!isLiteralError(error)) throw error;
    return answer(`Entropy Lens could not evaluate the literal: ${messageAt(literal, error)}. Nothing was computed.`);
  }
}

function evaluateSelection(targets: TargetService, input: ReadingInput): vscode.LanguageModelToolResult {
  const overrides = readInput(input, []);
  if (typeof overrides === 'string') return answer(`Entropy Lens was called with bad arguments: ${overrides}`);
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return answer('Entropy Lens: no text editor is active, so there is no selection to evaluate. Ask the user to select the numbers, or pass them to entropy-lens_evaluate.');
  }
  // The commands' target: the selections (the first two are P and Q), else the literal at the cursor.
  const found = targets.commandTarget(editor);
  if (!found) {
    return answer(`Entropy Lens: nothing is selected in ${editor.document.uri.path.split('/').pop()} and the cursor is not in a literal of numbers. Ask the user to select the numbers.`);
  }
  const { target, ignored } = found;
  // Read as the editor reads it (its settings, its rows choice, Preview Loss's options), the tool's arguments over that.
  const outcome = targets.evaluate(target, targets.optionsFor(target, overrides));
  const what = describeTarget(target);
  if (outcome.kind === 'error') {
    return answer(`Entropy Lens could not evaluate ${what}: ${placedMessage(outcome.error)} in ${outcome.error.source.name}. Nothing was computed.`);
  }
  const skipped = ignored > 0 ? `\n(${ignored} more selection${ignored === 1 ? ' was' : 's were'} ignored: the first two are P and Q.)` : '';
  return answer(`${capitalised(what)}:${skipped}\n${toAssistantText(outcome.evaluation)}`);
}

function describeTarget(target: Target): string {
  const one = (source: Target['sources'][number]) => `${source.describe().replace(/:(\d+)$/, ', line $1').replace(/:(\d+)–(\d+)$/, ', lines $1–$2')} (\`${excerpt(source.text())}\`)`;
  const [p, q] = target.sources;
  return q === undefined ? `the literal in ${one(p)}` : `P (${one(p)}) against Q (${one(q)})`;
}

/**
 * The arguments that override the user's settings. Any other argument, or a value the manifest
 * does not offer, is a message — never silently ignored.
 */
function readInput(input: unknown, own: readonly string[], takesLossOptions = false, takesShapes = false): Partial<EvaluateOptions> | string {
  if (typeof input !== 'object' || input === null) return 'the input must be an object.';
  const known = [...own, 'base', 'as', ...(takesShapes ? ['rows'] : []), 'loss', ...(takesLossOptions ? LOSS_OPTION_KEYS : [])];
  const unknown = Object.keys(input).find((key) => !known.includes(key));
  if (unknown !== undefined) return `unknown argument "${unknown}"; this tool takes ${known.map((key) => `"${key}"`).join(', ')}.`;
  const { base, as, loss, rows } = input as EvaluateInput;
  // The evaluate tool, like the CLI, also takes --as joint (a shape: the numbers are then read as "auto") and --rows.
  const modes = takesShapes ? [...INTERPRETATION_MODES, JOINT_READING] : INTERPRETATION_MODES;
  if (base !== undefined && (typeof base !== 'string' || !Object.hasOwn(BASE_UNITS, base))) return `"base" must be "e", "2" or "10", not ${JSON.stringify(base)}.`;
  if (as !== undefined && !oneOf(as, modes)) return `"as" must be one of ${modes.join(', ')}, not ${JSON.stringify(as)}.`;
  if (rows !== undefined && !oneOf(rows, ROWS_MODES)) return `"rows" must be one of ${ROWS_MODES.join(', ')}, not ${JSON.stringify(rows)}.`;
  if (loss !== undefined && !oneOf(loss, LOSS_CHOICES)) return `"loss" must be one of ${LOSS_CHOICES.join(', ')}, not ${JSON.stringify(loss)}.`;
  const lossOptions = takesLossOptions ? readLossOptions(input as Record<string, unknown>) : {};
  if (typeof lossOptions === 'string') return lossOptions;
  return {
    ...(Object.keys(lossOptions).length > 0 ? { lossOptions } : {}),
    ...(typeof base === 'string' ? { unit: BASE_UNITS[base] } : {}),
    ...(as === JOINT_READING ? { joint: true, as: 'auto' as const } : as !== undefined ? { as: as as EvaluateOptions['as'] } : {}),
    ...(rows !== undefined ? { rows: rows as RowsMode } : {}),
    ...(loss !== undefined ? { loss: loss as EvaluateOptions['loss'] } : {}),
  };
}

/** The loss options under the MCP tool's camelCase names (the CLI's --reduction, --weight, …). */
const LOSS_OPTION_KEYS = Object.keys(OPTION_FLAGS) as (keyof LossOptions)[];

/**
 * The loss options a call gave, each checked for its type here and for its value by the core (the
 * message names the option as the CLI flag). Absent options stay absent, so the core can say which
 * given option cannot apply to the literal's loss.
 */
function readLossOptions(input: Record<string, unknown>): LossOptions | string {
  const { reduction, weight, posWeight, ignoreIndex, labelSmoothing, convention } = input;
  const isNumbers = (value: unknown): value is number[] => Array.isArray(value) && value.every((w) => typeof w === 'number');
  if (reduction !== undefined && typeof reduction !== 'string') return '"reduction" must be a string: "mean", "sum" or "none".';
  if (convention !== undefined && typeof convention !== 'string') return '"convention" must be a string: "exact", "torch", "keras" or "sklearn".';
  if (weight !== undefined && !isNumbers(weight)) return '"weight" must be a list of numbers, one per class.';
  if (posWeight !== undefined && typeof posWeight !== 'number' && !isNumbers(posWeight)) return '"posWeight" must be a number, or a list of numbers (one per label column).';
  if (ignoreIndex !== undefined && typeof ignoreIndex !== 'number') return '"ignoreIndex" must be a whole number.';
  if (labelSmoothing !== undefined && typeof labelSmoothing !== 'number') return '"labelSmoothing" must be a number in [0, 1].';
  const options = Object.fromEntries(
    Object.entries({ reduction, weight, posWeight, ignoreIndex, labelSmoothing, convention }).filter(([, value]) => value !== undefined),
  ) as LossOptions;
  return lossOptionProblem(options) ?? options;
}

function oneOf(value: unknown, allowed: readonly string[]): boolean {
  return typeof value === 'string' && allowed.includes(value);
}

function answer(text: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}

/** The literal as the model may quote it back: whole when short, its start otherwise. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}… (${text.length.toLocaleString('en-US')} characters)` : flat;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
