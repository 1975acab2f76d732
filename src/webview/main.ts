import { isIdentity, isPlaygroundState, SMOOTHING_MAX } from '../shared/playground';
import { isToWebview, panelStateFrom, type Content, type FromWebview, type PanelState } from '../shared/protocol';
import { sliderOfTemperature, temperatureOfSlider, type PlaygroundUi } from './controls';
import type { Deferred } from './defer';
import { BarDragging } from './drag';
import { PagePlayground, type Update } from './playground';
import { measure, render, wasVisible } from './render';
import { t } from './strings';

/**
 * The visualizer webview's entry (bundled to dist/webview/visualizer.js as an IIFE). It says
 * `ready`, the host answers with an `update`, and every update is drawn from scratch (below-the-fold
 * blocks a moment later, see render.ts). Between updates the page draws again by itself when a
 * person plays — a slider, a dragged bar — at most once per frame, computing the figures with the
 * core bundled into it (playground.ts). The panel state is kept with setState, the playground's
 * with it, so the serializer can restore both after a window reload.
 */

const vscode = acquireVsCodeApi<PanelState>();
const root = document.getElementById('root')!;
const notice = document.getElementById('notice')!;
let renders = 0;
let frame: number | undefined;
let noticeTimer: ReturnType<typeof setTimeout> | undefined;
let applied = false;

const playground = new PagePlayground(panelStateFrom(vscode.getState())?.playground, () => requestDraw());
const bars = new BarDragging(root, {
  shown: (series, index) => playground.shown(series, index),
  set: (series, index, value) => {
    playground.drag(series, index, value);
    requestDraw();
  },
  redraw: () => requestDraw(),
});

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

/** Copying the figures or a formula copies what the page shows: the host is told the playground. */
function postShown(message: FromWebview): void {
  const state = playground.effective();
  if (!isIdentity(state) && (message.type === 'copyMarkdown' || message.type === 'copyLatex')) post({ ...message, playground: state });
  else post(message);
}

function showNotice(text: string): void {
  notice.textContent = text;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => (notice.textContent = ''), 4000);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToWebview(message)) return;
  if (message.type === 'notice') return showNotice(message.text);
  if (message.type === 'applied') {
    // The document now holds what the panel shows: the literal that comes next starts from it.
    applied = true;
    return;
  }
  if (applied) {
    applied = false;
    playground.reset();
  }
  if (!marked && performance.getEntriesByName('entropylens:first-update').length === 0) performance.mark('entropylens:first-update');
  if (!playground.accept(message)) bars.clear();
  // A different literal starts at its heading, not at the previous one's scroll position; the same
  // literal evaluated again (a toggle, an edit, lines typed above it: the host's `literal` number) stays
  // where the reader is.
  const shown = { id: message.literal, key: literalKey(message.content) };
  if (lastLiteral && shown.key !== lastLiteral.key && (shown.id === undefined || shown.id !== lastLiteral.id)) window.scrollTo({ top: 0, behavior: 'instant' });
  lastLiteral = shown;
  draw(false);
});

root.addEventListener('input', (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement)) return;
  const state = playground.state;
  const value = Number(input.value);
  if (input.dataset.control === 'temperature') playground.set({ ...state, temperature: temperatureOfSlider(value) });
  else if (input.dataset.control === 'smoothing') playground.set({ ...state, smoothing: Math.min(SMOOTHING_MAX, Math.max(0, Math.round(value * 100) / 100)) });
  else return;
  requestDraw();
});

let lastLiteral: { readonly id: number | undefined; readonly key: string } | undefined;

/** Which literal an update shows: its file and first line (an error or an empty page is none). */
function literalKey(content: Content): string {
  return content.kind === 'model' ? `${content.model.source.fileName}\n${content.model.source.line}` : '';
}

/** One draw per frame however fast the pointer moves: the latest state wins. */
function requestDraw(): void {
  frame ??= requestAnimationFrame(() => {
    frame = undefined;
    draw(true);
  });
}

/**
 * A playground draw is made for its frame: what is below the fold is kept as it was and formulas
 * come without their MathML (render.ts, math.ts). So is a new panel's first draw, which must also
 * compile KaTeX and lay out everything for the first time: what is on screen is painted first. Once
 * the page is idle — after the movement stops — it is drawn once more, whole.
 */
let settle: number | undefined;
let drewModel = false;
const requestIdle = (fn: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 300 }) : window.setTimeout(fn, 50));
const cancelIdle = (handle: number) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle));

function draw(inFrame: boolean): void {
  // From here: the playground's arithmetic, the view model and the page all count as the draw.
  const start = performance.now();
  if (frame !== undefined) {
    cancelAnimationFrame(frame);
    frame = undefined;
  }
  let update: Update | undefined;
  try {
    // A playground draw leaves charts that are off screen as they were: no need to compute them.
    update = playground.current(!inFrame || wasVisible('charts'));
  } catch (error) {
    // The playground's arithmetic failed on this literal: say so and show the literal as written.
    showNotice(t('page.playgroundFailed', error instanceof Error ? error.message : String(error)));
    playground.reset();
    update = playground.current();
  }
  if (!update) return;
  const interim = inFrame || (!drewModel && update.content.kind === 'model');
  if (settle !== undefined) cancelIdle(settle);
  settle = interim
    ? requestIdle(() => {
        settle = undefined;
        draw(false);
      })
    : undefined;
  const saved = playground.saved();
  vscode.setState(saved ? { ...update.state, playground: saved } : update.state);
  const count = ++renders;
  document.body.dataset.updates = String(count);
  let deferred: Deferred | undefined;
  try {
    deferred = render(root, update, postShown, { playground: ui(), bars, interactive: inFrame, interim });
    if (update.content.kind === 'model') drewModel = true;
    syncSliders();
  } catch (error) {
    const text = document.createElement('p');
    text.className = 'error-message';
    text.textContent = t('page.drawFailed', error instanceof Error ? error.message : String(error));
    root.replaceChildren(text);
  }
  document.dispatchEvent(new CustomEvent('entropylens:drawn', { detail: { count, start, script: performance.now() - start } }));
  // Two signals, for the tests and the paint benchmark (docs/visualizer.md, "painted"):
  // `data-painted` after the first frame in which no placeholder intersects the viewport — what is on
  // screen is final; `data-rendered` (and `entropylens:rendered`) after the frame in which the
  // deferred blocks, and the temperature curve, are all built too — the page is complete. A draw
  // made inside a frame is painted by that frame: a task posted now runs after it.
  const painted = () => {
    if (count !== renders) return;
    if (deferred?.visiblePending()) return afterFrame(painted);
    measure(root);
    signal('painted', count);
  };
  (inFrame ? afterTask : afterFrame)(painted);
  // An interim draw is complete only once settled: the draw that settles it signals.
  const complete = () => afterFrame(() => count === renders && settle === undefined && !playground.curve.pending && signal('rendered', count));
  if (deferred) deferred.whenDone(complete);
  else complete();
}

/** The playground's controls for this draw, or none when the literal has no playground. */
function ui(): PlaygroundUi | undefined {
  const base = playground.base;
  if (!base) return undefined;
  return {
    base,
    state: playground.effective(),
    temperatureChart: (model) => playground.temperatureChart(model),
    reset: () => {
      playground.reset();
      bars.clear();
      requestDraw();
    },
    copyLiteral: () => sendLiteral('copyLiteral'),
    applyLiteral: () => sendLiteral('applyLiteral'),
  };
}

function sendLiteral(type: 'copyLiteral' | 'applyLiteral'): void {
  const state = playground.effective();
  if (isPlaygroundState(state)) post({ type, playground: state });
}

/** A kept range input keeps the value it was dragged to; Reset (or a restore) moves it. */
function syncSliders(): void {
  const state = playground.state;
  for (const input of root.querySelectorAll<HTMLInputElement>('input[data-control]')) {
    const value = input.dataset.control === 'temperature' ? sliderOfTemperature(state.temperature) : String(state.smoothing);
    if (Number(input.value) !== Number(value)) input.value = value;
  }
}

/** Runs `fn` in a task after the next frame: its style, layout and paint are done by then. */
function afterFrame(fn: () => void): void {
  requestAnimationFrame(() => afterTask(fn));
}

/** Runs `fn` in a task of its own (from a frame's callback: after that frame is painted). */
function afterTask(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => fn();
  channel.port2.postMessage(0);
}

/**
 * The first update and the first paint, as performance marks (once each: a mark per frame would pile
 * up while a slider moves), so the real workbench's scenario can time a freshly opened panel.
 */
let marked = false;

function signal(name: 'painted' | 'rendered', count: number): void {
  if (name === 'painted' && !marked && root.querySelector('.figure')) {
    marked = true;
    performance.mark('entropylens:first-painted');
  }
  document.body.dataset[name] = String(count);
  document.dispatchEvent(new CustomEvent(`entropylens:${name}`, { detail: count }));
}

post({ type: 'ready' });
