import {
  INTERPRETATION_NAMES,
  LOSS_MODE_NAMES,
  UNIT_NAMES,
  VIEW_NAMES,
  type Content,
  type FromWebview,
  type SettingsView,
  type ToWebview,
} from '../shared/protocol';
import type { FigureView, FormulaView, LossView, ViewModel } from '../shared/view-model';
import { barChart, curveChart } from './charts';
import { button, el, type Child } from './dom';
import { math } from './math';

/**
 * Builds the whole panel from one `update` message. Re-rendering from scratch keeps the page a pure
 * function of the last message; focus is carried across by each control's `data-focus` key.
 */

export type Post = (message: FromWebview) => void;
type Update = Extract<ToWebview, { type: 'update' }>;

export function render(root: HTMLElement, update: Update, post: Post): void {
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.focus;
  const page = document.createDocumentFragment();
  page.appendChild(toolbar(update, post));
  page.appendChild(content(update.content, update.state.view, post));
  root.replaceChildren(page);
  if (focused) {
    const again = root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focused)}"]`);
    again?.focus();
  }
}

const VIEW_LABELS = { figures: 'Figures', loss: 'Loss' } as const;
const INTERPRETATION_LABELS = { auto: 'auto', probs: 'probabilities', counts: 'counts', logits: 'logits', logprobs: 'log-probs' } as const;

/** A row of toggle buttons; the pressed one carries aria-pressed="true". */
function toggleGroup<T extends string>(name: string, key: string, options: readonly T[], current: T, label: (v: T) => string, choose: (v: T) => void): HTMLElement {
  return el(
    'div',
    { class: 'toggle-group', attrs: { role: 'group', 'aria-label': name } },
    el('span', { class: 'toggle-name', attrs: { 'aria-hidden': 'true' } }, name),
    ...options.map((option) =>
      button(label(option), `${key}:${option}`, () => choose(option), {
        class: option === current ? 'toggle pressed' : 'toggle',
        attrs: { 'aria-pressed': String(option === current), 'data-toggle': key, 'data-value': option },
      }),
    ),
  );
}

function toolbar(update: Update, post: Post): HTMLElement {
  const s: SettingsView = update.settings;
  const locked = update.state.locked;
  const hasModel = update.content.kind === 'model';
  return el(
    'header',
    { class: 'toolbar' },
    el(
      'div',
      { class: 'toolbar-row' },
      toggleGroup('Unit', 'unit', UNIT_NAMES, s.unit, (u) => u, (unit) => post({ type: 'setUnit', unit })),
      toggleGroup('Read as', 'interpretation', INTERPRETATION_NAMES, s.interpretation, (i) => INTERPRETATION_LABELS[i], (interpretation) => post({ type: 'setInterpretation', interpretation })),
    ),
    el(
      'div',
      { class: 'toolbar-row' },
      // A targets/predictions literal is always shown as a loss: the view toggle would do nothing.
      update.content.kind === 'model' && update.content.model.kind === 'loss'
        ? null
        : toggleGroup('View', 'view', VIEW_NAMES, update.state.view, (v) => VIEW_LABELS[v], (view) => post({ type: 'setView', view })),
      toggleGroup('Loss', 'loss', LOSS_MODE_NAMES, s.loss, (l) => (l === 'auto' ? 'auto' : l.toUpperCase()), (loss) => post({ type: 'setLoss', loss })),
      button(locked ? 'Locked to this literal' : 'Following the selection', 'lock', () => post({ type: 'setLocked', locked: !locked }), {
        class: locked ? 'toggle pressed lock' : 'toggle lock',
        attrs: { 'aria-pressed': String(locked), title: locked ? 'Unlock: follow the editor’s selection again' : 'Lock: keep showing this literal when the selection moves' },
      }),
      hasModel ? button('Copy figures (Markdown)', 'copyMarkdown', () => post({ type: 'copyMarkdown' }), { class: 'action' }) : null,
      hasModel ? button('Copy LaTeX', 'copyLatex', () => post({ type: 'copyLatex' }), { class: 'action' }) : null,
    ),
  );
}

function content(c: Content, view: string, post: Post): HTMLElement {
  switch (c.kind) {
    case 'empty':
      return el('section', { class: 'empty' }, el('p', {}, c.message));
    case 'error':
      return el(
        'section',
        { class: 'error', attrs: { role: 'alert' } },
        el('h2', {}, 'This selection could not be read'),
        el('p', { class: 'error-message' }, c.error.message),
        el('p', { class: 'where' }, c.error.fileName, `, line ${c.error.line}, column ${c.error.column}`),
        button(`Go to line ${c.error.line}, column ${c.error.column}`, 'reveal', () => post({ type: 'reveal' }), { class: 'action' }),
      );
    case 'model':
      return modelView(c.model, view, post);
  }
}

function modelView(model: ViewModel, _view: string, post: Post): HTMLElement {
  const main = el('div', { class: `model kind-${model.kind}` });
  main.appendChild(readSection(model, post));
  if (model.lossUnavailable) main.appendChild(el('p', { class: 'notice-box' }, model.lossUnavailable));
  main.appendChild(figuresSection(model.figures));
  if (model.loss) {
    main.appendChild(lossSection(model.loss, post));
    return main;
  }
  const byId = new Map(model.formulas.map((f) => [f.id, f]));
  const klPQ = byId.get('klPQ');
  const klQP = byId.get('klQP');
  if (klPQ && klQP) {
    main.appendChild(
      section(
        'Both directions of the KL divergence',
        'kl-directions',
        el('div', { class: 'side-by-side' }, formulaCard(klPQ, post, figureText(model, 'klPQ')), formulaCard(klQP, post, figureText(model, 'klQP'))),
        byId.has('asymmetry') ? math(byId.get('asymmetry')!.substituted, true) : null,
      ),
    );
  }
  const identity = byId.get('identity');
  if (identity) main.appendChild(section('KL divergence is cross-entropy minus entropy', 'identity', formulaCard(identity, post)));
  if (model.bars.length + model.curves.length > 0) {
    main.appendChild(section('Charts', 'charts', ...model.bars.map(barChart), ...model.curves.map(curveChart)));
  }
  const shown = new Set(['klPQ', 'klQP', 'identity', 'asymmetry']);
  const rest = model.formulas.filter((f) => !shown.has(f.id));
  if (rest.length > 0) main.appendChild(section('Formulas', 'formulas', ...rest.map((f) => formulaCard(f, post))));
  return main;
}

function section(title: string, id: string, ...children: Child[]): HTMLElement {
  return el('section', { class: `block ${id}`, attrs: { 'aria-label': title } }, el('h2', {}, title), ...children);
}

function readSection(model: ViewModel, post: Post): HTMLElement {
  const src = model.source;
  const lines = src.line === src.endLine ? `line ${src.line}` : `lines ${src.line}–${src.endLine}`;
  return section(
    'What was read',
    'read',
    el(
      'p',
      { class: 'source' },
      el('span', { class: 'file-name' }, src.fileName),
      `, ${lines} `,
      button('Reveal in editor', 'revealSource', () => post({ type: 'reveal' }), { class: 'link' }),
    ),
    el('p', { class: 'shape' }, model.shape),
    model.notes.length > 0 ? el('ul', { class: 'notes' }, ...model.notes.map((n) => el('li', {}, n))) : null,
    model.warnings.length > 0
      ? el('ul', { class: 'warnings', attrs: { 'aria-label': 'Warnings' } }, ...model.warnings.map((w) => el('li', {}, el('span', { class: 'warning-mark', attrs: { 'aria-hidden': 'true' } }, '⚠ '), w)))
      : null,
  );
}

function figuresSection(figures: readonly FigureView[]): HTMLElement {
  return section(
    'Figures',
    'figures',
    el(
      'dl',
      { class: 'figure-grid' },
      ...figures.map((f) =>
        el(
          'div',
          { class: 'figure', attrs: { 'data-key': f.key } },
          el('dt', {}, math(f.tex), el('span', { class: 'visually-hidden' }, ` (${f.label})`)),
          el('dd', {}, el('span', { class: 'value' }, f.display), f.unit ? el('span', { class: 'unit' }, ` ${f.unit}`) : null, f.cause ? el('span', { class: 'cause' }, ` at ${f.cause}`) : null),
        ),
      ),
    ),
  );
}

/** "= 0.200777 nats" for a figure, shown under a formula whose end may scroll out of view. */
function figureText(model: ViewModel, key: string): string | undefined {
  const f = model.figures.find((x) => x.key === key);
  return f ? `${f.label} = ${f.display}${f.unit ? ` ${f.unit}` : ''}` : undefined;
}

function formulaCard(formula: FormulaView, post: Post, value?: string): HTMLElement {
  return el(
    'article',
    { class: 'formula', attrs: { 'data-formula': formula.id } },
    el('h3', {}, formula.title),
    value ? el('p', { class: 'formula-value' }, value) : null,
    math(formula.tex, true),
    el('div', { class: 'substituted' }, math(formula.substituted, true)),
    button('Copy LaTeX', `copyLatex:${formula.id}`, () => post({ type: 'copyLatex', id: formula.id }), { class: 'link', attrs: { 'aria-label': `Copy LaTeX: ${formula.title}` } }),
  );
}

function lossSection(loss: LossView, post: Post): HTMLElement {
  const wrap = el('div', { class: 'loss' });
  wrap.appendChild(
    section(
      `Output distribution: ${loss.distribution}`,
      'distribution',
      el('p', {}, el('strong', {}, `${loss.label} (${loss.name.toUpperCase()})`), ` over ${loss.samples.toLocaleString('en-US')} samples.`),
      el('p', { class: 'reason' }, 'Why: ', loss.reason),
    ),
  );
  wrap.appendChild(
    section(
      'Derivation',
      'derivation',
      el('ol', { class: 'steps' }, ...loss.derivation.map((step, i) => el('li', { attrs: { 'data-step': String(i) } }, el('p', { class: 'step-caption' }, step.caption), math(step.tex, true), button('Copy LaTeX', `copyLatex:step-${i}`, () => post({ type: 'copyLatex', id: `step-${i}` }), { class: 'link', attrs: { 'aria-label': `Copy LaTeX: step ${i + 1}` } })))),
    ),
  );
  wrap.appendChild(section('The loss on these numbers', 'loss-formula', formulaCard(loss.formula, post)));
  if (loss.equivalences.length > 0) {
    wrap.appendChild(
      section('Equivalences', 'equivalences', ...loss.equivalences.map((e) => el('article', { class: 'formula equivalence' }, el('h3', {}, e.title), el('p', {}, e.caption), math(e.tex, true)))),
    );
  }
  wrap.appendChild(
    section('Charts', 'charts', barChart(loss.perSample), loss.curve ? curveChart(loss.curve) : el('p', { class: 'notice-box' }, loss.curveMissing ?? '')),
  );
  return wrap;
}
