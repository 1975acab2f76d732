import type { BarChart, CurveChart, CurveMark } from '../shared/view-model';
import { fromWire } from '../shared/wire';
import { responsive } from './chart-width';
import { clip } from './clip-label';
import { chartFigure } from './data-figure';
import { sampleLabels } from './sample-labels';
import { el, svg } from './dom';
import { t } from './strings';

/**
 * Hand-written SVG charts: grouped (optionally signed) bars and curves with marked points. Colours
 * come from CSS classes whose rules use only --vscode-* variables (media/visualizer.css), so the
 * charts follow light, dark and high-contrast themes. Every chart comes with its data as a table.
 * Each is drawn at the panel's width and drawn again when it changes (chart-width.ts).
 */

const BAR_HEIGHT = 200;
const MARGIN = { top: 22, right: 16, bottom: 64, left: 60 };

/** Three significant digits for axis ticks. */
export function tick(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e4 || abs < 1e-3) return value.toExponential(1).replace(/-/g, '−');
  return Number(value.toPrecision(3)).toString().replace(/-/g, '−');
}

/** A round step near `raw`: 1, 2, 2.5 or 5 × 10^k (the smallest of them ≥ raw). */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const norm = raw / magnitude;
  const step = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
  return step * magnitude;
}

/** Strips binary noise: 0.30000000000000004 → 0.3. */
function round(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Round ticks covering [lo, hi]: the axis runs from the nice tick below `lo` to the nice tick above
 * `hi` (strictly, so the largest bar never touches the top line; zero stays the end when a range stops
 * at zero), about `intervals` steps of 1, 2, 2.5 or 5 × 10^k apart. Zero is a tick whenever the range
 * spans it.
 */
export function niceTicks(lo: number, hi: number, intervals = 4): { lo: number; hi: number; ticks: number[] } {
  if (!(hi > lo)) hi = lo + 1;
  const step = niceStep((hi - lo) / intervals);
  const first = lo < 0 ? Math.ceil(round(lo / step)) - 1 : Math.floor(round(lo / step));
  const last = hi > 0 ? Math.floor(round(hi / step)) + 1 : Math.ceil(round(hi / step));
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(round(k * step));
  return { lo: ticks[0], hi: ticks[ticks.length - 1], ticks };
}

/** Ticks at least `gap` px apart, in order of preference (zero first): a tiny negative range no
 * longer prints "−4.0e−6" on top of "0". */
function spaced(ticks: readonly number[], y: (v: number) => number, gap = 14): number[] {
  const kept: number[] = [];
  for (const t of ticks) if (!kept.some((k) => k === t || Math.abs(y(k) - y(t)) < gap)) kept.push(t);
  return kept;
}

export function legend(series: readonly string[], prefix: string): HTMLElement {
  return el(
    'ul',
    { class: 'legend', attrs: { 'aria-hidden': 'true' } },
    ...series.map((name, s) => el('li', {}, el('span', { class: `swatch ${prefix}-${s}` }), name)),
  );
}

/** How the page draws a draggable chart right now (webview/drag.ts): which bar takes Tab, the axis held still during a drag. */
export interface BarOptions {
  /** `data-focus` key of the bar in the tab order (one per chart: arrows move between bars). */
  readonly activeBar?: string;
  /** The axis top while a bar is dragged, so the scale does not move under the pointer. */
  readonly fixedHi?: number;
}

/** The `data-focus` key of a draggable bar. */
export function barKey(chart: string, series: number, index: number): string {
  return `bar:${chart}:${series}:${index}`;
}

export function barChart(chart: BarChart, options: BarOptions = {}): HTMLElement {
  const graphic = responsive(chart.id, (width) => barSvg(chart, options, width));
  const table = () => {
    const head = el('tr', {}, el('th', { attrs: { scope: 'col' } }, t('chart.table.element')), ...chart.series.map((name) => el('th', { attrs: { scope: 'col' } }, name)));
    const body = chart.rows.map((row) =>
      el('tr', { class: row.other ? 'other' : '' }, el('th', { attrs: { scope: 'row' } }, row.label), ...row.displays.map((d) => el('td', {}, d))),
    );
    return el('table', { class: 'data' }, el('caption', {}, chart.title), el('thead', {}, head), el('tbody', {}, ...body));
  };
  return chartFigure(chart.id, chart.title, chart.caption, graphic, table, chart.rows.length, { key: legend(chart.series, 'series') });
}

/** Widest bar, so three elements in a wide panel are bars, not slabs. */
const MAX_BAR_WIDTH = 40;
/** Horizontal room a label slanted at 35° needs from its neighbour's (11 px text). */
const SLANTED_PITCH = 19;

/** The bars at `width` px: the groups share the plot's width, the bars at most MAX_BAR_WIDTH wide. */
function barSvg(chart: BarChart, options: BarOptions, width: number): SVGSVGElement {
  const groups = chart.rows.length;
  const seriesCount = chart.series.length;
  const groupWidth = (width - MARGIN.left - MARGIN.right) / Math.max(1, groups);
  const barWidth = Math.min(MAX_BAR_WIDTH, (groupWidth * 0.8) / seriesCount);
  // A gap between neighbouring bars, unless they are too thin to spare it.
  const inset = barWidth >= 6 ? 1 : barWidth * 0.1;
  const height = MARGIN.top + BAR_HEIGHT + MARGIN.bottom;

  let lo = 0;
  let hi = 0;
  let otherHi = 0;
  for (const row of chart.rows) {
    for (const wire of row.values) {
      const v = fromWire(wire);
      if (!Number.isFinite(v)) continue;
      if (row.other) otherHi = Math.max(otherHi, v);
      else hi = Math.max(hi, v);
      lo = Math.min(lo, v);
    }
  }
  // "The other 9,969" summed can dwarf every kept bar (0.97 against 0.001): scaled to it, the kept
  // bars would be invisible. Then the axis fits the kept bars and the folded bar is drawn broken,
  // its value written above it.
  const breakOther = hi > 0 && otherHi > 3 * hi;
  if (!breakOther) hi = Math.max(hi, otherHi);
  if (chart.reference && Number.isFinite(chart.reference.value)) hi = Math.max(hi, chart.reference.value);
  if (!chart.signed) lo = 0;
  if (options.fixedHi !== undefined && chart.draggable) hi = Math.max(hi, options.fixedHi);
  if (hi === lo) hi = lo + 1;
  // Round ticks, the axis reaching the first one above the largest value (and below the smallest):
  // 0, 0.2, 0.4, 0.6 for a largest bar of 0.511, rather than 0, 0.255, 0.511.
  const axis = niceTicks(lo, hi);
  lo = axis.lo;
  hi = axis.hi;
  const y = (v: number) => MARGIN.top + ((hi - v) / (hi - lo)) * BAR_HEIGHT;
  const zero = y(0);

  const draggable = chart.draggable === true;
  // Draggable bars are sliders: a role="img" would hide them from screen readers, so the chart is a group.
  const root = svg('svg', {
    class: draggable ? 'chart bar-chart draggable' : 'chart bar-chart',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: draggable ? 'group' : 'img',
    'aria-label': draggable
      ? t('chart.label.draggable', chart.title, chart.caption)
      : t('figure.label', chart.title, chart.caption),
    // Where the value axis is, for the pointer (webview/drag.ts).
    'data-top': MARGIN.top,
    'data-zero': zero,
    'data-hi': hi,
  });
  const firstBar = chart.rows.find((row) => row.index !== undefined && !row.other);
  const tabBar = options.activeBar ?? (firstBar ? barKey(chart.id, 0, firstBar.index!) : undefined);
  // Axis and ticks.
  // Zero first, then the ends, then the rest: where ticks would crowd, the inner ones give way.
  const ticks = spaced([0, hi, lo, ...axis.ticks.filter((t) => t !== 0 && t !== hi && t !== lo)], y);
  for (const t of ticks) {
    root.appendChild(svg('line', { class: t === 0 ? 'axis' : 'grid', x1: MARGIN.left, x2: width - MARGIN.right, y1: y(t), y2: y(t) }));
    root.appendChild(svg('text', { class: 'tick', x: MARGIN.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, tick(t)));
  }
  if (chart.reference && Number.isFinite(chart.reference.value)) {
    const ry = y(chart.reference.value);
    root.appendChild(svg('line', { class: 'reference', x1: MARGIN.left, x2: width - MARGIN.right, y1: ry, y2: ry }));
    root.appendChild(svg('text', { class: 'tick reference-label', x: width - MARGIN.right, y: ry - 4, 'text-anchor': 'end' }, chart.reference.label));
  }
  // Labels short enough to fit under their group (indices such as "0", "12") stand upright,
  // centred; longer ones are slanted so neighbours do not overlap.
  const upright = chart.rows.every((row) => !row.other && row.label.length * 7 <= groupWidth - 4);
  // Too narrow for every slanted label: every k-th (and the folded bar's) is written; all are in the
  // bars' titles and the data table.
  const labelEvery = upright ? 1 : Math.max(1, Math.ceil(SLANTED_PITCH / groupWidth));
  chart.rows.forEach((row, g) => {
    const gx = MARGIN.left + g * groupWidth + (groupWidth - barWidth * seriesCount) / 2;
    const brokenValues: string[] = [];
    row.values.forEach((wire, s) => {
      const v = fromWire(wire);
      const x = gx + s * barWidth;
      const infinite = !Number.isFinite(v);
      const broken = breakOther && row.other === true && v > hi;
      const top = infinite || broken ? (v < 0 ? zero : MARGIN.top) : Math.min(y(v), zero);
      const bottom = infinite ? (v < 0 ? MARGIN.top + BAR_HEIGHT : zero) : Math.max(y(v), zero);
      const drag = draggable && row.index !== undefined && !row.other && s < 2 && Number.isFinite(v);
      if (drag) {
        // The whole column takes the pointer, so a bar of height 0 can still be pulled up.
        root.appendChild(svg('rect', { class: 'bar-hit', x, y: MARGIN.top, width: barWidth, height: BAR_HEIGHT, 'data-drag': `${s}:${row.index}`, 'aria-hidden': 'true' }));
      }
      const key = drag ? barKey(chart.id, s, row.index) : '';
      const rect = svg(
        'rect',
        {
          class: `bar series-${s}${infinite ? ' infinite' : ''}${row.other ? ' other' : ''}`,
          x: x + inset,
          y: top,
          width: barWidth - 2 * inset,
          // A dragged bar at 0 keeps a sliver to show it is there.
          height: Math.max(bottom - top, v === 0 ? (drag ? 1 : 0) : 1),
          'data-series': s,
          ...(drag
            ? {
                'data-drag': `${s}:${row.index}`,
                'data-focus': key,
                tabindex: key === tabBar ? 0 : -1,
                role: 'slider',
                'aria-orientation': 'vertical',
                'aria-label': t('chart.bar.slider', chart.series[s], row.label),
                'aria-valuemin': 0,
                'aria-valuemax': 1,
                'aria-valuenow': v,
                'aria-valuetext': t('chart.bar.value', chart.series[s], row.label, row.displays[s] ?? ''),
              }
            : {}),
        },
        drag ? null : svg('title', {}, `${row.label}: ${chart.series[s]} = ${row.displays[s]}`),
      );
      root.appendChild(rect);
      if (broken) {
        // Two slanted cuts across the bar, in the page colour: the bar goes on beyond the axis.
        for (const dy of [10, 16]) root.appendChild(svg('line', { class: 'bar-break', x1: x - 1, x2: x + barWidth + 1, y1: MARGIN.top + dy + 3, y2: MARGIN.top + dy - 3 }));
        brokenValues.push(row.displays[s] ?? '');
      }
      if (infinite) {
        root.appendChild(svg('text', { class: 'tick infinite-label', x: x + barWidth / 2, y: MARGIN.top - 6, 'text-anchor': 'middle' }, v > 0 ? '∞' : v < 0 ? '−∞' : 'NaN'));
      }
    });
    // The broken bars' values, one label for the group (two side by side would overprint), ending at its right edge.
    if (brokenValues.length > 0) root.appendChild(svg('text', { class: 'tick broken-label', x: gx + barWidth * (seriesCount - 0.5), y: MARGIN.top - 6, 'text-anchor': 'end' }, brokenValues.join(' · ')));
    const lx = MARGIN.left + g * groupWidth + groupWidth / 2;
    const ly = MARGIN.top + BAR_HEIGHT + 14;
    if (!row.other && g % labelEvery !== 0) return;
    root.appendChild(
      svg(
        'g',
        {},
        svg('title', {}, row.label),
        upright
          ? svg('text', { class: 'x-label', x: lx, y: ly + 2, 'text-anchor': 'middle' }, row.label)
          : svg('text', { class: `x-label${row.other ? ' other' : ''}`, x: lx, y: ly, 'text-anchor': 'end', transform: `rotate(-35 ${lx} ${ly})` }, row.other ? row.label : clip(row.label)),
      ),
    );
  });
  return root;
}

/** Ticks of a log axis over [lo, hi]: 1, 2 and 5 × 10^k. */
export function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
    for (const m of [1, 2, 5]) {
      const t = round(m * Math.pow(10, k));
      if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) ticks.push(t);
    }
  }
  return ticks;
}

export function curveChart(chart: CurveChart): HTMLElement {
  const graphic = responsive(chart.id, (width) => curveSvg(chart, width));
  const table = () => {
    if (chart.xLog) return linesTable(chart);
    const rows = chart.marks.map((mark) => {
      const y = fromWire(mark.y);
      return el('tr', {}, el('th', { attrs: { scope: 'row' } }, mark.label), el('td', {}, tick(mark.x)), el('td', {}, Number.isFinite(y) ? tick(y) : '∞'));
    });
    return el(
      'table',
      { class: 'data' },
      el('caption', {}, chart.title),
      el('thead', {}, el('tr', {}, el('th', { attrs: { scope: 'col' } }, t('chart.table.point')), el('th', { attrs: { scope: 'col' } }, chart.xLabel), el('th', { attrs: { scope: 'col' } }, chart.yLabel))),
      el('tbody', {}, ...rows),
    );
  };
  const unmarked = chart.marksLeftOff === 1 ? t('chart.unmarked.one') : t('chart.unmarked.many', chart.marksLeftOff.toLocaleString('en-US'));
  const caption = chart.marksLeftOff > 0 ? `${chart.caption} ${unmarked}` : chart.caption;
  const key = legend(chart.lines.map((l) => l.name), 'line');
  for (const mark of chart.marks) {
    if (mark.name === undefined) continue;
    key.appendChild(el('li', { class: 'mark-key' }, el('span', { class: `swatch dot series-${mark.series ?? 1}` }), mark.label));
  }
  const samples = chart.marks.filter((m) => m.name === undefined && m.series === undefined).length;
  if (samples > 0) {
    key.appendChild(el('li', { class: 'mark-key' }, el('span', { class: 'swatch dot sample' }), samples === 1 ? t('chart.samples.one') : t('chart.samples.many', samples.toLocaleString('en-US'))));
  }
  return chartFigure(chart.id, chart.title, caption, graphic, table, chart.xLog ? (chart.lines[0]?.points.length ?? 0) : chart.marks.length, { key });
}

/** Height of a curve's plot; the width is the panel's. */
const CURVE_PLOT = 200;

/**
 * The curve at `width` px. The SVG is a group: its dots are images named by their titles (the
 * samples on a loss curve, P and Q, the figures at the current temperature), the axes and lines
 * are hidden from screen readers, whose reading of the numbers is the data table.
 */
function curveSvg(chart: CurveChart, width: number): SVGSVGElement {
  const plot = CURVE_PLOT;
  const height = MARGIN.top + plot + 44;
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const [x0, x1] = chart.x;
  // The y axis runs to round ticks around the data; the x axis is the domain the lines are drawn
  // over, marked at the round values inside it, about one every 180 px.
  const yAxis = niceTicks(chart.y[0], chart.y[1]);
  const y0 = yAxis.lo;
  const y1 = yAxis.hi;
  const log = chart.xLog === true;
  const intervals = Math.min(10, Math.max(4, Math.floor((right - left) / 180)));
  const xTicks = log ? logTicks(x0, x1) : niceTicks(x0, x1, intervals).ticks.filter((t) => t >= x0 - 1e-9 && t <= x1 + 1e-9);
  const position = log ? (x: number) => (Math.log(x) - Math.log(x0)) / (Math.log(x1) - Math.log(x0)) : (x: number) => (x - x0) / (x1 - x0);
  const sx = (x: number) => left + position(x) * (right - left);
  const sy = (y: number) => MARGIN.top + ((y1 - Math.min(Math.max(y, y0), y1)) / (y1 - y0)) * plot;
  const root = svg('svg', {
    class: `chart curve-chart chart-${chart.id}`,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'group',
    'aria-label': t('chart.label.curve', chart.title, chart.caption),
  });
  const drawing = svg('g', { 'aria-hidden': 'true' });
  root.appendChild(drawing);
  drawing.appendChild(svg('line', { class: 'axis', x1: left, x2: right, y1: sy(y0), y2: sy(y0) }));
  const yAxisAt = log ? left : sx(Math.max(x0, Math.min(0, x1)));
  drawing.appendChild(svg('line', { class: 'axis', x1: yAxisAt, x2: yAxisAt, y1: MARGIN.top, y2: sy(y0) }));
  for (const t of xTicks) {
    drawing.appendChild(svg('text', { class: 'tick', x: sx(t), y: sy(y0) + 16, 'text-anchor': 'middle' }, tick(t)));
  }
  for (const t of yAxis.ticks) {
    drawing.appendChild(svg('line', { class: 'grid', x1: left, x2: right, y1: sy(t), y2: sy(t) }));
    drawing.appendChild(svg('text', { class: 'tick', x: left - 6, y: sy(t) + 4, 'text-anchor': 'end' }, tick(t)));
  }
  if (chart.cursor) {
    const cx = sx(Math.min(Math.max(chart.cursor.x, x0), x1));
    drawing.appendChild(svg('line', { class: 'cursor', x1: cx, x2: cx, y1: MARGIN.top, y2: sy(y0) }));
    drawing.appendChild(svg('text', { class: 'tick cursor-label', x: cx, y: MARGIN.top - 6, 'text-anchor': cx > right - 40 ? 'end' : cx < left + 40 ? 'start' : 'middle' }, chart.cursor.label));
  }
  drawing.appendChild(svg('text', { class: 'axis-label', x: (left + right) / 2, y: height - 6, 'text-anchor': 'middle' }, chart.xLabel));
  drawing.appendChild(svg('text', { class: 'axis-label', x: 14, y: MARGIN.top + plot / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${MARGIN.top + plot / 2})` }, chart.yLabel));
  const clipId = `clip-${chart.id}`;
  drawing.appendChild(svg('clipPath', { id: clipId }, svg('rect', { x: left, y: MARGIN.top - 1, width: right - left, height: plot + 2 })));
  chart.lines.forEach((line, s) => {
    const d = line.points.map(([x, y], k) => `${k === 0 ? 'M' : 'L'}${sx(x).toFixed(2)},${sy(y).toFixed(2)}`).join(' ');
    drawing.appendChild(svg('path', { class: `line line-${s}`, d, 'clip-path': `url(#${clipId})` }));
  });
  const dots = svg('g', { class: 'marks' });
  root.appendChild(dots);
  // Named points (P and Q on the binary-entropy curve) get their name beside the dot, in the dot's
  // colour: left of the leftmost of two, right otherwise, so two close dots keep their names apart.
  const named = chart.marks.filter((m) => m.name !== undefined).sort((a, b) => a.x - b.x);
  const place = (mark: CurveMark) => {
    const y = fromWire(mark.y);
    const infinite = !Number.isFinite(y);
    return { y, infinite, cx: sx(Math.min(Math.max(mark.x, x0), x1)), cy: infinite ? MARGIN.top : sy(y) };
  };
  for (const mark of chart.marks) {
    const { y, infinite, cx, cy } = place(mark);
    const series = mark.series !== undefined ? ` series-${mark.series}` : '';
    dots.appendChild(
      svg(
        'circle',
        { class: `mark${mark.name !== undefined ? ' named' : ''}${series}${infinite ? ' infinite' : ''}`, cx, cy, r: mark.name !== undefined ? 5 : 4, role: 'img' },
        svg('title', {}, chart.id === 'temperature' ? mark.label : chart.id === 'binaryEntropy' ? `${mark.label}, H ${infinite ? '∞' : tick(y)}` : t('chart.mark.loss', mark.label, infinite ? '∞' : tick(y))),
      ),
    );
    if (mark.name !== undefined) {
      const leftSide = named.length > 1 ? named.indexOf(mark) === 0 : cx > right - 40;
      drawing.appendChild(
        svg('text', { class: `mark-label${series}`, x: leftSide ? cx - 9 : cx + 9, y: cy - 7, 'text-anchor': leftSide ? 'end' : 'start' }, mark.name),
      );
    }
  }
  for (const label of sampleLabels(chart.marks, place, { left, right, top: MARGIN.top, bottom: MARGIN.top + plot })) {
    drawing.appendChild(svg('text', { class: 'sample-label', x: label.x, y: label.y, 'text-anchor': label.anchor, 'data-sample': label.text }, label.text));
  }
  return root;
}

/** A curve's own points as the table: x, then each line's value there ("∞" where a line has none). */
function linesTable(chart: CurveChart): HTMLTableElement {
  const xs = [...new Set(chart.lines.flatMap((line) => line.points.map(([x]) => x)))].sort((a, b) => a - b);
  const values = chart.lines.map((line) => new Map(line.points.map(([x, y]) => [x, y])));
  const head = el('tr', {}, el('th', { attrs: { scope: 'col' } }, chart.xLabel), ...chart.lines.map((line) => el('th', { attrs: { scope: 'col' } }, line.name)));
  const body = xs.map((x) => el('tr', {}, el('th', { attrs: { scope: 'row' } }, tick(x)), ...values.map((v) => el('td', {}, v.has(x) ? tick(v.get(x)!) : '∞'))));
  return el('table', { class: 'data' }, el('caption', {}, chart.title), el('thead', {}, head), el('tbody', {}, ...body));
}
