import * as vscode from 'vscode';
import { COMMAND_IDS } from './command-ids';
import { registerEditorLiteralKey } from './context-keys';
import { VIEW_TYPE } from '../shared/protocol';
import type * as FeaturesModuleExports from './features';
import type { Features } from './features';
import { registerLanguageModelTools } from './language-model-tools';
import { registerStopTracker } from './live/stop-tracker';
import { registerCellStatus } from './notebook/register';
import { registerTestHooks, type TestApi } from './test-hooks';
import { loadWebModule } from './web-module';

/** Set by the development bundle's banner (esbuild.config.mjs), for the activation benchmark. */
declare const ENTROPY_LENS_LOAD_START: number | undefined;
/**
 * Defined by the build: true in the web extension, which fetches dist/web/features.js on first use
 * (web-module.ts); false in the Node host, which requires dist/features.js.
 */
declare const FEATURES_FETCHED: boolean;
/** Defined by the build: false in the production bundles, which leaves the test hooks out. */
declare const ENTROPY_LENS_TEST_HOOKS: boolean;

/** When the entry module finished evaluating: everything the bundle loads is loaded by then. */
const loadedAt = ENTROPY_LENS_TEST_HOOKS ? performance.now() : 0;

/**
 * Activation only registers: every command, the hover provider, the panel serializer and one
 * selection listener, each of which loads the features (the core, the commands, the visualizer host)
 * on first use. So start-up loads a few kilobytes, in the Node host and in a web one alike, and the
 * formula renderer (MathJax) loads later still, on the first hover. Returns the test hooks' API to
 * the host suites, and nothing otherwise.
 */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const activateStart = ENTROPY_LENS_TEST_HOOKS ? performance.now() : 0;
  let loaded: Features | undefined;
  let loading: Promise<Features> | undefined;
  const features = (): Promise<Features> => (loading ??= loadFeatures().then((module) => (loaded ??= module.createFeatures(context))));

  for (const id of COMMAND_IDS) {
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => (await features()).execute(id, args)));
  }
  // Every language, notebook cells included: a literal of numbers can stand anywhere.
  context.subscriptions.push(
    vscode.languages.registerHoverProvider('*', { provideHover: async (document, position, token) => (await features()).hover.provideHover(document, position, token) }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, { deserializeWebviewPanel: async (panel, state: unknown) => (await features()).restorePanel(panel, state) }),
  );
  // Follow counts a debug session's stops, and notebook cells show their outputs' figures: both
  // must be registered before the sessions and notebooks they apply to, and load the features late.
  context.subscriptions.push(registerStopTracker(() => loaded && ((sessionId) => loaded!.visualizer.debugStopped(sessionId))));
  context.subscriptions.push(...registerCellStatus(async () => (await features()).cellStatus));
  // The editor title's visualizer button shows on files that hold a literal: a regular expression, no core.
  context.subscriptions.push(registerEditorLiteralKey());
  // Contributed language-model tools must be registered now; their work loads with the features.
  context.subscriptions.push(...registerLanguageModelTools(async () => (await features()).languageModelTools));
  // The status bar needs the features once something is selected; until then nothing loads.
  const hasSelection = (editor: vscode.TextEditor | undefined) => editor !== undefined && !editor.selection.isEmpty;
  if (hasSelection(vscode.window.activeTextEditor)) void features();
  else {
    const waiting = vscode.window.onDidChangeTextEditorSelection((event) => {
      if (!hasSelection(event.textEditor)) return;
      waiting.dispose();
      void features().then((ready) => ready.statusBar.update());
    });
    context.subscriptions.push(waiting);
  }

  if (ENTROPY_LENS_TEST_HOOKS && context.extensionMode === vscode.ExtensionMode.Test) {
    const activationMs =
      typeof ENTROPY_LENS_LOAD_START === 'number' ? { load: loadedAt - ENTROPY_LENS_LOAD_START, activate: performance.now() - activateStart } : undefined;
    // The host suites run in the Node host, where the features can be required there and then.
    return registerTestHooks(context, () => (loaded ??= requireFeatures().createFeatures(context)), activationMs);
  }
  return undefined;
}

type FeaturesModule = typeof FeaturesModuleExports;

/** dist/features.js, required, in the Node host; dist/web/features.js, fetched, in a web host. */
async function loadFeatures(): Promise<FeaturesModule> {
  return FEATURES_FETCHED ? loadWebModule<FeaturesModule>('dist', 'web', 'features.js') : requireFeatures();
}

/** The Node host's synchronous way; a constant condition, so the web build drops the require. */
function requireFeatures(): FeaturesModule {
  return FEATURES_FETCHED
    ? unavailable()
    : // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./features.js') as FeaturesModule);
}

function unavailable(): never {
  throw new Error('a web extension host cannot require the features');
}

export function deactivate(): void {}
