import { el } from './dom';
import { t } from './strings';

/** What a chart's figure may add to its title, caption, graphic and table. */
export interface FigureParts {
  /** The legend, between the caption and the graphic. */
  readonly key?: HTMLElement | null;
  /** What a row of the data table is, as the summary counts them. */
  readonly unit?: 'row' | 'bin';
}

/**
 * Every chart of the page as a figure: the title and caption, an optional key, the graphic in a box
 * that scrolls sideways only below the narrowest chart width, and its data as a table. The table is
 * built when its `<details>` first opens (the `toggle` event): closed, it is only a summary — which
 * keyboard and screen-reader users reach like any control, and which says how many rows the table
 * has — so a page does not carry a few hundred hidden cells nobody opened.
 */
export function chartFigure(id: string, title: string, caption: string, graphic: SVGSVGElement, table: () => HTMLTableElement, rows: number, parts: FigureParts = {}): HTMLElement {
  const count = rows.toLocaleString('en-US');
  const summary = parts.unit === 'bin' ? (rows === 1 ? t('figure.table.bins.one') : t('figure.table.bins.many', count)) : rows === 1 ? t('figure.table.one') : t('figure.table.many', count);
  const details = el('details', { class: 'data-table' }, el('summary', {}, summary));
  details.addEventListener('toggle', () => {
    if (details.open && !details.querySelector('table')) details.appendChild(table());
  });
  return el(
    'figure',
    { class: 'chart-figure', attrs: { 'data-chart': id, 'data-block': `chart:${id}` } },
    el('figcaption', {}, el('strong', {}, title), ' ', el('span', { class: 'caption' }, caption)),
    parts.key ?? null,
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
