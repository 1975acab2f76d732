import type { LiveHistory, LivePoint, LiveView } from '../shared/live';
import type { FromWebview } from '../shared/protocol';
import { fromWire } from '../shared/wire';
import { responsive } from './chart-width';
import { niceTicks } from './charts';
import { button, el, svg } from './dom';
import { t } from './strings';

/**
 * The panel's live section, for a value read in a paused debug session: where it was read, the
 * Follow toggle, and the history of its headline figure (H, D_KL(P‖Q), the loss) at each stop while
 * following — a small line chart over the stop number, with its data table. Styled by the charts'
 * own classes (axis, grid, tick, line, mark).
 */
export function liveSection(live: LiveView, post: (message: FromWebview) => void): HTMLElement {
  const follow =
    live.canFollow || live.following
      ? button(live.following ? t('live.following') : t('live.follow'), 'follow', () => post({ type: 'setFollowing', following: !live.following }), {
          class: live.following ? 'toggle pressed follow' : 'toggle follow',
          attrs: {
            'aria-pressed': String(live.following),
            title: live.following ? t('live.following.title') : t('live.follow.title'),
          },
        })
      : null;
  return el(
    'section',
    { class: 'block live', attrs: { 'aria-label': t('live.title'), 'data-block': 'live' } },
    el('h2', {}, t('live.title')),
    el('p', { class: 'live-status' }, el('strong', { class: 'live-title' }, live.title), ` — ${live.status}`),
    follow,
    live.history && live.history.points.length > 0 ? historyFigure(live.history) : null,
  );
}

const PLOT = 150;
const MARGIN = { top: 18, right: 16, bottom: 36, left: 56 };

function historyFigure(history: LiveHistory): HTMLElement {
  const title = history.unit ? t('live.history.titleWithUnit', history.label, history.unit) : t('live.history.title', history.label);
  const count = history.points.length;
  const table = el('details', { class: 'data-table' }, el('summary', {}, count === 1 ? t('live.history.table.one') : t('live.history.table.many', count)), pointsTable(history, title));
  return el(
    'figure',
    { class: 'chart-figure history', attrs: { 'data-chart': 'history' } },
    el('figcaption', {}, el('strong', {}, title), ' ', el('span', { class: 'caption' }, t('live.history.caption'))),
    el('div', { class: 'chart-scroll' }, responsive('history', (width) => historyChart(history, title, width))),
    table,
  );
}

/** The history at `width` px: the panel's width, drawn again when it changes (chart-width.ts). */
function historyChart(history: LiveHistory, title: string, width: number): SVGSVGElement {
  const points = history.points;
  const finite = points.map(valueOf).filter((v): v is number => v !== undefined && Number.isFinite(v));
  const first = points[0].stop;
  const last = Math.max(points[points.length - 1].stop, first + 1);
  const axis = finite.length > 0 ? niceTicks(Math.min(0, ...finite), Math.max(...finite) || 1) : niceTicks(0, 1);
  const height = MARGIN.top + PLOT + MARGIN.bottom;
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const sx = (stop: number) => left + ((stop - first) / (last - first)) * (right - left);
  const sy = (v: number) => MARGIN.top + ((axis.hi - Math.min(Math.max(v, axis.lo), axis.hi)) / (axis.hi - axis.lo)) * PLOT;
  const root = svg('svg', { class: 'chart curve-chart chart-history', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': points.length === 1 ? t('live.history.chart.one', title) : t('live.history.chart.many', title, points.length) });
  root.appendChild(svg('line', { class: 'axis', x1: left, x2: right, y1: sy(axis.lo), y2: sy(axis.lo) }));
  root.appendChild(svg('line', { class: 'axis', x1: left, x2: left, y1: MARGIN.top, y2: sy(axis.lo) }));
  for (const tick of axis.ticks) {
    root.appendChild(svg('line', { class: 'grid', x1: left, x2: right, y1: sy(tick), y2: sy(tick) }));
    root.appendChild(svg('text', { class: 'tick', x: left - 6, y: sy(tick) + 4, 'text-anchor': 'end' }, short(tick)));
  }
  for (const tick of stopTicks(first, last)) root.appendChild(svg('text', { class: 'tick', x: sx(tick), y: sy(axis.lo) + 16, 'text-anchor': 'middle' }, String(tick)));
  root.appendChild(svg('text', { class: 'axis-label', x: (left + right) / 2, y: height - 4, 'text-anchor': 'middle' }, t('live.history.stop')));
  // One path per run of consecutive stops read: a stop that could not be read breaks the line.
  let d = '';
  let previous: LivePoint | undefined;
  for (const point of points) {
    const v = valueOf(point);
    if (v === undefined || !Number.isFinite(v)) {
      previous = undefined;
      continue;
    }
    d += `${previous && previous.stop === point.stop - 1 ? 'L' : 'M'}${sx(point.stop).toFixed(2)},${sy(v).toFixed(2)} `;
    previous = point;
  }
  if (d) root.appendChild(svg('path', { class: 'line line-0', d: d.trim() }));
  for (const point of points) {
    const v = valueOf(point);
    const cx = sx(point.stop);
    const label = t('live.history.point', point.stop, point.place, point.note ?? point.display);
    if (v === undefined) {
      root.appendChild(svg('text', { class: 'tick missing', x: cx, y: sy(axis.lo) - 4, 'text-anchor': 'middle' }, '×', svg('title', {}, label)));
    } else {
      const infinite = !Number.isFinite(v);
      root.appendChild(svg('circle', { class: `mark series-0${infinite ? ' infinite' : ''}`, cx, cy: infinite ? MARGIN.top : sy(v), r: 4 }, svg('title', {}, label)));
      if (infinite) root.appendChild(svg('text', { class: 'tick infinite-label', x: cx, y: MARGIN.top - 6, 'text-anchor': 'middle' }, v > 0 ? '∞' : 'NaN'));
    }
  }
  return root;
}

function pointsTable(history: LiveHistory, title: string): HTMLTableElement {
  return el(
    'table',
    { class: 'data' },
    el('caption', {}, title),
    el('thead', {}, el('tr', {}, el('th', { attrs: { scope: 'col' } }, t('live.history.stop')), el('th', { attrs: { scope: 'col' } }, t('live.history.pausedAt')), el('th', { attrs: { scope: 'col' } }, history.label))),
    el('tbody', {}, ...history.points.map((p) => el('tr', {}, el('th', { attrs: { scope: 'row' } }, String(p.stop)), el('td', {}, p.place), el('td', {}, p.note ?? p.display)))),
  );
}

function valueOf(point: LivePoint): number | undefined {
  return point.value === undefined ? undefined : fromWire(point.value);
}

/** At most about eight whole stop numbers along the axis. */
function stopTicks(first: number, last: number): number[] {
  const step = Math.max(1, Math.ceil((last - first) / 8));
  const ticks: number[] = [];
  for (let tick = first; tick <= last; tick += step) ticks.push(tick);
  return ticks;
}

function short(value: number): string {
  return Number.parseFloat(value.toPrecision(4)).toString();
}
