import type { Content, FromWebview, ToWebview } from '../shared/protocol';
import type { FigureView, FormulaView, LossView, ViewModel } from '../shared/view-model';
import { barChart, curveChart, type BarOptions } from './charts';
import { playgroundSection, type PlaygroundUi } from './controls';
import { decompositionBar } from './decomposition';
import { histogramChart } from './histogram';
import { Deferred } from './defer';
import { button, el, type Child } from './dom';
import { interimMath, math } from './math';
import { liveSection } from './history-chart';
import { lossSection as lossView } from './loss-view';
import { kindChartCount, kindCharts } from './kind-charts';
import { morphChildren } from './morph';
import { figureTerm, namedFormula } from './figure-names';
import { toolbar } from './toolbar';
import { errorView, statusLine } from './status-line';
import { t } from './strings';

/**
 * Builds the panel from one `update` message. Re-rendering from scratch keeps the page a pure
 * function of the last message; focus is carried across by each control's `data-focus` key.
 *
 * Only what is likely on screen is built at once (toolbar, what was read, figures, the first
 * formulas); the charts and the remaining formulas get sized placeholders filled just before they
 * scroll into view or in idle time (defer.ts). A block that was on screen in the previous render is
 * built at once again, with the previous heights as estimates, so a toggle pressed while scrolled down
 * neither jumps nor flashes. KaTeX output is cached by TeX (math.ts), data tables are built when their
 * `<details>` opens (charts.ts), and the page is assembled in a DocumentFragment and then morphed into
 * the live one (morph.ts): unchanged nodes stay, so their style and layout are reused.
 */

export type Post = (message: FromWebview) => void;
type Update = Extract<ToWebview, { type: 'update' }>;

/** What the page adds to the host's message: the playground's controls and the draggable bars' state. */
export interface PageParts {
  readonly playground?: PlaygroundUi | undefined;
  readonly bars?: BarOptions;
  /** A playground draw (one a frame while a slider moves): blocks below the fold wait for idle time. */
  readonly interactive?: boolean;
  /** Formulas with new TeX without their MathML twin, until the draw that settles the page (math.ts). */
  readonly interim?: boolean;
}

interface Context extends PageParts {
  readonly post: Post;
  readonly deferred: Deferred;
  /** Blocks that intersected the viewport in the previous render. */
  readonly visible: ReadonlySet<string>;
  /** Body heights of the previous render's blocks, as placeholder estimates. */
  readonly heights: ReadonlyMap<string, number>;
}

let current: Deferred | undefined;

/** The blocks' places as last measured, and whether the page scrolled since. */
let measured: { readonly visible: ReadonlySet<string>; readonly heights: ReadonlyMap<string, number> } | undefined;
let scrolled = true;
window.addEventListener('scroll', () => (scrolled = true), { passive: true });

/**
 * Which blocks are on screen, and how tall each is. Every layout read comes first, before any write
 * (the previous frame left layout clean). A playground draw, one a frame, reuses the last
 * measurement unless the page scrolled: the slider it follows has just dirtied style, and reading
 * here would lay the page out twice in one frame. main.ts measures again after each frame it
 * paints, when layout is clean and reading it costs nothing.
 */
/** Whether block `id` may be on screen: it was when last measured, or the page scrolled since. */
export function wasVisible(id: string): boolean {
  return !measured || scrolled || measured.visible.has(id);
}

export function measure(root: HTMLElement): NonNullable<typeof measured> {
  const visible = new Set<string>();
  const heights = new Map<string, number>();
  const viewport = window.innerHeight;
  for (const block of root.querySelectorAll<HTMLElement>('[data-block]')) {
    const rect = block.getBoundingClientRect();
    const key = block.dataset.block!;
    if (rect.bottom > 0 && rect.top < viewport) visible.add(key);
    heights.set(key, rect.height - HEADING_HEIGHT);
  }
  scrolled = false;
  measured = { visible, heights };
  return measured;
}

export function render(root: HTMLElement, update: Update, post: Post, parts: PageParts = {}): Deferred {
  current?.cancel();
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.focus;
  const { visible, heights } = parts.interactive && measured && !scrolled ? measured : measure(root);
  const deferred = new Deferred();
  current = deferred;
  const ctx: Context = { ...parts, post, deferred, visible, heights };
  const page = document.createDocumentFragment();
  page.appendChild(toolbar(update, post));
  if (update.live) page.appendChild(liveSection(update.live, post));
  page.appendChild(statusLine(update, post));
  page.appendChild(interimMath(parts.interim === true, () => content(update.content, ctx)));
  morphChildren(root, page);
  if (focused) {
    const again = root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focused)}"]`);
    // preventScroll: the control sits where it was; scrolling it into view would force a layout now.
    if (again) again.focus({ preventScroll: true });
    else deferred.focusKey = focused;
  }
  deferred.start(!parts.interactive);
  return deferred;
}

/** A section's heading and margins, subtracted from its height to size its placeholder. */
const HEADING_HEIGHT = 40;
const ESTIMATE = { barChart: 400, curveChart: 370, formula: 200, equivalence: 140 } as const;

function content(c: Content, ctx: Context): HTMLElement {
  const post = ctx.post;
  switch (c.kind) {
    case 'empty':
      return el('section', { class: 'empty' }, el('p', {}, c.message));
    case 'error':
      return errorView(c.error, post);
    case 'model':
      return modelView(c.model, ctx);
  }
}

function modelView(model: ViewModel, ctx: Context): HTMLElement {
  const post = ctx.post;
  const main = el('div', { class: `model kind-${model.kind}` });
  main.appendChild(readSection(model, ctx));
  if (model.lossUnavailable) main.appendChild(el('p', { class: 'notice-box' }, model.lossUnavailable));
  main.appendChild(figuresSection(model.figures, ctx));
  if (ctx.playground) main.appendChild(kept(ctx, 'playground') ? keepMarker('playground') : playgroundSection(ctx.playground));
  if (model.loss) {
    main.appendChild(lossSection(model, model.loss, ctx));
    return main;
  }
  const byId = new Map(model.formulas.map((f) => [f.id, f]));
  const klPQ = byId.get('klPQ');
  const klQP = byId.get('klQP');
  if (klPQ && klQP) {
    main.appendChild(
      block(ctx, t('block.klDirections'), 'kl-directions', () => [
        el('div', { class: 'side-by-side' }, formulaCard(klPQ, post, figureText(model, 'klPQ')), formulaCard(klQP, post, figureText(model, 'klQP'))),
        byId.has('asymmetry') ? math(byId.get('asymmetry')!.substituted, true) : null,
      ]),
    );
  }
  const identity = byId.get('identity');
  // The section heading is the formula's title: the card does not repeat it.
  if (identity) main.appendChild(block(ctx, identity.title, 'identity', () => [formulaCard(identity, post, undefined, { heading: false }), decomposition(model)]));
  const temperature = ctx.playground ? 1 : 0;
  const kinds = kindChartCount(model);
  if (model.bars.length + model.curves.length + temperature + kinds > 0) {
    const estimate = (model.bars.length + kinds) * ESTIMATE.barChart + (model.curves.length + temperature) * ESTIMATE.curveChart;
    main.appendChild(
      lazySection(ctx, t('block.charts'), 'charts', estimate, () => {
        const chart = ctx.playground?.temperatureChart(model);
        return [
          ...kindCharts(model),
          ...model.bars.flatMap((bar) => {
            const hist = bar.histogram;
            return [hist ? chartOrKept(ctx, hist.id, () => histogramChart(hist)) : null, chartOrKept(ctx, bar.id, () => barChart(bar, ctx.bars))];
          }),
          chart ? chartOrKept(ctx, chart.id, () => curveChart(chart)) : null,
          ...model.curves.map((curve) => chartOrKept(ctx, curve.id, () => curveChart(curve))),
        ];
      }),
    );
  }
  const shown = new Set(['klPQ', 'klQP', 'identity', 'asymmetry']);
  const rest = model.formulas.filter((f) => !shown.has(f.id));
  if (rest.length > 0) main.appendChild(lazySection(ctx, t('block.formulas'), 'formulas', rest.length * ESTIMATE.formula, () => rest.map((f) => formulaCard(f, post))));
  return main;
}

/** H(P,Q) = H(P) + D_KL(P‖Q) as a stacked bar, for a pair. */
function decomposition(model: ViewModel): Child {
  const figure = (key: string) => model.figures.find((f) => f.key === key);
  const [entropy, kl, cross] = [figure('entropy'), figure('klPQ'), figure('crossEntropy')];
  if (!entropy || !kl || !cross) return null;
  return el('figure', { class: 'decomposition-figure' }, el('figcaption', { class: 'caption' }, t('decomposition.caption')), decompositionBar(entropy, kl, cross));
}

/**
 * Whether a playground draw — one a frame while something moves — leaves block `id` as it was: it
 * exists, and it is off screen. The draw that settles the page (main.ts) brings it up to date.
 */
function kept(ctx: Context, id: string): boolean {
  return ctx.interactive === true && ctx.heights.has(id) && !ctx.visible.has(id);
}

/** Stands for the block `id` as it is in the page (morph.ts keeps that one whole). */
function keepMarker(id: string, tag: 'section' | 'figure' = 'section'): HTMLElement {
  return el(tag, { attrs: { 'data-block': id, 'data-keep': '' } });
}

/** A block built at every draw, unless kept. */
function block(ctx: Context, title: string, id: string, build: () => Child[]): HTMLElement {
  return kept(ctx, id) ? keepMarker(id) : section(title, id, ...build());
}

/** A chart, kept as it is while a playground draw finds it off screen. */
function chartOrKept(ctx: Context, id: string, build: () => HTMLElement): HTMLElement {
  return kept(ctx, `chart:${id}`) ? keepMarker(`chart:${id}`, 'figure') : build();
}

function section(title: string, id: string, ...children: Child[]): HTMLElement {
  return el('section', { class: `block ${id}`, attrs: { 'aria-label': title, 'data-block': id } }, el('h2', {}, title), ...children);
}

/**
 * A section whose heading is there at once and whose body is built later (defer.ts), unless the
 * section was on screen in the previous render.
 */
function lazySection(ctx: Context, title: string, id: string, estimate: number, build: () => Child[]): HTMLElement {
  if (ctx.visible.has(id)) return section(title, id, ...build());
  if (ctx.interactive && ctx.heights.has(id)) return keepMarker(id);
  const body = () => {
    const fragment = document.createDocumentFragment();
    for (const child of build()) if (child) fragment.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    return fragment;
  };
  return section(title, id, ctx.deferred.slot(id, ctx.heights.get(id) ?? estimate, body));
}

function readSection(model: ViewModel, ctx: Context): HTMLElement {
  const post = ctx.post;
  const src = model.source;
  const lines = src.line === src.endLine ? t('read.line', src.line) : t('read.lines', src.line, src.endLine);
  return block(ctx, t('block.read'), 'read', () => [
    el(
      'p',
      { class: 'source' },
      el('span', { class: 'file-name' }, src.fileName),
      `, ${lines} `,
      button(t('read.reveal'), 'revealSource', () => post({ type: 'reveal' }), { class: 'link' }),
    ),
    el('p', { class: 'shape' }, model.shape),
    model.notes.length > 0 ? el('ul', { class: 'notes' }, ...model.notes.map((n) => el('li', {}, n))) : null,
    model.warnings.length > 0
      ? el('ul', { class: 'warnings', attrs: { 'aria-label': t('read.warnings') } }, ...model.warnings.map((w) => el('li', {}, el('span', { class: 'warning-mark', attrs: { 'aria-hidden': 'true' } }, '⚠ '), w)))
      : null,
  ]);
}

function figuresSection(figures: readonly FigureView[], ctx: Context): HTMLElement {
  return block(ctx, t('block.figures'), 'figures', () => [
    el(
      'dl',
      { class: 'figure-grid' },
      ...figures.map((f) =>
        el(
          'div',
          { class: 'figure', attrs: { 'data-key': f.key } },
          figureTerm(f),
          el(
            'dd',
            {},
            el('span', { class: 'value' }, f.display),
            f.unit ? el('span', { class: 'unit' }, ` ${f.unit}`) : null,
            f.cause ? el('span', { class: 'cause' }, ` ${t('figure.cause', f.cause)}`) : null,
            f.condition ? el('span', { class: 'condition' }, ` (${f.condition})`) : null,
          ),
        ),
      ),
    ),
  ]);
}

/** "= 0.200777 nats" for a figure, shown under a formula whose end may scroll out of view. */
function figureText(model: ViewModel, key: string): string | undefined {
  const f = model.figures.find((x) => x.key === key);
  return f ? `${f.label} = ${f.display}${f.unit ? ` ${f.unit}` : ''}` : undefined;
}

interface CardOptions {
  /** The card's own h3 title; off where the section heading already says it. */
  readonly heading?: boolean;
  /** The general (symbolic) formula; off where it was just shown, e.g. as a derivation step. */
  readonly symbolic?: boolean;
}

function formulaCard(formula: FormulaView, post: Post, value?: string, options: CardOptions = {}): HTMLElement {
  const symbolic = options.symbolic !== false;
  return el(
    'article',
    { class: 'formula', attrs: { 'data-formula': formula.id } },
    options.heading === false ? null : el('h3', {}, formula.title),
    value ? el('p', { class: 'formula-value' }, value) : null,
    symbolic ? namedFormula(math(formula.tex, true), t('formula.symbolic', formula.title)) : null,
    el('div', { class: symbolic ? 'substituted' : 'substituted only' }, namedFormula(math(formula.substituted, true), t('formula.substituted', formula.title))),
    button(t('formula.copyLatex'), `copyLatex:${formula.id}`, () => post({ type: 'copyLatex', id: formula.id }), { class: 'link', attrs: { 'aria-label': t('formula.copyLatex.label', formula.title) } }),
  );
}

function lossSection(model: ViewModel, loss: LossView, ctx: Context): HTMLElement {
  return lossView(loss, {
    post: ctx.post,
    block: (title, id, build) => block(ctx, title, id, build),
    lazySection: (title, id, estimate, build) => lazySection(ctx, title, id, estimate, build),
    chartOrKept: (id, build) => chartOrKept(ctx, id, build),
    formulaCard: (formula, options) => formulaCard(formula, ctx.post, undefined, options),
    temperatureChart: ctx.playground?.temperatureChart(model),
    estimate: ESTIMATE,
  });
}
