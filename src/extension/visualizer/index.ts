import * as vscode from 'vscode';
import { isLiteralError, type LiteralError } from '../../core/errors';
import { evaluateShaped, type EvaluateOptions, type Evaluation } from '../../core/evaluate';
import { toMarkdown } from '../../core/format';
import { selectLoss } from '../../core/loss-select';
import { readLiteral } from '../../core/reader';
import { shapeOf } from '../../core/shape';
import { derivationOf, formulasOf, toLatex } from '../../core/tex';
import { isPanelState, VIEW_TYPE, type Content, type FromWebview, type PanelState, type SettingsView, type ToWebview, type ViewName } from '../../shared/protocol';
import { buildViewModel } from './view-model';
import { PanelHost } from './panel';
import { COMMANDS, INTERNAL_COMMANDS, type RegisterCommand } from '../command-ids';
import { readSettings, SECTION, type Settings } from '../settings';
import { CURSOR_SCAN_LIMIT, literalAround } from '../target';

/**
 * The visualizer: one panel beside the editor showing the selected literal as figures, formulas and
 * charts. It follows the active editor's selection unless locked, re-evaluates when the settings or
 * the source document change, and comes back after a window reload through its serializer.
 */

export interface VisualizerTarget {
  readonly document: vscode.TextDocument;
  readonly range: vscode.Range;
}

export interface Visualizer {
  /**
   * Opens the panel beside the editor (or reveals it), without taking focus, on `target` or else on
   * the active editor's selection, or the literal around its cursor when the selection is empty.
   */
  show(target?: VisualizerTarget, view?: ViewName): void;
  dispose(): void;
}

export interface VisualizerSnapshot {
  readonly open: boolean;
  readonly visible: boolean;
  readonly state: PanelState;
  readonly content?: Content;
  readonly posted: number;
  readonly viewColumn?: number;
}

const FOLLOW_DELAY_MS = 120;

/**
 * Creates the visualizer and registers its commands through `register`. The serializer is the
 * caller's to register (at activation, before this module loads), and it calls `restore`.
 */
export function registerVisualizer(context: vscode.ExtensionContext, register: RegisterCommand): Visualizer & { restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> } {
  const controller = new VisualizerController(context.extensionUri);
  context.subscriptions.push(controller);
  register(COMMANDS.openVisualizer, async (arg?: unknown) => {
    const target = await targetFromArgument(arg);
    controller.show(target);
  });
  register(INTERNAL_COMMANDS.visualizerState, () => controller.snapshot());
  register(INTERNAL_COMMANDS.visualizerRestore, async (state: unknown) => {
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Entropy Lens', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    await controller.restore(panel, state);
  });
  return controller;
}

/** The hover's command link passes `{ uri, range: [line, character, line, character] }`. */
async function targetFromArgument(arg: unknown): Promise<VisualizerTarget | undefined> {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { uri, range } = arg as { uri?: unknown; range?: unknown };
  if (typeof uri !== 'string' || !Array.isArray(range) || range.length !== 4 || !range.every((n) => Number.isInteger(n) && n >= 0)) return undefined;
  try {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
    const [a, b, c, d] = range as number[];
    return { document, range: document.validateRange(new vscode.Range(a!, b!, c!, d!)) };
  } catch {
    return undefined;
  }
}

class VisualizerController implements Visualizer, vscode.Disposable {
  private host: PanelHost | undefined;
  private source: { uri: vscode.Uri; range: vscode.Range } | undefined;
  private locked = false;
  private view: ViewName = 'figures';
  private evaluation: Evaluation | undefined;
  private content: Content | undefined;
  /** The document range of the current error, for "reveal". */
  private errorRange: vscode.Range | undefined;
  /** A selection we made ourselves (reveal): following must not replace the panel with it. */
  private ownSelection: { uri: string; range: vscode.Range } | undefined;
  private followTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri) {
    this.subscriptions.push(
      vscode.window.onDidChangeTextEditorSelection((event) => this.scheduleFollow(event.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.scheduleFollow(editor)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.host && this.source && event.document.uri.toString() === this.source.uri.toString()) this.scheduleRefresh();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (this.host && event.affectsConfiguration(SECTION)) this.scheduleRefresh();
      }),
    );
  }

  show(target?: VisualizerTarget, view?: ViewName): void {
    // Opening is a fresh look: the loss view only when asked for (Preview Loss), figures otherwise.
    this.view = view ?? 'figures';
    if (target) {
      this.source = { uri: target.document.uri, range: target.range };
    } else {
      const editor = vscode.window.activeTextEditor;
      if (editor) this.pick(editor);
    }
    if (this.host) {
      this.host.panel.reveal(this.host.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
    } else {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Entropy Lens', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')],
      });
      this.attach(panel);
    }
    void this.refresh();
  }

  /** The serializer's path: a panel VS Code kept across a reload, with the state the webview saved. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.host?.dispose();
    this.source = undefined;
    this.locked = false;
    this.view = 'figures';
    if (isPanelState(state)) {
      this.locked = state.locked;
      this.view = state.view;
      if (state.source) {
        const { uri, start, end } = state.source;
        try {
          this.source = { uri: vscode.Uri.parse(uri, true), range: new vscode.Range(start.line, start.character, end.line, end.character) };
        } catch {
          this.source = undefined;
        }
      }
    }
    this.attach(panel);
    await this.refresh();
  }

  snapshot(): VisualizerSnapshot {
    return {
      open: this.host !== undefined,
      visible: this.host?.panel.visible ?? false,
      state: this.state(),
      ...(this.content ? { content: this.content } : {}),
      posted: this.host?.posted ?? 0,
      ...(this.host?.panel.viewColumn !== undefined ? { viewColumn: this.host.panel.viewColumn } : {}),
    };
  }

  dispose(): void {
    clearTimeout(this.followTimer);
    clearTimeout(this.refreshTimer);
    this.host?.dispose();
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }

  private attach(panel: vscode.WebviewPanel): void {
    const host = new PanelHost(panel, this.extensionUri, (message) => void this.onMessage(message), () => {
      if (this.host === host) {
        this.host = undefined;
        this.content = undefined;
        this.evaluation = undefined;
      }
    });
    this.host = host;
    this.updateTitle();
  }

  private state(): PanelState {
    const s = this.source;
    return {
      version: 1,
      ...(s
        ? { source: { uri: s.uri.toString(), start: { line: s.range.start.line, character: s.range.start.character }, end: { line: s.range.end.line, character: s.range.end.character } } }
        : {}),
      locked: this.locked,
      view: this.view,
    };
  }

  private updateTitle(): void {
    if (!this.host) return;
    this.host.panel.title = this.source ? `Entropy Lens: ${baseName(this.source.uri)}` : 'Entropy Lens';
  }

  /** Makes the editor's selection (or the literal around its cursor) the source; false if nothing is there. */
  private pick(editor: vscode.TextEditor): boolean {
    const selection = editor.selection;
    if (!selection.isEmpty) {
      this.source = { uri: editor.document.uri, range: selection };
      return true;
    }
    const around = literalAround(editor.document, selection.active, CURSOR_SCAN_LIMIT);
    if (!around) return false;
    this.source = { uri: editor.document.uri, range: around.range };
    return true;
  }

  private scheduleFollow(editor: vscode.TextEditor): void {
    if (!this.host || this.locked) return;
    const scheme = editor.document.uri.scheme;
    if (scheme === 'output' || scheme === 'debug') return;
    clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => {
      if (!this.host || this.locked) return;
      const own = this.ownSelection;
      if (own && own.uri === editor.document.uri.toString() && own.range.isEqual(editor.selection)) return;
      this.ownSelection = undefined;
      const before = this.source;
      if (this.pick(editor) && !(before && before.uri.toString() === this.source?.uri.toString() && before.range.isEqual(this.source.range))) {
        void this.refresh();
      }
    }, FOLLOW_DELAY_MS);
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), FOLLOW_DELAY_MS);
  }

  /** Evaluates the source with the current settings and sends the panel everything it shows. */
  private async refresh(): Promise<void> {
    const host = this.host;
    if (!host) return;
    this.updateTitle();
    const settings = readSettings(this.source?.uri);
    this.content = await this.compute();
    if (host !== this.host) return;
    const message: ToWebview = { type: 'update', content: this.content, settings: settingsView(settings), state: this.state() };
    host.post(message);
  }

  private async compute(): Promise<Content> {
    this.evaluation = undefined;
    this.errorRange = undefined;
    const source = this.source;
    if (!source) {
      return { kind: 'empty', message: 'Select a literal of numbers — [0.2, 0.8], [[P], [Q]], or {"y": […], "p": […]} — or put the cursor inside one. The panel follows the selection.' };
    }
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(source.uri);
    } catch {
      return { kind: 'empty', message: `${baseName(source.uri)} can no longer be opened. Select a literal in an editor to show it here.` };
    }
    const range = document.validateRange(source.range);
    const text = document.getText(range);
    if (text.trim() === '') return { kind: 'empty', message: 'The selection is empty. Select a literal of numbers, or put the cursor inside one.' };
    const settings = readSettings(document.uri);
    const options: EvaluateOptions = { unit: settings.unit, as: settings.interpretation, loss: settings.loss };
    try {
      const evaluation = evaluateIn(text, options, this.view);
      this.evaluation = evaluation;
      const model = buildViewModel(evaluation, {
        source: { fileName: baseName(document.uri), line: range.start.line + 1, endLine: range.end.line + 1 },
        precision: settings.precision,
        view: this.view,
      });
      return { kind: 'model', model };
    } catch (error) {
      if (!isLiteralError(error)) throw error;
      const base = document.offsetAt(range.start);
      const at = document.positionAt(base + (error as LiteralError).range.start);
      this.errorRange = new vscode.Range(at, document.positionAt(base + error.range.end));
      return { kind: 'error', error: { message: error.message, code: error.code, fileName: baseName(document.uri), line: at.line + 1, column: at.character + 1 } };
    }
  }

  private async onMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.refresh();
      case 'setUnit':
        return this.writeSetting('unit', message.unit);
      case 'setInterpretation':
        return this.writeSetting('interpretation', message.interpretation);
      case 'setLoss':
        return this.writeSetting('loss', message.loss);
      case 'setView':
        this.view = message.view;
        return this.refresh();
      case 'setLocked':
        this.locked = message.locked;
        return this.refresh();
      case 'copyMarkdown':
        return this.copy(() => this.evaluation && toMarkdown(this.evaluation, readSettings(this.source?.uri).precision), 'Copied the figures as Markdown');
      case 'copyLatex':
        return this.copy(() => this.latex(message.id), message.id ? 'Copied the formula as LaTeX' : 'Copied the formulas as LaTeX');
      case 'reveal':
        return this.reveal();
    }
  }

  /** Formulas are looked up by id in our own evaluation: the webview never sends text to copy. */
  private latex(id: string | undefined): string | undefined {
    const evaluation = this.evaluation;
    if (!evaluation) return undefined;
    const precision = readSettings(this.source?.uri).precision;
    if (id === undefined) return toLatex(evaluation, precision);
    const formula = formulasOf(evaluation, precision).find((f) => f.id === id);
    if (formula) return formula.substituted;
    if (evaluation.kind === 'loss') {
      const step = /^step-(\d+)$/.exec(id);
      if (step) return derivationOf(evaluation, precision)[Number(step[1])]?.tex;
    }
    return undefined;
  }

  private async copy(text: () => string | undefined, done: string): Promise<void> {
    const value = text();
    if (value === undefined) return;
    await vscode.env.clipboard.writeText(value);
    this.host?.post({ type: 'notice', text: done });
  }

  /**
   * Writes a toggle to the settings, where the user's effective value comes from (folder, workspace
   * or user), so the hover and the status bar agree with the panel. The configuration event refreshes.
   */
  private async writeSetting(key: 'unit' | 'interpretation' | 'loss', value: string): Promise<void> {
    const config = vscode.workspace.getConfiguration(SECTION, this.source?.uri);
    const inspected = config.inspect(key);
    const target =
      inspected?.workspaceFolderValue !== undefined
        ? vscode.ConfigurationTarget.WorkspaceFolder
        : inspected?.workspaceValue !== undefined
          ? vscode.ConfigurationTarget.Workspace
          : vscode.ConfigurationTarget.Global;
    if (config.get(key) === value) return this.refresh();
    await config.update(key, value, target);
    if (this.host) this.scheduleRefresh();
  }

  private async reveal(): Promise<void> {
    const source = this.source;
    if (!source) return;
    const range = this.errorRange ?? source.range;
    const document = await vscode.workspace.openTextDocument(source.uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === source.uri.toString());
    this.ownSelection = { uri: source.uri.toString(), range };
    await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection: range,
      preserveFocus: false,
    });
  }
}

/** Evaluates `text`; in the loss view a P/Q pair is read as targets and predictions. */
function evaluateIn(text: string, options: EvaluateOptions, view: ViewName): Evaluation {
  const shaped = shapeOf(readLiteral(text));
  if (view === 'loss' && shaped.kind === 'pair') return selectLoss(shaped, options);
  return evaluateShaped(shaped, options);
}

/** The settings the page shows as toggles. */
function settingsView(settings: Settings): SettingsView {
  return { unit: settings.unit, interpretation: settings.interpretation, loss: settings.loss, precision: settings.precision };
}

function baseName(uri: vscode.Uri): string {
  const path = uri.path;
  return path.slice(path.lastIndexOf('/') + 1) || uri.toString();
}
