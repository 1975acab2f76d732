import type { JointView } from '../shared/view-model';
import { fromWire } from '../shared/wire';
import { chartFigure, compact, dataTable } from './data-figure';
import { el, svg } from './dom';
import { t } from './strings';

/**
 * A joint table p(x, y) as a heatmap: X down the rows, Y across the columns, each cell shaded with the
 * theme's chart blue at an opacity in proportion to p(x, y) (so the scale is the theme's own, on its
 * own background, light, dark or high contrast), with the marginals as bars: p(x) to the right of its
 * row, p(y) under its column. Values are in each cell's tooltip, written in the cell when there is
 * room, and all in the data table.
 */

const LABEL_CHARS = 14;
const MARGINAL = 84;
const TOP = 40;

export function heatmap(joint: JointView): HTMLElement {
  const rows = joint.rowLabels.length;
  const columns = joint.columnLabels.length;
  const cell = Math.max(16, Math.min(56, Math.floor(432 / Math.max(rows, columns))));
  const longest = Math.max(...joint.rowLabels.map((l) => Math.min(l.length, LABEL_CHARS)));
  const left = 28 + Math.max(2, longest) * 7;
  const gridRight = left + columns * cell;
  const gridBottom = TOP + rows * cell;
  const width = gridRight + 10 + MARGINAL + 40;
  const height = gridBottom + 10 + MARGINAL + 24;
  const root = svg('svg', {
    class: 'chart heatmap',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': t('figure.label', joint.title, joint.caption),
  });
  const opacity = (p: number) => (joint.max > 0 && p > 0 ? 0.08 + 0.92 * Math.min(1, p / joint.max) : 0);
  const written = cell >= 36;
  // Axis names, then each column's label over it and each row's label before it.
  root.appendChild(svg('text', { class: 'axis-label', x: left + (columns * cell) / 2, y: 12, 'text-anchor': 'middle' }, t('heatmap.axis.y')));
  root.appendChild(svg('text', { class: 'axis-label', x: 12, y: TOP + (rows * cell) / 2, 'text-anchor': 'middle', transform: `rotate(-90 12 ${TOP + (rows * cell) / 2})` }, t('heatmap.axis.x')));
  joint.columnLabels.forEach((label, c) => {
    const x = left + c * cell + cell / 2;
    const fits = label.length * 7 <= cell;
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
    root.appendChild(svg('text', { class: 'x-label', x: left - 6, y: TOP + r * cell + cell / 2 + 4, 'text-anchor': 'end' }, svg('title', {}, label), clip(label)));
  });
  joint.cells.forEach((value, k) => {
    const r = Math.floor(k / columns);
    const c = k % columns;
    const p = fromWire(value.value);
    const x = left + c * cell;
    const y = TOP + r * cell;
    const folded = (joint.rowFolded && r === rows - 1) || (joint.columnFolded && c === columns - 1);
    root.appendChild(
      svg(
        'rect',
        {
          class: `heat-cell${p === 0 ? ' zero' : ''}${folded ? ' other' : ''}`,
          x,
          y,
          width: cell,
          height: cell,
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
    if (written) root.appendChild(svg('text', { class: 'cell-value', x: x + cell / 2, y: y + cell / 2 + 4, 'text-anchor': 'middle', 'aria-hidden': 'true' }, compact(p)));
  });
  marginals(root, joint, { left, cell, gridRight, gridBottom, written });
  const table = () =>
    dataTable(
      t('heatmap.table', joint.title),
      ['x \\ y', ...joint.columnLabels, 'p(x)'],
      joint.rowLabels.map((label, r) => [label, ...joint.cells.slice(r * columns, (r + 1) * columns).map((v) => v.display), joint.marginalX[r].display]),
      ['p(y)', ...joint.marginalY.map((v) => v.display), ''],
    );
  return chartFigure('joint', joint.title, joint.caption, root, table, rows + 1, { key: scaleKey(joint) });
}

interface Layout {
  readonly left: number;
  readonly cell: number;
  readonly gridRight: number;
  readonly gridBottom: number;
  readonly written: boolean;
}

/** p(x) as bars to the right of the rows, p(y) as bars hanging under the columns, both scaled to their largest. */
function marginals(root: SVGSVGElement, joint: JointView, { left, cell, gridRight, gridBottom, written }: Layout): void {
  const top = gridBottom - joint.rowLabels.length * cell;
  // Scaled to the largest marginal not folded: "the other 27" can outweigh every kept value. A longer
  // folded bar is drawn cut at the full length, two page-coloured strokes across it, its value written.
  const largest = (values: JointView['marginalX'], folded: boolean) => Math.max(...values.slice(0, folded && values.length > 1 ? -1 : undefined).map((v) => fromWire(v.value)), Number.MIN_VALUE);
  const maxX = largest(joint.marginalX, joint.rowFolded);
  const maxY = largest(joint.marginalY, joint.columnFolded);
  const lengthOf = (p: number, max: number) => Math.min(1, p / max) * MARGINAL;
  const cut = (p: number, max: number) => p > max * (1 + 1e-12);
  const inset = Math.max(1, Math.round(cell * 0.15));
  const x0 = gridRight + 10;
  const y0 = gridBottom + 10;
  root.appendChild(svg('text', { class: 'tick', x: x0, y: top - 6, 'text-anchor': 'start' }, 'p(x)'));
  root.appendChild(svg('text', { class: 'tick', x: left - 6, y: y0 + 12, 'text-anchor': 'end' }, 'p(y)'));
  root.appendChild(svg('line', { class: 'axis', x1: x0, x2: x0, y1: top, y2: gridBottom }));
  root.appendChild(svg('line', { class: 'axis', x1: left, x2: gridRight, y1: y0, y2: y0 }));
  joint.marginalX.forEach((value, r) => {
    const p = fromWire(value.value);
    const length = lengthOf(p, maxX);
    const y = top + r * cell + inset;
    const broken = cut(p, maxX);
    root.appendChild(
      svg(
        'rect',
        { class: 'bar marginal marginal-x', x: x0, y, width: Math.max(p > 0 ? 1 : 0, length), height: cell - 2 * inset, 'data-value': p, 'data-display': value.display },
        svg('title', {}, `p(x = ${joint.rowLabels[r]}) = ${value.display}`),
      ),
    );
    if (broken) for (const dx of [MARGINAL - 16, MARGINAL - 10]) root.appendChild(svg('line', { class: 'bar-break', x1: x0 + dx - 3, x2: x0 + dx + 3, y1: y + cell - 2 * inset + 1, y2: y - 1 }));
    if (written || broken) root.appendChild(svg('text', { class: 'tick', x: x0 + length + 4, y: top + r * cell + cell / 2 + 4, 'text-anchor': 'start', 'aria-hidden': 'true' }, compact(p)));
  });
  joint.marginalY.forEach((value, c) => {
    const p = fromWire(value.value);
    const length = lengthOf(p, maxY);
    const x = left + c * cell + inset;
    const broken = cut(p, maxY);
    root.appendChild(
      svg(
        'rect',
        { class: 'bar marginal marginal-y', x, y: y0, width: cell - 2 * inset, height: Math.max(p > 0 ? 1 : 0, length), 'data-value': p, 'data-display': value.display },
        svg('title', {}, `p(y = ${joint.columnLabels[c]}) = ${value.display}`),
      ),
    );
    if (broken) for (const dy of [MARGINAL - 16, MARGINAL - 10]) root.appendChild(svg('line', { class: 'bar-break', x1: x - 1, x2: x + cell - 2 * inset + 1, y1: y0 + dy + 3, y2: y0 + dy - 3 }));
    if (written || broken) root.appendChild(svg('text', { class: 'tick', x: left + c * cell + cell / 2, y: y0 + length + 12, 'text-anchor': 'middle', 'aria-hidden': 'true' }, compact(p)));
  });
}

/** The shading's key: five steps from 0 to the largest cell. */
function scaleKey(joint: JointView): HTMLElement {
  const steps = [0, 0.25, 0.5, 0.75, 1];
  const key = svg('svg', { class: 'chart heat-scale', width: 5 * 18, height: 12, viewBox: `0 0 ${5 * 18} 12`, 'aria-hidden': 'true' });
  steps.forEach((step, k) => key.appendChild(svg('rect', { class: `heat-cell${step === 0 ? ' zero' : ''}`, x: k * 18, y: 0, width: 18, height: 12, 'fill-opacity': (step === 0 ? 0 : 0.08 + 0.92 * step).toFixed(3) })));
  return el('p', { class: 'legend heat-legend', attrs: { 'aria-hidden': 'true' } }, 'p(x, y): 0 ', key, ` ${compact(joint.max)}`);
}

function clip(label: string): string {
  return label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
}
