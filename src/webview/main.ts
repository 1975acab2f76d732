import { isToWebview, type FromWebview, type PanelState } from '../shared/protocol';
import { render } from './render';

/**
 * The visualizer webview's entry (bundled to dist/webview/visualizer.js as an IIFE). It holds no
 * data of its own: it says `ready`, the host answers with an `update`, and every update is rendered
 * from scratch. The panel state the host sends is kept with setState so the serializer can restore
 * the panel after a window reload.
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
  try {
    render(root, message, post);
  } catch (error) {
    const text = document.createElement('p');
    text.className = 'error-message';
    text.textContent = `The visualizer failed to draw this literal: ${error instanceof Error ? error.message : String(error)}`;
    root.replaceChildren(text);
  }
  // Tests and the paint benchmark wait for this: the number of updates drawn so far.
  const count = ++renders;
  requestAnimationFrame(() => {
    document.body.dataset.rendered = String(count);
    document.dispatchEvent(new CustomEvent('entropylens:rendered', { detail: count }));
  });
});

post({ type: 'ready' });
