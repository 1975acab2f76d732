import * as vscode from 'vscode';
import { COMMAND_IDS } from './command-ids';
import { VIEW_TYPE } from '../shared/protocol';
import type * as FeaturesModuleExports from './features';
import type { Features } from './features';
import { registerLanguageModelTools } from './language-model-tools';
import { registerStopTracker } from './live/stop-tracker';
import { registerCellStatus } from './notebook/register';
import { registerTestHooks, type TestApi } from './test-hooks';

/** Set by the development bundle's banner (esbuild.config.mjs), for the activation benchmark. */
declare const ENTROPY_LENS_LOAD_START: number | undefined;
/** Defined by the build: true where the features are a separate file (the Node host). */
declare const FEATURES_BUNDLE_SEPARATE: boolean;
/** Defined by the build: false in the production bundles, which leaves the test hooks out. */
declare const ENTROPY_LENS_TEST_HOOKS: boolean;

/** When the entry module finished evaluating: everything the bundle loads is loaded by then. */
const loadedAt = ENTROPY_LENS_TEST_HOOKS ? performance.now() : 0;

/**
 * Activation only registers: every command, the hover provider, the panel serializer and one
 * selection listener, each of which loads the features (the core, the commands, the visualizer host)
 * on first use. So start-up loads a few kilobytes, and the formula renderer (MathJax) loads later
 * still, on the first hover. Returns the test hooks' API to the host suites, and nothing otherwise.
 */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const activateStart = ENTROPY_LENS_TEST_HOOKS ? performance.now() : 0;
  let loaded: Features | undefined;
  const features = (): Features => (loaded ??= loadFeatures().createFeatures(context));

  for (const id of COMMAND_IDS) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => features().execute(id, args)));
  }
  // Every language, notebook cells included: a literal of numbers can stand anywhere.
  context.subscriptions.push(
    vscode.languages.registerHoverProvider('*', { provideHover: (document, position, token) => features().hover.provideHover(document, position, token) }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, { deserializeWebviewPanel: (panel, state: unknown) => features().restorePanel(panel, state) }),
  );
  // Follow counts a debug session's stops, and notebook cells show their outputs' figures: both
  // must be registered before the sessions and notebooks they apply to, and load the features late.
  context.subscriptions.push(registerStopTracker(() => loaded && ((sessionId) => loaded!.visualizer.debugStopped(sessionId))));
  context.subscriptions.push(...registerCellStatus(() => features().cellStatus));
  // Contributed language-model tools must be registered now; their work loads with the features.
  context.subscriptions.push(...registerLanguageModelTools(() => features().languageModelTools));
  // The status bar needs the features once something is selected; until then nothing loads.
  const hasSelection = (editor: vscode.TextEditor | undefined) => editor !== undefined && !editor.selection.isEmpty;
  if (hasSelection(vscode.window.activeTextEditor)) features();
  else {
    const waiting = vscode.window.onDidChangeTextEditorSelection((event) => {
      if (!hasSelection(event.textEditor)) return;
      waiting.dispose();
      features().statusBar.update();
    });
    context.subscriptions.push(waiting);
  }

  if (ENTROPY_LENS_TEST_HOOKS && context.extensionMode === vscode.ExtensionMode.Test) {
    const activationMs =
      typeof ENTROPY_LENS_LOAD_START === 'number' ? { load: loadedAt - ENTROPY_LENS_LOAD_START, activate: performance.now() - activateStart } : undefined;
    return registerTestHooks(context, features, activationMs);
  }
  return undefined;
}

type FeaturesModule = typeof FeaturesModuleExports;

/** dist/features.js in the Node host; bundled in for the web, which loads a single file. */
function loadFeatures(): FeaturesModule {
  return FEATURES_BUNDLE_SEPARATE
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./features.js') as FeaturesModule)
    : // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./features') as FeaturesModule);
}

export function deactivate(): void {}
