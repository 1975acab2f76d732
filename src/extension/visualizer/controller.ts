import * as vscode from 'vscode';
import type { EvaluateOptions } from '../../core/evaluate';
import type { LiveView } from '../../shared/live';
import { panelStateFrom, VIEW_TYPE, type Content, type FromWebview, type PanelChoices, type PanelState, type SettingsView, type StatusLine, type ViewName } from '../../shared/protocol';
import type { VisualizerHandle } from '../commands/command';
import { Disposable, toDisposable } from '../dispose';
import { erroredLiteral } from '../error-report';
import { log } from '../log';
import type { SelectionWatcher } from '../selection-watcher';
import { readSettings, SECTION, type Settings } from '../settings';
import type { TargetService } from '../targets/service';
import { DocumentSource } from '../targets/document-source';
import { SourceUnavailable, uriOfRef, type SourceRef, type TargetSource } from '../targets/source';
import { targetOf, type Outcome, type Target } from '../targets/target';
import { contentOf, emptySelection, liveEnded, nothingSelected, unavailable } from './content';
import { Following } from './following';
import { latexAt, markdownAt } from './view-model-copy';
import { writeLiteral } from './view-model-literal';
import { LiveFollow } from './live-follow';
import { LiteralTracking, staleCopy } from './literal-tracking';
import { PanelHost } from './panel';
import { panelState, refOfState } from './panel-state';
import { writeSetting } from './write-setting';

/** What the panel was last told, for the test hooks. */
export interface VisualizerSnapshot {
  readonly open: boolean;
  readonly visible: boolean;
  readonly state: PanelState;
  readonly content?: Content;
  readonly posted: number;
  readonly notice?: string;
  readonly viewColumn?: number;
  /** The live section last sent, for a value read in a paused debug session. */
  readonly live?: LiveView;
  /** The quiet line above the content: an earlier result kept, or a selection not followed. */
  readonly status?: StatusLine;
}

/** What the panel shows: the content, with the source and outcome behind it (for copy and reveal). */
interface Shown {
  readonly content: Content;
  /** The settings with the panel's choices over them: what the panel shows. */
  readonly settings: Settings;
  /** The settings' own values (what "Make default" compares the choices with). */
  readonly defaults: Settings;
  readonly source?: TargetSource;
  readonly outcome?: Outcome;
  readonly status?: StatusLine;
}

/** How long after an edit or a settings change the panel evaluates again. */
const REFRESH_DELAY_MS = 120;

/**
 * The visualizer: one panel beside the editor showing a literal as figures, formulas and charts. It
 * follows the selection unless locked, evaluates again when the settings or the source document
 * change, and comes back after a window reload through its serializer. Every refresh is numbered;
 * one that finishes after a later one began is dropped, so the latest selection always wins.
 */
export class VisualizerController extends Disposable implements VisualizerHandle {
  #host: PanelHost | undefined;
  /** The source shown: it follows the edits of its document (literal-tracking.ts). */
  readonly #tracking = new LiteralTracking();
  get #ref(): SourceRef | undefined {
    return this.#tracking.ref;
  }
  set #ref(ref: SourceRef | undefined) {
    this.#tracking.ref = ref;
  }
  #locked = false;
  #view: ViewName = 'figures';
  /** The toolbar's unit, reading and loss, over the settings for this panel only (saved with it). */
  #choices: PanelChoices = {};
  #shown: Shown | undefined;
  #generation = 0;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #following: Following;
  readonly #live: LiveFollow;
  #lastLive: LiveView | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly targets: TargetService,
    selections: SelectionWatcher,
  ) {
    super();
    this.#following = this.register(
      new Following(selections, targets, {
        // Following a live value through its stops, the panel does not also follow the selection.
        isFollowing: () => this.#host !== undefined && !this.#locked && !this.#live.following,
        current: () => this.#ref,
        follow: (ref) => {
          this.#ref = ref;
          void this.refresh();
        },
        // The selection holds no literal, or is back on the one shown: the panel stays, and says so (or stops saying it).
        missed: () => {
          if (this.#tracking.hint(true)) void this.refresh();
        },
        kept: () => {
          if (this.#tracking.hint(false)) void this.refresh();
        },
      }),
    );
    this.#live = this.register(
      new LiveFollow(targets, {
        show: (ref) => {
          this.#ref = ref;
          void this.refresh();
        },
        changed: () => void this.refresh(),
        reading: () => this.#view,
        options: (target) => this.#options(target),
      }),
    );
    this.register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.#ref?.kind !== 'document' || event.document.uri.toString() !== this.#ref.uri.toString()) return;
        if (this.#tracking.edited(event, this.#locked)) return this.#scheduleRefresh();
        // The literal was deleted: a lock on it ends, and the panel shows its last figures at once.
        this.#locked = false;
        clearTimeout(this.#refreshTimer);
        void this.refresh();
      }),
    );
    this.register(
      vscode.workspace.onDidChangeNotebookDocument((event) => {
        if (this.#ref?.kind === 'notebook-output' && event.notebook.uri.toString() === this.#ref.uri.toString()) this.#scheduleRefresh();
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        // A setting changed since (Set Unit, settings.json, Make default) is the newer word: the panel's own choice of it lapses.
        this.#choices = withoutChanged(this.#choices, (key) => event.affectsConfiguration(`${SECTION}.${key}`));
        if (event.affectsConfiguration(SECTION)) this.#scheduleRefresh();
      }),
    );
    this.register(toDisposable(() => clearTimeout(this.#refreshTimer)));
    this.register(toDisposable(() => this.#host?.dispose()));
  }

  /**
   * Opens the panel beside the editor (or reveals it), without taking focus, on `ref` or else on the
   * active editor's selection, or the literal around its cursor when the selection is empty.
   */
  show(ref?: SourceRef, view?: ViewName): void {
    // Opening is a fresh look: the loss view only when asked for (Preview Loss), figures otherwise.
    this.#view = view ?? 'figures';
    const editor = vscode.window.activeTextEditor;
    this.#ref = ref ?? (editor && (erroredLiteral(editor) ?? this.targets.editorTarget(editor)?.sources[0])?.ref) ?? this.#ref;
    // The command answered the selection as it is now. That selection settles up to SETTLE_MS later,
    // and following it then would replace the answer (a live value, say) with its text read alone.
    if (editor) this.#following.expect(editor.document.uri, editor.selection);
    if (this.#host) {
      this.#host.panel.reveal(this.#host.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
    } else {
      // A new panel is a new look: it follows the selection, whatever a closed panel was locked to.
      this.#locked = false;
      this.#choices = {};
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Entropy Lens', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')],
      });
      this.#attach(panel);
    }
    void this.refresh();
  }

  /** The serializer's path: a panel VS Code kept across a reload, with the state the webview saved. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.#host?.dispose();
    const saved = panelStateFrom(state);
    this.#ref = saved && refOfState(saved);
    this.#locked = saved?.locked ?? false;
    this.#view = saved?.view ?? 'figures';
    this.#choices = saved?.choices ?? {};
    this.#live.restore(saved?.live);
    this.#attach(panel);
    await this.refresh();
  }

  snapshot(): VisualizerSnapshot {
    const host = this.#host;
    return {
      open: host !== undefined,
      visible: host?.panel.visible ?? false,
      state: this.#state(),
      ...(this.#shown ? { content: this.#shown.content } : {}),
      posted: host?.posted ?? 0,
      ...(host?.lastNotice !== undefined ? { notice: host.lastNotice } : {}),
      ...(host?.panel.viewColumn !== undefined ? { viewColumn: host.panel.viewColumn } : {}),
      ...(this.#lastLive ? { live: this.#lastLive } : {}),
      ...(this.#shown?.status ? { status: this.#shown.status } : {}),
    };
  }

  /** Evaluates the source with the current settings and sends the panel everything it shows. */
  async refresh(): Promise<void> {
    const host = this.#host;
    if (!host) return;
    const generation = ++this.#generation;
    this.#updateTitle();
    const computed = await this.#compute();
    // A later refresh began while this one waited for its source: the later one is what to show.
    if (generation !== this.#generation || host !== this.#host || !computed) return;
    const shown = this.#tracking.present(computed, this.#view);
    this.#shown = shown;
    const live = this.#live.view(shown.source);
    this.#lastLive = live;
    host.post({ type: 'update', content: shown.content, settings: settingsView(shown.settings, shown.defaults), state: this.#state(), ...(live ? { live } : {}), ...(shown.status ? { status: shown.status } : {}), literal: this.#tracking.literal });
  }

  /** A message from the webview; failures become a notice in the panel, never a rejection. */
  async handle(message: FromWebview): Promise<void> {
    try {
      await this.#dispatch(message);
    } catch (error) {
      if (error instanceof SourceUnavailable) {
        this.#notify(error.message);
        return;
      }
      log().error(`visualizer: the ${message.type} message failed`, error);
      this.#notify(vscode.l10n.t('That did not work; the "Entropy Lens" output says why.'));
    }
  }

  async #dispatch(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.refresh();
      case 'setUnit':
        return this.#choose({ unit: message.unit });
      case 'setInterpretation':
        return this.#choose({ interpretation: message.interpretation });
      case 'setLoss':
        return this.#choose({ loss: message.loss });
      case 'makeDefault':
        return this.#makeDefault();
      case 'setView':
        this.#view = message.view;
        return this.refresh();
      case 'setLocked':
        this.#locked = message.locked;
        return this.refresh();
      case 'copyMarkdown':
        return this.#copy((evaluation, precision) => markdownAt(evaluation, message.playground, precision), vscode.l10n.t('Copied the figures as Markdown'));
      case 'copyLatex':
        return this.#copy((evaluation, precision) => latexAt(evaluation, message.id, message.playground, precision), message.id ? vscode.l10n.t('Copied the formula as LaTeX') : vscode.l10n.t('Copied the formulas as LaTeX'));
      case 'copyLiteral':
      case 'applyLiteral': {
        const shown = this.#shown;
        const literal = shown?.source && shown.outcome?.kind === 'evaluated' ? { source: shown.source, evaluation: shown.outcome.evaluation } : undefined;
        const written = await writeLiteral(message.type === 'copyLiteral' ? 'copy' : 'apply', literal, message.playground, (ref) => this.targets.resolve(ref));
        if (written.applied) this.#host?.post({ type: 'applied' });
        return this.#notify(written.text);
      }
      case 'reveal':
        return this.#reveal();
      case 'setFollowing':
        this.#live.setFollowing(message.following, this.#shown?.source);
        return this.refresh();
    }
  }

  #attach(panel: vscode.WebviewPanel): void {
    const host = new PanelHost(panel, this.extensionUri, (message) => this.handle(message), () => {
      if (this.#host !== host) return;
      this.#host = undefined;
      this.#shown = undefined;
    });
    this.#host = host;
    this.#updateTitle();
  }

  /** Never rejects: a failure to read the source is content; anything else is logged and dropped. */
  async #compute(): Promise<Shown | undefined> {
    const ref = this.#ref;
    if (!ref) return { content: this.#live.view(undefined) ? liveEnded() : nothingSelected(), ...this.#settings(readSettings(undefined)) };
    try {
      const source = await this.targets.resolve(ref);
      const chosen = this.#settings(this.targets.settingsFor(source));
      if (source.text().trim() === '') return { content: emptySelection(), ...chosen, source };
      const target = targetOf(source, this.#view);
      const outcome = this.targets.evaluate(target, this.#options(target));
      return { content: contentOf(outcome, chosen.settings, this.#view), ...chosen, source, outcome };
    } catch (error) {
      if (error instanceof SourceUnavailable) return { content: unavailable(error.message), ...this.#settings(readSettings(uriOfRef(ref))) };
      log().error('visualizer: could not show the literal', error);
      return undefined;
    }
  }

  #scheduleRefresh(): void {
    if (!this.#host) return;
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** The settings with the panel's choices over them, and the settings as they are. */
  #settings(defaults: Settings): { settings: Settings; defaults: Settings } {
    return { settings: { ...defaults, ...this.#choices }, defaults };
  }

  /** What the panel reads a target with: its document's settings, the panel's choices over them. */
  #options(target: Target): EvaluateOptions {
    const { unit, interpretation, loss } = this.#choices;
    return this.targets.optionsFor(target, { ...(unit ? { unit } : {}), ...(interpretation ? { as: interpretation } : {}), ...(loss ? { loss } : {}) });
  }

  /** A toolbar choice: this panel's alone, saved with it; the settings are not touched. */
  async #choose(choice: PanelChoices): Promise<void> {
    this.#choices = { ...this.#choices, ...choice };
    await this.refresh();
  }

  /** "Make default": each choice that differs from its setting is written there, and the notice says what and where. */
  async #makeDefault(): Promise<void> {
    const scope = this.#shown?.source?.scope ?? (this.#ref && uriOfRef(this.#ref));
    const choices = this.#choices;
    const written: string[] = [];
    for (const key of ['unit', 'interpretation', 'loss'] as const) {
      const value = choices[key];
      if (value === undefined) continue;
      const where = await writeSetting(key, value, scope);
      if (where) written.push(`${SECTION}.${key} = ${value} (${where})`);
    }
    this.#choices = {};
    // A write raises a configuration event, which refreshes; with nothing written, the panel is refreshed here.
    if (written.length === 0) await this.refresh();
    this.#notify(written.length > 0 ? vscode.l10n.t('Made the default: {0}', written.join(', ')) : vscode.l10n.t('These are already the defaults; nothing was written.'));
  }

  async #copy(text: (evaluation: Extract<Outcome, { kind: 'evaluated' }>['evaluation'], precision: number) => string | undefined, done: string): Promise<void> {
    const shown = this.#shown;
    // Figures kept while their literal cannot be read are not of the text as it is: nothing to copy.
    if (shown?.outcome?.kind !== 'evaluated') return shown?.status?.kind === 'stale' ? this.#notify(staleCopy()) : undefined;
    const value = text(shown.outcome.evaluation, shown.settings.precision);
    if (value === undefined) return;
    await vscode.env.clipboard.writeText(value);
    this.#notify(done);
  }

  /**
   * Shows the literal in its editor, with the offending element selected when the panel shows an
   * error. The document is found again first: it may have been closed, deleted or renamed since.
   */
  async #reveal(): Promise<void> {
    const ref = this.#ref;
    if (!ref) return;
    const source = await this.targets.resolve(ref);
    const outcome = this.#shown?.outcome;
    // The error's element, if the error is about the text as it is now (no edit since).
    const span = outcome?.kind === 'error' && outcome.error.source.key === source.key ? outcome.error.literalError.range : undefined;
    if (source instanceof DocumentSource) this.#following.expect(source.document.uri, span ? source.rangeOf(span) : source.range);
    await source.reveal(span);
  }

  #notify(text: string): void {
    this.#host?.post({ type: 'notice', text });
  }

  #state(): PanelState {
    return panelState(this.#ref, this.#locked, this.#view, this.#live.saved(this.#shown?.source), this.#choices);
  }

  #updateTitle(): void {
    if (!this.#host) return;
    const ref = this.#ref;
    this.#host.panel.title = ref ? `Entropy Lens: ${titleOf(ref)}` : 'Entropy Lens';
  }

  /** A stop of a debug session (the adapter tracker of extension.ts): Follow reads its values again. */
  debugStopped(sessionId: string): void {
    this.#live.stopped(sessionId);
  }
}

/** The panel's title: the file's name, the live expression, or the notebook's name. */
function titleOf(ref: SourceRef): string {
  return ref.kind === 'debug' ? vscode.l10n.t('{0} (live)', ref.source.expression) : baseName(ref.uri);
}

/** The settings the page shows as toggles, with the settings' own values where the panel's choices differ. */
function settingsView(settings: Settings, defaults: Settings): SettingsView {
  const differ = (['unit', 'interpretation', 'loss'] as const).filter((key) => settings[key] !== defaults[key]);
  const saved: PanelChoices = Object.fromEntries(differ.map((key) => [key, defaults[key]]));
  return { unit: settings.unit, interpretation: settings.interpretation, loss: settings.loss, precision: settings.precision, ...(differ.length > 0 ? { defaults: saved } : {}) };
}

/** The choices without those whose setting `changed`. */
function withoutChanged(choices: PanelChoices, changed: (key: keyof PanelChoices) => boolean): PanelChoices {
  return Object.fromEntries(Object.entries(choices).filter(([key]) => !changed(key as keyof PanelChoices)));
}

function baseName(uri: vscode.Uri): string {
  const path = uri.path;
  return path.slice(path.lastIndexOf('/') + 1) || uri.toString();
}
