import { el } from './dom';
import { t } from './strings';

/**
 * A figure as the visualizer's charts are laid out (charts.ts draws the same markup): the title and
 * caption, an optional key, the graphic in a sideways-scrolling box, and its data as a table behind a
 * `<details>` that is built when it first opens, so an unopened table costs nothing.
 */
export function dataFigure(
  id: string,
  title: string,
  caption: string,
  graphic: SVGSVGElement,
  table: () => HTMLTableElement,
  rows: number,
  key: HTMLElement | null = null,
): HTMLElement {
  const details = el('details', { class: 'data-table' }, el('summary', {}, rows === 1 ? t('figure.table.one') : t('figure.table.many', rows.toLocaleString('en-US'))));
  details.addEventListener('toggle', () => {
    if (details.open && !details.querySelector('table')) details.appendChild(table());
  });
  return el(
    'figure',
    { class: 'chart-figure', attrs: { 'data-chart': id, 'data-block': `chart:${id}` } },
    el('figcaption', {}, el('strong', {}, title), ' ', el('span', { class: 'caption' }, caption)),
    key,
    el('div', { class: 'chart-scroll' }, graphic),
    details,
  );
}

/** A data table: a caption, one header row, body rows of a row header and cells, an optional footer. */
export function dataTable(caption: string, head: readonly string[], body: readonly (readonly string[])[], foot?: readonly string[]): HTMLTableElement {
  const row = (cells: readonly string[]) => el('tr', {}, el('th', { attrs: { scope: 'row' } }, cells[0] ?? ''), ...cells.slice(1).map((c) => el('td', {}, c)));
  return el(
    'table',
    { class: 'data' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { attrs: { scope: 'col' } }, h)))),
    el('tbody', {}, ...body.map(row)),
    foot ? el('tfoot', {}, row(foot)) : null,
  );
}

/** Two significant digits, for a number written inside a small cell: 0.125 → "0.13", 0.00042 → "4.2e−4". */
export function compact(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : 'NaN';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  const text = abs >= 0.01 && abs < 1e4 ? String(Number(value.toPrecision(2))) : value.toExponential(1);
  return text.replace(/-/g, '−');
}
