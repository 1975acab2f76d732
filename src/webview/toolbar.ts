import { INTERPRETATION_MODES, UNITS, type InterpretationMode } from '../core/types';
import { LOSS_SETTINGS, VIEW_NAMES, type FromWebview, type PanelChoices, type SettingsView, type ToWebview } from '../shared/protocol';
import type { ViewModel } from '../shared/view-model';
import { button, el, type Child } from './dom';
import { t } from './strings';

/**
 * The panel's toolbar: one row. The unit and the lock are always in it; the other groups — View,
 * Loss, Read as, Copy, Make default — appear only where they apply, and in a panel narrower than
 * the whole row (a CSS container query in media/visualizer.css) they fold behind a "More"
 * disclosure, which opens them on a line of their own below.
 *
 * Exclusive choices are radio groups with a roving tabindex: one Tab stop per group (the checked
 * radio), the arrow keys, Home and End move within it and choose as they move. Choosing changes this
 * panel only (the host keeps the choice in the panel's state); "Make default" writes the choices to
 * the settings.
 */

type Update = Extract<ToWebview, { type: 'update' }>;
type Post = (message: FromWebview) => void;

const VIEW_LABELS = { figures: () => t('toolbar.view.figures'), loss: () => t('toolbar.view.loss') } as const;
/** auto and logits are the settings' own words, not translated. */
const INTERPRETATION_LABELS = {
  auto: () => 'auto',
  probs: () => t('toolbar.reading.probs'),
  counts: () => t('toolbar.reading.counts'),
  logits: () => 'logits',
  logprobs: () => t('toolbar.reading.logprobs'),
} as const;
/** What a loss's predictions can be read as: counts and log-probabilities are refused for them. */
const LOSS_READINGS: readonly InterpretationMode[] = ['auto', 'probs', 'logits'];
const MORE_ID = 'toolbar-more';

/** Whether "More" is open: the page's own, kept across draws (every update draws the toolbar anew). */
let moreOpen = false;

export function toolbar(update: Update, post: Post): HTMLElement {
  installKeys();
  const s = update.settings;
  const model = update.content.kind === 'model' ? update.content.model : undefined;
  const locked = update.state.locked;
  const readings = readingsFor(update, model);
  const folded: Child[] = [
    // A targets/predictions literal is always a loss; a pair can be read either way, and a loss view can be left.
    model?.kind === 'pair' || (model && update.state.view === 'loss')
      ? radioGroup(t('toolbar.view'), 'view', VIEW_NAMES, update.state.view, (v) => VIEW_LABELS[v](), (view) => post({ type: 'setView', view }))
      : null,
    model && (model.loss || model.lossUnavailable)
      ? radioGroup(t('toolbar.loss'), 'loss', LOSS_SETTINGS, s.loss, (l) => (l === 'auto' ? 'auto' : l.toUpperCase()), (loss) => post({ type: 'setLoss', loss }))
      : null,
    readings.length > 0 ? radioGroup(t('toolbar.readAs'), 'interpretation', readings, s.interpretation, (i) => INTERPRETATION_LABELS[i](), (interpretation) => post({ type: 'setInterpretation', interpretation })) : null,
    model ? copyGroup(post) : null,
    s.defaults ? makeDefault(s, s.defaults, post) : null,
  ].filter(Boolean);
  return el(
    'header',
    { class: moreOpen ? 'toolbar more-open' : 'toolbar', attrs: { 'aria-label': t('toolbar.label') } },
    model ? radioGroup(t('toolbar.unit'), 'unit', UNITS, s.unit, (u) => u, (unit) => post({ type: 'setUnit', unit })) : null,
    button(t('toolbar.lock'), 'lock', () => post({ type: 'setLocked', locked: !locked }), {
      // The name stays; only aria-pressed says whether the panel is locked.
      class: locked ? 'toggle pressed lock' : 'toggle lock',
      attrs: { 'aria-pressed': String(locked), 'aria-label': t('toolbar.lock.label'), title: t('toolbar.lock.title') },
    }),
    folded.length > 0
      ? button(t('toolbar.more'), 'more', toggleMore, { class: 'more', attrs: { 'aria-expanded': String(moreOpen), 'aria-controls': MORE_ID, title: t('toolbar.more.title') } })
      : null,
    folded.length > 0 ? el('div', { class: 'toolbar-more', attrs: { id: MORE_ID } }, ...folded) : null,
  );
}

/**
 * The readings worth offering: all of them for distributions; for a loss those its predictions
 * accept (none for MSE, whose numbers are read as they are); for an error only when a reading other
 * than auto was chosen, since that may be why; none for an empty panel.
 */
function readingsFor(update: Update, model: ViewModel | undefined): readonly InterpretationMode[] {
  if (!model) return update.content.kind === 'error' && update.settings.interpretation !== 'auto' ? INTERPRETATION_MODES : [];
  if (model.loss) return model.loss.name === 'mse' ? [] : LOSS_READINGS;
  return INTERPRETATION_MODES;
}

/** A radio group: the checked radio is its one Tab stop (the first, if none is checked). */
function radioGroup<T extends string>(name: string, key: string, options: readonly T[], current: T, label: (v: T) => string, choose: (v: T) => void): HTMLElement {
  const stop = options.includes(current) ? current : options[0];
  return el(
    'div',
    { class: 'toggle-group', attrs: { role: 'radiogroup', 'aria-label': name, 'data-group': key } },
    el('span', { class: 'toggle-name', attrs: { 'aria-hidden': 'true' } }, name),
    ...options.map((option) =>
      button(label(option), `${key}:${option}`, () => choose(option), {
        class: option === current ? 'toggle checked' : 'toggle',
        attrs: { role: 'radio', 'aria-checked': String(option === current), tabindex: option === stop ? '0' : '-1', 'data-toggle': key, 'data-value': option },
      }),
    ),
  );
}

function copyGroup(post: Post): HTMLElement {
  return el(
    'div',
    { class: 'toggle-group action-group', attrs: { role: 'toolbar', 'aria-label': t('toolbar.copy'), 'data-group': 'copy' } },
    el('span', { class: 'toggle-name', attrs: { 'aria-hidden': 'true' } }, t('toolbar.copy')),
    button('Markdown', 'copyMarkdown', () => post({ type: 'copyMarkdown' }), { class: 'action', attrs: { 'aria-label': t('toolbar.copy.markdown.label'), title: t('toolbar.copy.markdown.title'), tabindex: '0' } }),
    button('LaTeX', 'copyLatex', () => post({ type: 'copyLatex' }), { class: 'action', attrs: { 'aria-label': t('toolbar.copy.latex.label'), title: t('toolbar.copy.latex.title'), tabindex: '-1' } }),
  );
}

/** Shown while the panel's choices differ from the settings; its title says what it would write. */
function makeDefault(s: SettingsView, defaults: PanelChoices, post: Post): HTMLElement {
  const changes = (['unit', 'interpretation', 'loss'] as const).filter((key) => defaults[key] !== undefined).map((key) => `entropyLens.${key}: ${defaults[key]} → ${s[key]}`);
  return button(t('toolbar.makeDefault'), 'makeDefault', () => post({ type: 'makeDefault' }), { class: 'action make-default', attrs: { title: t('toolbar.makeDefault.title', changes.join(', ')) } });
}

function toggleMore(): void {
  moreOpen = !moreOpen;
  document.querySelector('.toolbar')?.classList.toggle('more-open', moreOpen);
  document.querySelector('.toolbar .more')?.setAttribute('aria-expanded', String(moreOpen));
}

let keysInstalled = false;

/** One listener for every group's arrow keys (groups are rebuilt at each draw; the document is not). */
function installKeys(): void {
  if (keysInstalled) return;
  keysInstalled = true;
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLButtonElement)) return;
    if (event.key === 'Escape' && target.closest(`#${MORE_ID}`) && moreOpen) {
      toggleMore();
      document.querySelector<HTMLElement>('.toolbar .more')?.focus();
      return;
    }
    const group = target.closest<HTMLElement>('.toolbar [data-group]');
    if (!group) return;
    const items = [...group.querySelectorAll<HTMLButtonElement>('button')];
    const at = items.indexOf(target);
    const next = stepOf(event.key, at, items.length);
    if (at < 0 || next === undefined) return;
    event.preventDefault();
    const to = items[next];
    for (const item of items) item.tabIndex = item === to ? 0 : -1;
    to.focus();
    if (group.getAttribute('role') !== 'radiogroup') return;
    // A radio is chosen as focus reaches it; the host's update then draws the same state.
    for (const item of items) {
      item.setAttribute('aria-checked', String(item === to));
      item.classList.toggle('checked', item === to);
    }
    to.click();
  });
}

function stepOf(key: string, at: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (at + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (at - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
