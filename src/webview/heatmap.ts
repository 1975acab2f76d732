import type { JointView } from '../shared/view-model';
import { fromWire } from '../shared/wire';
import { responsive } from './chart-width';
import { clip, LABEL_CHARS } from './clip-label';
import { chartFigure, compact, dataTable } from './data-figure';
import { el, svg } from './dom';
import { t } from './strings';

/**
 * A joint table p(x, y) as a heatmap: X down the rows, Y across the columns, each cell shaded with the
 * theme's chart blue at an opacity in proportion to p(x, y) (so the scale is the theme's own, on its
 * own background, light, dark or high contrast), with the marginals as bars: p(x) to the right of its
 * row, p(y) under its column. Values are in each cell's tooltip, written in the cell when there is
 * room, and all in the data table.
 *
 * The columns share the panel's width (chart-width.ts), so a cell is as wide as its share and as
 * tall as the number of rows allows: the height never depends on the width.
 */

const MARGINAL = 84;
const TOP = 40;
/** Room right of the p(x) bars for the value written after the longest. */
const RIGHT = 40;
/** Narrowest a column gets before the chart scrolls sideways. */
const MIN_CELL_WIDTH = 3;
/** Horizontal room a label slanted at 35° needs from its neighbour's (11 px text). */
const SLANTED_PITCH = 19;
/** A value is written inside a cell at least this wide and tall. */
const WRITTEN_CELL = 36;

export function heatmap(joint: JointView): HTMLElement {
  const rows = joint.rowLabels.length;
  const columns = joint.columnLabels.length;
  const graphic = responsive('joint', (width) => heatmapSvg(joint, width));
  const table = () =>
    dataTable(
      t('heatmap.table', joint.title),
      ['x \\ y', ...joint.columnLabels, 'p(x)'],
      joint.rowLabels.map((label, r) => [label, ...joint.cells.slice(r * columns, (r + 1) * columns).map((v) => v.display), joint.marginalX[r].display]),
      ['p(y)', ...joint.marginalY.map((v) => v.display), ''],
    );
  return chartFigure('joint', joint.title, joint.caption, graphic, table, rows + 1, { key: scaleKey(joint) });
}

/** The heatmap at `width` px: the columns share what the row labels and the p(x) bars leave. */
function heatmapSvg(joint: JointView, width: number): SVGSVGElement {
  const rows = joint.rowLabels.length;
  const columns = joint.columnLabels.length;
  const cellHeight = Math.max(16, Math.min(56, Math.floor(432 / Math.max(rows, columns))));
  const longest = Math.max(...joint.rowLabels.map((l) => Math.min(l.length, LABEL_CHARS)));
  const left = 28 + Math.max(2, longest) * 7;
  const cellWidth = Math.max(MIN_CELL_WIDTH, (width - left - 10 - MARGINAL - RIGHT) / columns);
  const gridRight = left + columns * cellWidth;
  const gridBottom = TOP + rows * cellHeight;
  // Wider than the panel only where the columns would be narrower than MIN_CELL_WIDTH.
  const drawn = Math.max(width, Math.ceil(gridRight + 10 + MARGINAL + RIGHT));
  const height = gridBottom + 10 + MARGINAL + 24;
  const root = svg('svg', {
    class: 'chart heatmap',
    width: drawn,
    height,
    viewBox: `0 0 ${drawn} ${height}`,
    role: 'img',
    'aria-label': t('figure.label', joint.title, joint.caption),
  });
  const opacity = (p: number) => (joint.max > 0 && p > 0 ? 0.08 + 0.92 * Math.min(1, p / joint.max) : 0);
  const written = cellWidth >= WRITTEN_CELL && cellHeight >= WRITTEN_CELL;
  // Axis names, then each column's label over it and each row's label before it.
  root.appendChild(svg('text', { class: 'axis-label', x: left + (columns * cellWidth) / 2, y: 12, 'text-anchor': 'middle' }, t('heatmap.axis.y')));
  root.appendChild(svg('text', { class: 'axis-label', x: 12, y: TOP + (rows * cellHeight) / 2, 'text-anchor': 'middle', transform: `rotate(-90 12 ${TOP + (rows * cellHeight) / 2})` }, t('heatmap.axis.x')));
  // Columns too narrow for every slanted label: every k-th is written (and the folded column's);
  // all are in the cells' titles and the data table.
  const upright = joint.columnLabels.every((label) => label.length * 7 <= cellWidth);
  const labelEvery = upright ? 1 : Math.max(1, Math.ceil(SLANTED_PITCH / cellWidth));
  joint.columnLabels.forEach((label, c) => {
    const folded = joint.columnFolded && c === columns - 1;
    if (!folded && c % labelEvery !== 0) return;
    const x = left + c * cellWidth + cellWidth / 2;
    const fits = label.length * 7 <= cellWidth;
    root.appendChild(
      svg(
        'text',
        fits ? { class: 'x-label', x, y: TOP - 6, 'text-anchor': 'middle' } : { class: 'x-label', x, y: TOP - 6, 'text-anchor': 'start', transform: `rotate(-35 ${x} ${TOP - 6})` },
        svg('title', {}, label),
        clip(label),
      ),
    );
  });
  joint.rowLabels.forEach((label, r) => {
    root.appendChild(svg('text', { class: 'x-label', x: left - 6, y: TOP + r * cellHeight + cellHeight / 2 + 4, 'text-anchor': 'end' }, svg('title', {}, label), clip(label)));
  });
  joint.cells.forEach((value, k) => {
    const r = Math.floor(k / columns);
    const c = k % columns;
    const p = fromWire(value.value);
    const x = left + c * cellWidth;
    const y = TOP + r * cellHeight;
    const folded = (joint.rowFolded && r === rows - 1) || (joint.columnFolded && c === columns - 1);
    root.appendChild(
      svg(
        'rect',
        {
          class: `heat-cell${p === 0 ? ' zero' : ''}${folded ? ' other' : ''}`,
          x,
          y,
          width: cellWidth,
          height: cellHeight,
          'fill-opacity': opacity(p).toFixed(3),
          'data-row': r,
          'data-column': c,
          'data-value': p,
          'data-display': value.display,
        },
        svg('title', {}, `x = ${joint.rowLabels[r]}, y = ${joint.columnLabels[c]}: p(x, y) = ${value.display}`),
      ),
    );
    // The value in the cell, on a halo of the page's colour so it reads on any shade.
    if (written) root.appendChild(svg('text', { class: 'cell-value', x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, 'text-anchor': 'middle', 'aria-hidden': 'true' }, compact(p)));
  });
  marginals(root, joint, { left, cellWidth, cellHeight, gridRight, gridBottom, written });
  return root;
}

interface Layout {
  readonly left: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly gridRight: number;
  readonly gridBottom: number;
  readonly written: boolean;
}

/** p(x) as bars to the right of the rows, p(y) as bars hanging under the columns, both scaled to their largest. */
function marginals(root: SVGSVGElement, joint: JointView, { left, cellWidth, cellHeight, gridRight, gridBottom, written }: Layout): void {
  const top = gridBottom - joint.rowLabels.length * cellHeight;
  // Scaled to the largest marginal not folded: "the other 27" can outweigh every kept value. A longer
  // folded bar is drawn cut at the full length, two page-coloured strokes across it, its value written.
  const largest = (values: JointView['marginalX'], folded: boolean) => Math.max(...values.slice(0, folded && values.length > 1 ? -1 : undefined).map((v) => fromWire(v.value)), Number.MIN_VALUE);
  const maxX = largest(joint.marginalX, joint.rowFolded);
  const maxY = largest(joint.marginalY, joint.columnFolded);
  const lengthOf = (p: number, max: number) => Math.min(1, p / max) * MARGINAL;
  const cut = (p: number, max: number) => p > max * (1 + 1e-12);
  const inset = Math.max(1, Math.round(cellHeight * 0.15));
  // p(y)'s bars as thick as p(x)'s, centred under their column; narrower where the column is.
  const thickness = Math.max(0.5, Math.min(cellHeight - 2 * inset, cellWidth - 2 * (cellWidth >= 6 ? 1 : cellWidth * 0.1)));
  const x0 = gridRight + 10;
  const y0 = gridBottom + 10;
  root.appendChild(svg('text', { class: 'tick', x: x0, y: top - 6, 'text-anchor': 'start' }, 'p(x)'));
  root.appendChild(svg('text', { class: 'tick', x: left - 6, y: y0 + 12, 'text-anchor': 'end' }, 'p(y)'));
  root.appendChild(svg('line', { class: 'axis', x1: x0, x2: x0, y1: top, y2: gridBottom }));
  root.appendChild(svg('line', { class: 'axis', x1: left, x2: gridRight, y1: y0, y2: y0 }));
  joint.marginalX.forEach((value, r) => {
    const p = fromWire(value.value);
    const length = lengthOf(p, maxX);
    const y = top + r * cellHeight + inset;
    const broken = cut(p, maxX);
    root.appendChild(
      svg(
        'rect',
        { class: 'bar marginal marginal-x', x: x0, y, width: Math.max(p > 0 ? 1 : 0, length), height: cellHeight - 2 * inset, 'data-value': p, 'data-display': value.display },
        svg('title', {}, `p(x = ${joint.rowLabels[r]}) = ${value.display}`),
      ),
    );
    if (broken) for (const dx of [MARGINAL - 16, MARGINAL - 10]) root.appendChild(svg('line', { class: 'bar-break', x1: x0 + dx - 3, x2: x0 + dx + 3, y1: y + cellHeight - 2 * inset + 1, y2: y - 1 }));
    if (written || broken) root.appendChild(svg('text', { class: 'tick', x: x0 + length + 4, y: top + r * cellHeight + cellHeight / 2 + 4, 'text-anchor': 'start', 'aria-hidden': 'true' }, compact(p)));
  });
  joint.marginalY.forEach((value, c) => {
    const p = fromWire(value.value);
    const length = lengthOf(p, maxY);
    const x = left + c * cellWidth + (cellWidth - thickness) / 2;
    const broken = cut(p, maxY);
    root.appendChild(
      svg(
        'rect',
        { class: 'bar marginal marginal-y', x, y: y0, width: thickness, height: Math.max(p > 0 ? 1 : 0, length), 'data-value': p, 'data-display': value.display },
        svg('title', {}, `p(y = ${joint.columnLabels[c]}) = ${value.display}`),
      ),
    );
    if (broken) for (const dy of [MARGINAL - 16, MARGINAL - 10]) root.appendChild(svg('line', { class: 'bar-break', x1: x - 1, x2: x + thickness + 1, y1: y0 + dy + 3, y2: y0 + dy - 3 }));
    if (written || broken) root.appendChild(svg('text', { class: 'tick', x: left + c * cellWidth + cellWidth / 2, y: y0 + length + 12, 'text-anchor': 'middle', 'aria-hidden': 'true' }, compact(p)));
  });
}

/** The shading's key: five steps from 0 to the largest cell. */
function scaleKey(joint: JointView): HTMLElement {
  const steps = [0, 0.25, 0.5, 0.75, 1];
  const key = svg('svg', { class: 'chart heat-scale', width: 5 * 18, height: 12, viewBox: `0 0 ${5 * 18} 12`, 'aria-hidden': 'true' });
  steps.forEach((step, k) => key.appendChild(svg('rect', { class: `heat-cell${step === 0 ? ' zero' : ''}`, x: k * 18, y: 0, width: 18, height: 12, 'fill-opacity': (step === 0 ? 0 : 0.08 + 0.92 * step).toFixed(3) })));
  return el('p', { class: 'legend heat-legend', attrs: { 'aria-hidden': 'true' } }, 'p(x, y): 0 ', key, ` ${compact(joint.max)}`);
}
