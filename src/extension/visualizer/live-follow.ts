import * as vscode from 'vscode';
import type { EvaluateOptions, Evaluation } from '../../core/evaluate';
import { figuresOf, formatNumber, type Figure } from '../../core/figures';
import { HISTORY_LIMIT, type LiveHistory, type LivePoint, type LiveView, type SavedLive } from '../../shared/live';
import { toWire } from '../../shared/wire';
import { Disposable, toDisposable } from '../dispose';
import { log } from '../log';
import { LiveCancelled, LiveValueError } from '../live/errors';
import { pausedFrame, placeOf } from '../live/paused-frame';
import { readSettings } from '../settings';
import { combined, DebugSource, type DebugRef } from '../targets/debug-source';
import { captureAll } from '../targets/live-targets';
import type { TargetService } from '../targets/service';
import type { TargetSource } from '../targets/source';
import { targetOf, type Reading, type Target } from '../targets/target';

/** What Follow needs from the panel. */
export interface FollowedPanel {
  /** Shows a value read at a new stop. */
  show(ref: DebugRef): void;
  /** The live section changed (a point added, Follow stopped): send it again. */
  changed(): void;
  /** The reading the panel shows values with (its view: figures, or the loss). */
  reading(): Reading;
  /** The options the panel evaluates with (its own unit, reading and loss over the settings), so the history matches the panel. */
  options(target: Target): EvaluateOptions;
}

/** What is followed: the expressions the panel's value was read from, in its session. */
interface Pin {
  readonly session: vscode.DebugSession;
  readonly expressions: readonly string[];
  readonly parts: DebugSource['parts'];
}

/**
 * How long after a stop the value is read if no frame takes focus (VS Code focuses the top frame of
 * a stopped thread: that is what normally starts the read).
 */
const FOCUS_WAIT_MS = 1500;

/**
 * Follow: while on, the panel's live expression (or two) is read again at every stop of its debug
 * session, shown, and its headline figure appended to a history (H, D_KL(P‖Q), the loss against the
 * stop number). A stop is a DAP `stopped` event, seen by the tracker extension.ts registers:
 * `onDidChangeActiveStackItem` alone cannot tell a step from a click on another frame, and debugpy
 * keeps a frame's id across steps. Follow ends with the session; the history stays, and is saved
 * with the panel's state.
 */
export class LiveFollow extends Disposable {
  #pin: Pin | undefined;
  #history: LiveHistory | undefined;
  #stops = 0;
  #pending = false;
  #reading: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #ended = new Set<string>();
  /** A panel restored after a reload: the value's title and history, its session gone. */
  #restored: SavedLive | undefined;

  constructor(
    private readonly targets: TargetService,
    private readonly panel: FollowedPanel,
  ) {
    super();
    this.register(
      vscode.debug.onDidChangeActiveStackItem((item) => {
        if (this.#pending && item instanceof vscode.DebugStackFrame && item.session.id === this.#pin?.session.id) this.#readNow();
      }),
    );
    this.register(
      vscode.debug.onDidTerminateDebugSession((session) => {
        this.#ended.add(session.id);
        if (this.#pin?.session.id !== session.id) return;
        this.#stop();
        this.panel.changed();
      }),
    );
    this.register(toDisposable(() => clearTimeout(this.#timer)));
  }

  get following(): boolean {
    return this.#pin !== undefined;
  }

  /** A stop of `session` (from the debug adapter tracker). */
  stopped(sessionId: string): void {
    if (this.#pin?.session.id !== sessionId) return;
    this.#pending = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#readNow(), FOCUS_WAIT_MS);
  }

  /** Turns Follow on for the value `source` shows (a new history), or off (the history stays). */
  setFollowing(on: boolean, source: TargetSource | undefined): void {
    if (!on) return this.#stop();
    if (!(source instanceof DebugSource) || this.#ended.has(source.frame.session.id)) return;
    this.#restored = undefined;
    this.#pin = { session: source.frame.session, expressions: source.parts?.expressions ?? [source.expression], parts: source.parts };
    this.#stops = 1;
    this.#history = undefined;
    const target = targetOf(source, this.panel.reading());
    this.#record(this.targets.evaluate(target, this.panel.options(target)), source.place);
  }

  /** The panel was restored after a reload with this saved live state. */
  restore(saved: SavedLive | undefined): void {
    this.#stop();
    this.#restored = saved;
    this.#history = saved?.history;
  }

  /** The live section for the panel showing `source`; none for a literal. */
  view(source: TargetSource | undefined): LiveView | undefined {
    const history = this.#history;
    if (source instanceof DebugSource) {
      const ended = this.#ended.has(source.frame.session.id);
      return {
        title: source.describe(),
        status: ended ? vscode.l10n.t('live value read at {0}; its debug session has ended', source.place) : vscode.l10n.t('live value, paused at {0}', source.place),
        following: this.#pin !== undefined,
        canFollow: !ended,
        ...(history ? { history } : {}),
      };
    }
    const restored = this.#restored;
    if (!restored || source) return undefined;
    return { title: restored.title, status: vscode.l10n.t('a live value of a debug session that has ended'), following: false, canFollow: false, ...(history ? { history } : {}) };
  }

  /** What the panel's state keeps: the title and the history. */
  saved(source: TargetSource | undefined): SavedLive | undefined {
    if (source instanceof DebugSource) return { title: source.describe(), ...(this.#history ? { history: this.#history } : {}) };
    return source ? undefined : this.#restored;
  }

  #stop(): void {
    this.#pin = undefined;
    this.#pending = false;
    clearTimeout(this.#timer);
  }

  #readNow(): void {
    clearTimeout(this.#timer);
    if (!this.#pending || this.#reading) return;
    this.#pending = false;
    this.#reading = this.#read()
      .catch((error: unknown) => log().error('Follow: reading the value at a stop failed', error))
      .finally(() => {
        this.#reading = undefined;
        // A stop that came while reading (fast stepping) is read now: the latest state wins.
        if (this.#pending) this.#readNow();
      });
  }

  async #read(): Promise<void> {
    const pin = this.#pin;
    if (!pin) return;
    this.#stops++;
    let place = pin.session.name;
    try {
      const frame = await pausedFrame();
      if (!frame || frame.session.id !== pin.session.id) throw new LiveValueError(vscode.l10n.t('"{0}" is not paused', pin.session.name));
      place = placeOf(frame);
      const values = await captureAll(frame, pin.expressions, readSettings(frame.location?.uri).liveMaxElements);
      if (this.#pin !== pin) return;
      const sources = values.map((value) => new DebugSource(frame, value));
      const source = pin.parts && sources.length === 2 ? combined(pin.parts.kind, sources[0], sources[1]) : sources[0];
      const target = targetOf(source, this.panel.reading());
      this.#record(this.targets.evaluate(target, this.panel.options(target)), place, false);
      this.panel.show(source.ref);
    } catch (error) {
      if (!(error instanceof LiveValueError) && !(error instanceof LiveCancelled)) throw error;
      this.#append({ stop: this.#stops, display: '—', place, note: error instanceof LiveCancelled ? vscode.l10n.t('not read: cancelled') : error.message });
      this.panel.changed();
    }
  }

  /** Adds the outcome's headline figure at this stop. */
  #record(outcome: ReturnType<TargetService['evaluate']>, place: string, notify = true): void {
    if (outcome.kind === 'error') {
      this.#append({ stop: this.#stops, display: '—', place, note: outcome.error.literalError.message });
    } else {
      const figure = headline(outcome.evaluation);
      const precision = readSettings(outcome.target.sources[0].scope).precision;
      const history = this.#history;
      // Another figure, or another unit, is not the same curve: a new history begins.
      if (history && (history.label !== figure.label || history.unit !== figure.unit)) this.#history = undefined;
      this.#history ??= { label: figure.label, ...(figure.unit ? { unit: figure.unit } : {}), points: [] };
      this.#append({ stop: this.#stops, value: toWire(figure.value), display: `${formatNumber(figure.value, precision)}${figure.unit ? ` ${figure.unit}` : ''}`, place });
    }
    if (notify) this.panel.changed();
  }

  #append(point: LivePoint): void {
    const history = this.#history ?? { label: 'value', points: [] };
    this.#history = { ...history, points: [...history.points, point].slice(-HISTORY_LIMIT) };
  }
}

/** The figure a stop is charted by: D_KL(P‖Q) for a pair, else the first (H, the mean H, the loss). */
function headline(evaluation: Evaluation): Figure {
  const figures = figuresOf(evaluation);
  return figures.find((figure) => figure.key === 'klPQ') ?? figures[0];
}
