import { isToWebview, type FromWebview, type PanelState } from '../shared/protocol';
import type { Deferred } from './defer';
import { render } from './render';

/**
 * The visualizer webview's entry (bundled to dist/webview/visualizer.js as an IIFE). It holds no
 * data of its own: it says `ready`, the host answers with an `update`, and every update is rendered
 * from scratch (below-the-fold blocks a moment later, see render.ts). The panel state the host sends
 * is kept with setState so the serializer can restore the panel after a window reload.
 */

const vscode = acquireVsCodeApi<PanelState>();
const root = document.getElementById('root')!;
const notice = document.getElementById('notice')!;
let renders = 0;
let noticeTimer: ReturnType<typeof setTimeout> | undefined;

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToWebview(message)) return;
  if (message.type === 'notice') {
    notice.textContent = message.text;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => (notice.textContent = ''), 4000);
    return;
  }
  vscode.setState(message.state);
  const count = ++renders;
  document.body.dataset.updates = String(count);
  let deferred: Deferred | undefined;
  try {
    deferred = render(root, message, post);
  } catch (error) {
    const text = document.createElement('p');
    text.className = 'error-message';
    text.textContent = `The visualizer failed to draw this literal: ${error instanceof Error ? error.message : String(error)}`;
    root.replaceChildren(text);
  }
  // Two signals, for the tests and the paint benchmark (docs/visualizer.md, "painted"):
  // `data-painted` after the first frame in which no placeholder intersects the viewport — what is on
  // screen is final; `data-rendered` (and `entropylens:rendered`) after the frame in which the
  // deferred blocks are all built too — the page is complete.
  const painted = () => {
    if (count !== renders) return;
    if (deferred?.visiblePending()) return afterFrame(painted);
    signal('painted', count);
  };
  afterFrame(painted);
  const complete = () => afterFrame(() => count === renders && signal('rendered', count));
  if (deferred) deferred.whenDone(complete);
  else complete();
});

/** Runs `fn` in a task after the next frame: its style, layout and paint are done by then. */
function afterFrame(fn: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn();
    channel.port2.postMessage(0);
  });
}

function signal(name: 'painted' | 'rendered', count: number): void {
  document.body.dataset[name] = String(count);
  document.dispatchEvent(new CustomEvent(`entropylens:${name}`, { detail: count }));
}

post({ type: 'ready' });
