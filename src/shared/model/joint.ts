import type { JointEvaluation } from '../../core/joint';
import { CompensatedSum } from '../../core/summation';
import type { JointView, ValueView } from '../view-model';
import { toWire } from '../wire';
import { topIndices } from './bars';

/**
 * Rows (and columns) a heatmap draws before the rest is folded into one "the other N": 24 × 24 cells
 * still fit a half-width panel with readable labels, and the message stays a few KiB whatever the table.
 */
export const JOINT_MAX_SIDE = 24;

/**
 * The heatmap of a joint table with its marginals. A side longer than JOINT_MAX_SIDE keeps its values
 * of largest marginal probability, in order, and sums the rest into a last "the other N" row or
 * column: every kept cell is the literal's own p(x, y), the folded ones are sums, so the cells still
 * sum to 1 and each marginal is still its row's (column's) sum.
 */
export function jointView(evaluation: JointEvaluation, fmt: (x: number) => string): JointView {
  const { rows, columns, table } = evaluation;
  const keptRows = kept(rows, evaluation.marginalX);
  const keptColumns = kept(columns, evaluation.marginalY);
  // Where each of the literal's rows (columns) goes in the drawn table: the folded row is the last.
  const rowSlot = slots(rows, keptRows);
  const columnSlot = slots(columns, keptColumns);
  const drawnRows = rowSlot.size;
  const drawnColumns = columnSlot.size;
  const sums = Array.from({ length: drawnRows * drawnColumns }, () => new CompensatedSum());
  for (let i = 0; i < rows; i++) {
    const r = rowSlot.of[i] * drawnColumns;
    for (let j = 0; j < columns; j++) sums[r + columnSlot.of[j]].add(table[i * columns + j]);
  }
  const cells = sums.map((s) => s.value());
  // The shading's scale: the largest literal cell. A folded cell sums many and would make every other
  // cell faint; it is drawn at full strength when larger (its value is in its tooltip and the table).
  const foldedCell = (k: number) => (keptRows.length < rows && Math.floor(k / drawnColumns) === drawnRows - 1) || (keptColumns.length < columns && k % drawnColumns === drawnColumns - 1);
  const unfolded = cells.filter((_, k) => !foldedCell(k));
  const scale = max(unfolded.length > 0 ? unfolded : cells);
  const marginalX = Array.from({ length: drawnRows }, (_, r) => foldedSum(cells, r * drawnColumns, 1, drawnColumns));
  const marginalY = Array.from({ length: drawnColumns }, (_, c) => foldedSum(cells, c, drawnColumns, drawnRows));
  const view = (x: number): ValueView => ({ value: toWire(x), display: fmt(x) });
  const rowFolded = keptRows.length < rows;
  const columnFolded = keptColumns.length < columns;
  const other = (n: number) => `the other ${n.toLocaleString('en-US')}`;
  const folded = [
    rowFolded ? `the ${keptRows.length} rows of largest p(x) are shown and the other ${(rows - keptRows.length).toLocaleString('en-US')} summed into the last` : '',
    columnFolded ? `the ${keptColumns.length} columns of largest p(y) are shown and the other ${(columns - keptColumns.length).toLocaleString('en-US')} summed into the last` : '',
  ].filter((s) => s !== '');
  return {
    title: 'The joint distribution p(x, y), with its marginals',
    caption:
      `Each cell is p(x, y): X indexes the ${rows.toLocaleString('en-US')} rows, Y the ${columns.toLocaleString('en-US')} columns; the stronger the colour, the more probable (the strongest is ${fmt(scale)}). ` +
      'The bars beside the rows are p(x), each row’s sum; the bars under the columns are p(y), each column’s sum.' +
      (folded.length > 0 ? ` The table is large: ${folded.join('; ')}.` : ''),
    rowLabels: [...keptRows.map(String), ...(rowFolded ? [other(rows - keptRows.length)] : [])],
    columnLabels: [...keptColumns.map(String), ...(columnFolded ? [other(columns - keptColumns.length)] : [])],
    rowsTotal: rows,
    columnsTotal: columns,
    rowFolded,
    columnFolded,
    cells: cells.map(view),
    marginalX: marginalX.map(view),
    marginalY: marginalY.map(view),
    max: scale,
  };
}

/** The indices kept on a side of n values: all, or the JOINT_MAX_SIDE − 1 of largest marginal. */
function kept(n: number, marginal: Float64Array): number[] {
  return n <= JOINT_MAX_SIDE ? Array.from({ length: n }, (_, i) => i) : topIndices(n, JOINT_MAX_SIDE - 1, (i) => marginal[i]);
}

/** For each of n indices, its drawn slot: a kept index's place, or the folded slot after them. */
function slots(n: number, keep: readonly number[]): { of: Int32Array; size: number } {
  const of = new Int32Array(n).fill(keep.length);
  keep.forEach((index, slot) => (of[index] = slot));
  return { of, size: keep.length < n ? keep.length + 1 : keep.length };
}

/** Σ of `count` cells from `start`, `stride` apart. */
function foldedSum(cells: readonly number[], start: number, stride: number, count: number): number {
  const acc = new CompensatedSum();
  for (let k = 0; k < count; k++) acc.add(cells[start + k * stride]);
  return acc.value();
}

function max(values: readonly number[]): number {
  let m = 0;
  for (const v of values) if (v > m) m = v;
  return m;
}
