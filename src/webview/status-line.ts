import type { ErrorView, FromWebview, StatusLine, ToWebview } from '../shared/protocol';
import { button, el } from './dom';
import { t } from './strings';

/**
 * The quiet parts of the panel (issue 14): the status line above the content — the last good figures
 * kept (dimmed) while their literal cannot be read, a deleted literal's last figures, a selection that
 * holds no literal — and the error of a literal that never read. None of them is an alert: what is
 * worth hearing is said once, politely, by one live region that exists before anything is said.
 */

type Post = (message: FromWebview) => void;
type Update = Extract<ToWebview, { type: 'update' }>;

const announcer = el('div', { class: 'visually-hidden', attrs: { id: 'status-announcer', role: 'status', 'aria-live': 'polite' } });
document.body.appendChild(announcer);
let announced = '';

/** Says `text` in the live region if it is not what was said last; an empty text says nothing and lets the next one be said. */
function announce(text: string): void {
  if (text === announced) return;
  announced = text;
  announcer.textContent = text;
}

/** Where a status or an error places the fault, for the button that goes there. */
function goTo(line: number, column: number, post: Post): HTMLElement {
  return button(t('status.goTo', line, column), 'reveal', () => post({ type: 'reveal' }), { class: 'link' });
}

/**
 * The status line, always in the page (hidden when there is nothing to say) so the content after it
 * keeps its place for morph.ts. `dim` makes the content after it dimmed (media/visualizer.css): those
 * figures are not of the text as it is now.
 */
export function statusLine(update: Update, post: Post): HTMLElement {
  const status: StatusLine | undefined = update.status;
  announce(status ? status.message : update.content.kind === 'error' ? errorText(update.content.error) : '');
  if (!status) return el('div', { class: 'status-line', attrs: { hidden: '', 'data-status': 'none' } });
  const dim = status.kind !== 'hint' && update.content.kind === 'model';
  const where = status.line !== undefined && status.column !== undefined ? goTo(status.line, status.column, post) : null;
  return el('div', { class: `status-line ${status.kind}${dim ? ' dim' : ''}`, attrs: { 'data-status': status.kind } }, el('p', { class: 'status-message' }, status.message, where ? ' ' : null, where));
}

function errorText(error: ErrorView): string {
  return t('status.error', error.message, error.fileName, error.line, error.column);
}

/** A literal that could not be read, with nothing earlier of it to show: the message and where, quietly. */
export function errorView(error: ErrorView, post: Post): HTMLElement {
  return el(
    'section',
    { class: 'error' },
    el('h2', {}, t('error.title')),
    el('p', { class: 'error-message' }, error.message),
    el('p', { class: 'where' }, t('error.where', error.fileName, error.line, error.column)),
    button(t('status.goTo', error.line, error.column), 'reveal', () => post({ type: 'reveal' }), { class: 'action' }),
  );
}
