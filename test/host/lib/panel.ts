// The visualizer as the host suites see it: what it last told its panel (the internal state command
// of src/extension/test-hooks.ts), and waiting until that satisfies a check. Each suite declares the
// part of the snapshot it reads.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestFiles } from './files';

export const EXTENSION_ID = 'entropy-lens.entropy-lens';
export const STATE = 'entropyLens.internal.visualizerState';
export const RESTORE = 'entropyLens.internal.visualizerRestore';
export const MESSAGE = 'entropyLens.internal.visualizerMessage';

/** What the visualizer last told its panel. */
export function panelSnapshot<T>(): Thenable<T> {
  return vscode.commands.executeCommand<T>(STATE);
}

/**
 * The first snapshot that satisfies `check`: the panel refreshes on its own schedule (a settling
 * selection, a debounced edit), so a suite waits on what it shows, never for a fixed time.
 */
export async function untilPanel<T>(what: string, check: (snapshot: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await panelSnapshot<T>();
  while (Date.now() < end) {
    if (check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await panelSnapshot<T>();
  }
  assert.fail(`timed out waiting until ${what}; last snapshot: ${JSON.stringify(last).slice(0, 800)}`);
}

/**
 * A visualizer suite's start: the extension active, no editor and no panel left from an earlier
 * suite (on a busy machine they may still be closing, and a panel disposed late would swallow this
 * suite's first update), and `text` open as a file of its own in the first column, active.
 */
export async function startVisualizerSuite(files: TestFiles, text: string, language: string): Promise<vscode.TextEditor> {
  await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await untilPanel<{ open: boolean }>('no panel is left from an earlier suite', (x) => !x.open, 30_000);
  return files.open(text, language, undefined, vscode.ViewColumn.One);
}
