import type { SequenceView } from '../shared/view-model';
import { fromWire } from '../shared/wire';
import { responsive } from './chart-width';
import { clip } from './clip-label';
import { niceTicks } from './charts';
import { chartFigure, compact, dataTable } from './data-figure';
import { el, svg } from './dom';
import { t } from './strings';

/**
 * A sequence's surprisal, token by token: one bar of −log p each, in the text's order, labelled with
 * the token (user text: always a text node), the mean surprisal as a dashed line across, and the
 * perplexity said in the caption and the key. A token of probability 0 runs to the top, marked ∞.
 * The tokens share the panel's width (chart-width.ts), each bar at most MAX_BAR_WIDTH wide.
 */

const PLOT = 200;
const MARGIN = { top: 24, right: 84, bottom: 76, left: 60 };
/** Tokens sit closer than bars: their labels keep fewer characters. */
const TOKEN_CHARS = 10;
/** Widest bar, so four tokens in a wide panel are bars, not slabs. */
const MAX_BAR_WIDTH = 40;
/** Horizontal room a label slanted at 55° needs from its neighbour's (11 px text). */
const SLANTED_PITCH = 14;

export function surprisalChart(sequence: SequenceView): HTMLElement {
  const bars = sequence.bars;
  const unit = sequence.unit;
  const graphic = responsive('surprisal', (width) => surprisalSvg(sequence, width));
  const key = el(
    'ul',
    { class: 'legend', attrs: { 'aria-hidden': 'true' } },
    el('li', {}, el('span', { class: 'swatch surprisal-swatch' }), sequence.runs ? t('surprisal.key.runs') : t('surprisal.key.tokens')),
    el('li', {}, el('span', { class: 'swatch mean-swatch' }), t('surprisal.key.mean', sequence.mean.display, unit)),
    el('li', {}, t('surprisal.key.perplexity', sequence.perplexity.display)),
  );
  const table = () =>
    sequence.runs
      ? dataTable(sequence.title, [t('surprisal.table.tokens'), t('surprisal.table.meanSurprisal', unit)], bars.map((bar) => [bar.label, bar.surprisal.display]), [t('surprisal.table.mean'), sequence.mean.display])
      : dataTable(
          sequence.title,
          ['#', t('surprisal.table.token'), t('surprisal.table.logprob'), `−log p (${unit})`],
          bars.map((bar) => [String(bar.from), bar.label, bar.logprob?.display ?? '', bar.surprisal.display]),
          [t('surprisal.table.mean'), '', '', sequence.mean.display],
        );
  return chartFigure('surprisal', sequence.title, sequence.caption, graphic, table, bars.length, { key });
}

/** The bars at `width` px: each token a slot of the plot's width, its bar centred in it. */
function surprisalSvg(sequence: SequenceView, width: number): SVGSVGElement {
  const bars = sequence.bars;
  const slot = (width - MARGIN.left - MARGIN.right) / Math.max(1, bars.length);
  const barWidth = Math.min(MAX_BAR_WIDTH, slot);
  // A gap between neighbouring bars, unless they are too thin to spare it.
  const inset = barWidth >= 6 ? 1 : barWidth * 0.1;
  const right = width - MARGIN.right;
  const height = MARGIN.top + PLOT + MARGIN.bottom;
  const values = bars.map((bar) => fromWire(bar.surprisal.value));
  const mean = fromWire(sequence.mean.value);
  let hi = 0;
  for (const v of values) if (Number.isFinite(v)) hi = Math.max(hi, v);
  if (Number.isFinite(mean)) hi = Math.max(hi, mean);
  const axis = niceTicks(0, hi > 0 ? hi : 1);
  const y = (v: number) => MARGIN.top + ((axis.hi - v) / (axis.hi - axis.lo)) * PLOT;
  const zero = y(0);
  const unit = sequence.unit;
  const root = svg('svg', {
    class: 'chart surprisal-chart',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': t('figure.label', sequence.title, sequence.caption),
  });
  for (const tick of axis.ticks) {
    root.appendChild(svg('line', { class: tick === 0 ? 'axis' : 'grid', x1: MARGIN.left, x2: right, y1: y(tick), y2: y(tick) }));
    root.appendChild(svg('text', { class: 'tick', x: MARGIN.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, compact(tick)));
  }
  root.appendChild(svg('text', { class: 'axis-label', x: 14, y: MARGIN.top + PLOT / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${MARGIN.top + PLOT / 2})` }, `−log p (${unit})`));
  // Short labels (indices, one-character tokens) stand upright under their bar; longer ones slant.
  const upright = bars.every((bar) => bar.shown.length * 7 <= slot - 2);
  // Slanted labels need about 14 px between them: narrow slots are labelled every k-th one (the
  // tooltip and the data table name each).
  const every = upright ? 1 : Math.max(1, Math.ceil(SLANTED_PITCH / slot));
  bars.forEach((bar, k) => {
    const v = values[k];
    const x = MARGIN.left + k * slot + (slot - barWidth) / 2;
    const infinite = !Number.isFinite(v);
    const top = infinite ? MARGIN.top : y(v);
    const what = sequence.runs ? bar.label : t('surprisal.token', bar.from, bar.label);
    const logprob = bar.logprob ? `, log p = ${bar.logprob.display}` : '';
    root.appendChild(
      svg(
        'rect',
        {
          class: `bar surprisal-bar${infinite ? ' infinite' : ''}`,
          x: x + inset,
          y: top,
          width: barWidth - 2 * inset,
          height: Math.max(zero - top, v === 0 ? 0 : 1),
          'data-index': k,
          'data-value': v,
        },
        svg('title', {}, `${what}: −log p = ${bar.surprisal.display} ${unit}${logprob}`),
      ),
    );
    if (infinite) root.appendChild(svg('text', { class: 'tick infinite-label', x: x + barWidth / 2, y: MARGIN.top - 6, 'text-anchor': 'middle' }, '∞'));
    if (k % every !== 0) return;
    const lx = x + barWidth / 2;
    const ly = zero + 14;
    root.appendChild(
      svg(
        'text',
        upright
          ? { class: 'x-label token-label', x: lx, y: ly + 2, 'text-anchor': 'middle', 'data-index': k }
          : { class: 'x-label token-label', x: lx, y: ly, 'text-anchor': 'end', transform: `rotate(-55 ${lx} ${ly})`, 'data-index': k },
        svg('title', {}, bar.label),
        clip(bar.shown, TOKEN_CHARS),
      ),
    );
  });
  if (Number.isFinite(mean)) {
    const my = y(mean);
    root.appendChild(svg('line', { class: 'mean-line', x1: MARGIN.left, x2: right, y1: my, y2: my, 'data-value': mean }));
    root.appendChild(svg('text', { class: 'tick mean-label', x: right + 4, y: my + 4, 'text-anchor': 'start' }, t('surprisal.mean', compact(mean))));
  }
  return root;
}
