import type { VectorContext } from '../../src/core/errors';

/** Element i of a vector named `name` sits at [i, i + 1): ranges a test can predict. */
export function contextNamed(name: string): VectorContext {
  return { name, range: { start: 0, end: 0 }, elementRange: (i) => ({ start: i, end: i + 1 }) };
}

/** Row i of a matrix as the losses name it in their errors ("row 2"). */
export const rowContexts = (row: number): VectorContext => contextNamed(`row ${row}`);

/** Rows [1 − vᵢ, vᵢ] for a vector v: binary targets or probabilities as two-class rows. */
export function twoClassRows(values: Float64Array): Float64Array {
  const rows = new Float64Array(2 * values.length);
  for (let i = 0; i < values.length; i++) {
    rows[2 * i] = 1 - values[i];
    rows[2 * i + 1] = values[i]!;
  }
  return rows;
}
