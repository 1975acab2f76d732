import * as assert from 'node:assert/strict';
import { LiteralError, type LiteralErrorCode, type VectorContext } from '../../src/core/errors';
import { evaluateText, type EvaluateOptions, type Evaluation, type LossEvaluation } from '../../src/core/evaluate';

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

/** The options most core tests evaluate with: nats, every reading and loss automatic. */
export const NATS: EvaluateOptions = { unit: 'nats', as: 'auto', loss: 'auto' };

export function evaluate(text: string, options: Partial<EvaluateOptions> = {}): Evaluation {
  return evaluateText(text, { ...NATS, ...options });
}

/** The text's evaluation, which must be a loss. */
export function loss(text: string, options: Partial<EvaluateOptions> = {}): LossEvaluation {
  const result = evaluate(text, options);
  assert.equal(result.kind, 'loss');
  return result;
}

/** Evaluation fails with `code` at the first occurrence of `at` in the text, its message matching `message` if given. */
export function assertFails(text: string, code: LiteralErrorCode, at: string, message?: RegExp, options: Partial<EvaluateOptions> = {}): void {
  assert.throws(
    () => evaluate(text, options),
    (error: unknown) => {
      assert.ok(error instanceof LiteralError, `expected a LiteralError, got ${String(error)}`);
      assert.equal(error.code, code, error.message);
      assert.equal(text.slice(error.range.start, error.range.end), at, `range of "${error.message}"`);
      if (message) assert.match(error.message, message);
      return true;
    },
  );
}

/** `actual` within `tolerance` of `expected`, relative (absolute below 1). */
export function close(actual: number, expected: number, tolerance = 1e-12): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${actual} ≠ ${expected}`);
}
