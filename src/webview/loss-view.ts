import type { FromWebview } from '../shared/protocol';
import type { ConventionsView, CurveChart, FormulaView, LossOptionView, LossView } from '../shared/view-model';
import { barChart, curveChart } from './charts';
import { button, el, type Child } from './dom';
import { namedFormula } from './figure-names';
import { math } from './math';
import { t } from './strings';

/**
 * The visualizer's loss view: the output distribution, the options the loss was computed with, the
 * derivation, the loss on these numbers, the four conventions side by side when they differ, the
 * equivalences and the charts. The page's block machinery (kept, deferred and lazy sections) stays
 * in render.ts, which hands it over as `LossParts`.
 */

export interface LossParts {
  readonly post: (message: FromWebview) => void;
  /** A block built at every draw, unless kept (render.ts). */
  readonly block: (title: string, id: string, build: () => Child[]) => HTMLElement;
  /** A block whose body is built when it nears the viewport. */
  readonly lazySection: (title: string, id: string, estimate: number, build: () => Child[]) => HTMLElement;
  /** A chart, kept while a playground draw finds it off screen. */
  readonly chartOrKept: (id: string, build: () => HTMLElement) => HTMLElement;
  readonly formulaCard: (formula: FormulaView, options: { readonly heading?: boolean; readonly symbolic?: boolean }) => HTMLElement;
  /** The playground's loss-against-temperature chart, when it has one. */
  readonly temperatureChart: CurveChart | undefined;
  readonly estimate: { readonly barChart: number; readonly curveChart: number; readonly equivalence: number };
}

export function lossSection(loss: LossView, parts: LossParts): HTMLElement {
  const { post, block, lazySection, chartOrKept, formulaCard, estimate } = parts;
  const wrap = el('div', { class: 'loss' });
  wrap.appendChild(
    block(t('loss.distribution', loss.distribution), 'distribution', () => [
      el('p', {}, ...around(t('loss.summary', '{0}', loss.samples.toLocaleString('en-US')), el('strong', {}, `${loss.label} (${loss.name.toUpperCase()})`))),
      el('p', { class: 'reason' }, t('loss.why', loss.reason)),
    ]),
  );
  if (loss.options.length > 0) wrap.appendChild(block(t('loss.options'), 'loss-options', () => [optionsList(loss.options)]));
  const smoothing = loss.smoothing;
  if (smoothing) wrap.appendChild(block(t('loss.smoothing'), 'smoothing', () => [formulaCard(smoothing, { heading: false })]));
  wrap.appendChild(
    block(t('loss.derivation'), 'derivation', () => [
      el(
        'ol',
        { class: 'steps' },
        ...loss.derivation.map((step, i) =>
          el(
            'li',
            { attrs: { 'data-step': String(i) } },
            el('p', { class: 'step-caption' }, step.caption),
            // A step's formula scrolls sideways in a narrow panel, and is then a Tab stop: it is named.
            namedFormula(math(step.tex, true), t('loss.step', i + 1, step.caption)),
            button(t('loss.step.copyLatex'), `copyLatex:step-${i}`, () => post({ type: 'copyLatex', id: `step-${i}` }), { class: 'link', attrs: { 'aria-label': t('loss.step.copyLatex.label', i + 1) } }),
          ),
        ),
      ),
    ]),
  );
  // The general formula is derivation step 3, just above: here only the numbers substituted. With
  // options, the card's formula is the loss as computed (Σ for a sum, w_c, ε, a clamp).
  const conventions = loss.conventions;
  wrap.appendChild(
    block(t('loss.formula'), 'loss-formula', () => [
      formulaCard(loss.formula, { symbolic: loss.options.length > 0 }),
      conventions && !conventions.differ ? el('p', { class: 'conventions-agree' }, t('loss.conventions.agree', conventions.rows[0].display)) : null,
    ]),
  );
  if (conventions?.differ) wrap.appendChild(block(t('loss.conventions'), 'conventions', () => [conventionsTable(conventions)]));
  if (loss.equivalences.length > 0) {
    wrap.appendChild(
      lazySection(t('loss.equivalences'), 'equivalences', loss.equivalences.length * estimate.equivalence, () =>
        loss.equivalences.map((e) => el('article', { class: 'formula equivalence' }, el('h3', {}, e.title), el('p', {}, e.caption), math(e.tex, true))),
      ),
    );
  }
  wrap.appendChild(
    lazySection(t('loss.charts'), 'charts', estimate.barChart + 2 * estimate.curveChart, () => {
      const chart = parts.temperatureChart;
      const curve = loss.curve;
      return [
        chartOrKept(loss.perSample.id, () => barChart(loss.perSample)),
        curve ? chartOrKept(curve.id, () => curveChart(curve)) : el('p', { class: 'notice-box' }, loss.curveMissing ?? ''),
        chart ? chartOrKept(chart.id, () => curveChart(chart)) : null,
      ];
    }),
  );
  return wrap;
}

/** Each option as PyTorch names it, its value, and what it did to these numbers. */
function optionsList(options: readonly LossOptionView[]): HTMLElement {
  return el(
    'dl',
    { class: 'loss-options' },
    ...options.map((option) =>
      el('div', { attrs: { 'data-option': option.key } }, el('dt', {}, el('code', {}, option.name), ' = ', el('span', { class: 'option-value' }, option.value)), el('dd', {}, option.effect)),
    ),
  );
}

/** The four conventions' figures, the one `loss.value` follows marked (and said, for a screen reader). */
function conventionsTable(view: ConventionsView): HTMLElement {
  return el(
    'table',
    { class: 'conventions' },
    el('caption', {}, t('loss.conventions.caption', view.follows)),
    el('thead', {}, el('tr', {}, ...[t('loss.conventions.convention'), t('loss.conventions.framework'), t('loss.conventions.rule'), view.column].map((heading) => el('th', { attrs: { scope: 'col' } }, heading)))),
    el(
      'tbody',
      {},
      ...view.rows.map((row) =>
        el(
          'tr',
          { class: row.follows ? 'follows' : '', attrs: { 'data-convention': row.convention, ...(row.follows ? { 'aria-current': 'true' } : {}) } },
          el('th', { attrs: { scope: 'row' } }, el('code', {}, row.convention), row.follows ? el('span', { class: 'follows-mark' }, ` ${t('loss.conventions.follows')}`) : null),
          el('td', {}, row.framework),
          el('td', {}, row.rule),
          el('td', { class: 'number' }, row.display),
        ),
      ),
    ),
  );
}

/** A sentence with `{0}` in it, split around an element put in its place (the element stays markup, the words text). */
function around(sentence: string, node: HTMLElement): Child[] {
  const at = sentence.indexOf('{0}');
  if (at < 0) return [node, ' ', sentence];
  return [sentence.slice(0, at) || null, node, sentence.slice(at + 3) || null];
}
