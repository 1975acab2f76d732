import type { Histogram } from '../shared/view-model';
import { responsive } from './chart-width';
import { legend, niceTicks } from './charts';
import { chartFigure } from './data-figure';
import { el, svg } from './dom';
import { edgeLabels } from './edge-labels';
import { t } from './strings';

/**
 * A long vector's probabilities as a histogram (src/shared/model/histogram.ts bins them): the
 * probability along x, on a log axis when the values span a decade or more, and how many elements
 * fall in each bin as the height — P and Q side by side within a bin. Exact zeros get a bar of their
 * own left of the axis. Drawn above the vector's largest bars, which still name its largest elements.
 */

const MARGIN = { top: 16, right: 16, bottom: 48, left: 60 };
const PLOT = 160;
/** Room an x tick's text needs from its neighbour's. */
const TICK_PITCH = 48;

export function histogramChart(hist: Histogram): HTMLElement {
  const graphic = responsive(hist.id, (width) => histogramSvg(hist, width));
  const zeros = hist.zeros.reduce((a, b) => a + b, 0);
  const heights = hist.scale === 'log' ? t('histogram.caption.log', perDecade(hist)) : t('histogram.caption.linear');
  const zerosSaid = hist.zeros.map((z, s) => `${hist.series.length > 1 ? `${hist.series[s]}: ` : ''}${z.toLocaleString('en-US')}`).join(', ');
  const caption = zeros > 0 ? `${heights} ${t('histogram.caption.zeros', zerosSaid)}` : heights;
  const edge = binEdges(hist);
  const table = () =>
    el(
      'table',
      { class: 'data' },
      el('caption', {}, hist.title),
      el('thead', {}, el('tr', {}, el('th', { attrs: { scope: 'col' } }, t('histogram.table.from')), el('th', { attrs: { scope: 'col' } }, t('histogram.table.to')), ...hist.series.map((name) => el('th', { attrs: { scope: 'col' } }, t('histogram.table.elements', name))))),
      el(
        'tbody',
        {},
        zeros > 0 ? el('tr', {}, el('th', { attrs: { scope: 'row' } }, '0'), el('td', {}, t('histogram.table.zero')), ...hist.zeros.map((z) => el('td', {}, count(z)))) : null,
        ...hist.bins.map((bin, k) => el('tr', {}, el('th', { attrs: { scope: 'row' } }, edge[k]), el('td', {}, edge[k + 1]), ...bin.counts.map((c) => el('td', {}, count(c))))),
      ),
    );
  const rows = hist.bins.length + (zeros > 0 ? 1 : 0);
  return chartFigure(hist.id, hist.title, caption, graphic, table, rows, { key: legend(hist.series, 'series'), unit: 'bin' });
}

function histogramSvg(hist: Histogram, width: number): SVGSVGElement {
  const height = MARGIN.top + PLOT + MARGIN.bottom;
  const seriesCount = hist.series.length;
  const anyZero = hist.zeros.some((z) => z > 0);
  // The zeros' bar sits apart, left of the probability axis.
  const zeroWidth = anyZero ? Math.min(36, (width - MARGIN.left - MARGIN.right) * 0.08) : 0;
  const left = MARGIN.left + (anyZero ? zeroWidth + 12 : 0);
  const right = width - MARGIN.right;
  const lo = hist.bins[0]?.lo ?? 0;
  const hi = hist.bins[hist.bins.length - 1]?.hi ?? 1;
  const log = hist.scale === 'log';
  const position = log ? (p: number) => (Math.log(p) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (p: number) => (p - lo) / (hi - lo || 1);
  const sx = (p: number) => left + position(p) * (right - left);
  let most = 0;
  for (const bin of hist.bins) for (const c of bin.counts) most = Math.max(most, c);
  for (const z of hist.zeros) most = Math.max(most, z);
  const yAxis = niceTicks(0, Math.max(1, most));
  const sy = (c: number) => MARGIN.top + PLOT - (c / yAxis.hi) * PLOT;
  const edge = binEdges(hist);
  const fullest = hist.bins.reduce((best, bin, k) => (Math.max(...bin.counts) > Math.max(...hist.bins[best].counts) ? k : best), 0);
  const said = [
    hist.title,
    seriesCount > 1 ? t('histogram.elements.each', count(hist.total)) : t('histogram.elements', count(hist.total)),
    hist.bins.length,
    hist.bins.length > 0 ? t('histogram.label.fullest', edge[fullest], edge[fullest + 1]) : '',
  ];
  const root = svg('svg', {
    class: 'chart histogram-chart',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': log ? t('histogram.label.log', ...said) : t('histogram.label.linear', ...said),
  });
  for (const t of yAxis.ticks) {
    root.appendChild(svg('line', { class: t === 0 ? 'axis' : 'grid', x1: MARGIN.left, x2: right, y1: sy(t), y2: sy(t) }));
    root.appendChild(svg('text', { class: 'tick', x: MARGIN.left - 6, y: sy(t) + 4, 'text-anchor': 'end' }, count(t)));
  }
  const bar = (x: number, w: number, c: number, s: number, attrs: Record<string, string | number>, title: string) => {
    // A bin holding a few elements among 100,000 is still seen.
    const h = c > 0 ? Math.max(2, sy(0) - sy(c)) : 0;
    root.appendChild(svg('rect', { class: `bin series-${s}`, x, y: sy(0) - h, width: Math.max(0.5, w), height: h, 'data-series': s, 'data-count': c, ...attrs }, svg('title', {}, title)));
  };
  const who = (s: number) => (seriesCount > 1 ? `${hist.series[s]}: ` : '');
  if (anyZero) {
    hist.zeros.forEach((z, s) => bar(MARGIN.left + (s * zeroWidth) / seriesCount, zeroWidth / seriesCount - 1, z, s, { 'data-zero': '' }, t('histogram.bin.zero', who(s), count(z))));
    root.appendChild(svg('text', { class: 'tick', x: MARGIN.left + zeroWidth / 2, y: sy(0) + 16, 'text-anchor': 'middle' }, '0'));
  }
  hist.bins.forEach((bin, k) => {
    const x0 = sx(bin.lo);
    const w = (sx(bin.hi) - x0) / seriesCount;
    bin.counts.forEach((c, s) => bar(x0 + s * w + 0.5, w - 1, c, s, { 'data-lo': bin.lo, 'data-hi': bin.hi }, t('histogram.bin', who(s), count(c), edge[k], edge[k + 1])));
  });
  const xTicks = log ? decadeTicks(lo, hi) : niceTicks(lo, hi, Math.max(2, Math.floor((right - left) / 90))).ticks.filter((t) => t >= lo && t <= hi);
  const tickLabels = edgeLabels(xTicks);
  const every = Math.max(1, Math.ceil(TICK_PITCH / ((right - left) / Math.max(1, xTicks.length - 1))));
  xTicks.forEach((t, k) => {
    if (k % every !== 0) return;
    root.appendChild(svg('line', { class: 'axis', x1: sx(t), x2: sx(t), y1: sy(0), y2: sy(0) + 4 }));
    root.appendChild(svg('text', { class: 'tick', x: sx(t), y: sy(0) + 16, 'text-anchor': 'middle' }, log ? power(t) : tickLabels[k]));
  });
  root.appendChild(svg('text', { class: 'axis-label', x: (left + right) / 2, y: height - 8, 'text-anchor': 'middle' }, log ? t('histogram.axis.log') : t('histogram.axis.linear')));
  return root;
}

/** The whole decades inside [lo, hi]. */
function decadeTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let k = Math.ceil(Math.log10(lo) - 1e-9); k <= Math.floor(Math.log10(hi) + 1e-9); k++) ticks.push(Number(`1e${k}`));
  return ticks;
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** 10⁻⁵ for 1e-5; 1 and 10 as they are. */
function power(t: number): string {
  const k = Math.round(Math.log10(t));
  if (k === 0 || k === 1) return String(t);
  return `10${[...String(k)].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/** The bins' edges as printed, lowest first: bin k runs from label k to label k + 1. */
function binEdges(hist: Histogram): string[] {
  return hist.bins.length === 0 ? [] : edgeLabels([hist.bins[0].lo, ...hist.bins.map((bin) => bin.hi)]);
}

function count(c: number): string {
  return c.toLocaleString('en-US');
}

/** 10, 5, 4, 2 or 1: the bins of the first whole decade of the axis. */
function perDecade(hist: Histogram): number {
  const inner = hist.bins.slice(1, -1);
  const bin = inner[0] ?? hist.bins[0];
  return bin ? Math.max(1, Math.round(1 / Math.log10(bin.hi / bin.lo))) : 1;
}
