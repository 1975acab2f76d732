import * as vscode from 'vscode';
import { log } from './log';

/**
 * The language-model tools (package.json `contributes.languageModelTools`), registered at activation
 * as VS Code requires. Registering loads nothing: the work behind them
 * (language-model-tools-invoke.ts, with the core) lives in the features, loaded on the first call.
 */

export const LANGUAGE_MODEL_TOOLS = {
  evaluate: 'entropy-lens_evaluate',
  evaluateSelection: 'entropy-lens_evaluateSelection',
} as const;

/** The tools' inputs as the manifest declares them; the handlers check them again, strictly. */
export interface ReadingInput {
  readonly base?: unknown;
  readonly as?: unknown;
  readonly loss?: unknown;
}
export interface EvaluateInput extends ReadingInput {
  readonly literal?: unknown;
  readonly rows?: unknown;
}

/** What the features provide: each tool's answer, as text a model reads. */
export interface LanguageModelToolHandlers {
  evaluate(input: EvaluateInput): vscode.LanguageModelToolResult;
  evaluateSelection(input: ReadingInput): vscode.LanguageModelToolResult;
}

/**
 * Registers both tools. An editor built on VS Code without its chat may lack the API or refuse the
 * tools; the rest of the extension must still activate, so that is logged, not thrown.
 */
export function registerLanguageModelTools(handlers: () => Promise<LanguageModelToolHandlers>): vscode.Disposable[] {
  const registered: vscode.Disposable[] = [];
  try {
    registered.push(
      vscode.lm.registerTool<EvaluateInput>(LANGUAGE_MODEL_TOOLS.evaluate, {
        prepareInvocation: ({ input }) => ({ invocationMessage: `Entropy Lens: evaluating ${quoted(input.literal)}${inUnit(input.base)}` }),
        invoke: async ({ input }) => (await handlers()).evaluate(input),
      }),
    );
    registered.push(
      vscode.lm.registerTool<ReadingInput>(LANGUAGE_MODEL_TOOLS.evaluateSelection, {
        prepareInvocation: ({ input }) => ({ invocationMessage: `Entropy Lens: evaluating ${selectionName()}${inUnit(input.base)}` }),
        invoke: async ({ input }) => (await handlers()).evaluateSelection(input),
      }),
    );
  } catch (error) {
    log().warn(`The language-model tools are not available in this editor: ${error instanceof Error ? error.message : String(error)}`);
  }
  return registered;
}

/** A literal in a progress message: one line, and short. */
function quoted(literal: unknown): string {
  if (typeof literal !== 'string') return 'the literal';
  const line = literal.replace(/\s+/g, ' ').trim();
  return `\`${line.length > 60 ? `${line.slice(0, 57)}…` : line}\``;
}

function inUnit(base: unknown): string {
  const units: Record<string, string> = { e: 'nats', '2': 'bits', '10': 'hartleys' };
  return typeof base === 'string' && Object.hasOwn(units, base) ? ` in ${units[base]}` : '';
}

function selectionName(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return 'the selection (no editor is active)';
  const file = editor.document.uri.path.split('/').pop() || editor.document.uri.toString();
  const line = editor.selection.start.line + 1;
  return editor.selection.isEmpty ? `the literal at the cursor in ${file}, line ${line}` : `the selection in ${file}, line ${line}`;
}
