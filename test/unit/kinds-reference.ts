import * as assert from 'node:assert/strict';

/** A fixture's number: infinities are the strings "Infinity" and "-Infinity" in reference.json. */
export type Num = number | 'Infinity' | '-Infinity';

export function num(x: Num): number {
  return x === 'Infinity' ? Infinity : x === '-Infinity' ? -Infinity : x;
}

/** |actual − expected| ≤ max(1e-9·|expected|, 1e-12), as reference.test.ts; infinities exactly. */
export function close(actual: number, expectedRaw: Num, what: string): void {
  const expected = num(expectedRaw);
  if (!Number.isFinite(expected)) {
    assert.equal(actual, expected, what);
    return;
  }
  const tolerance = Math.max(1e-9 * Math.abs(expected), 1e-12);
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: got ${actual}, expected ${expected} (diff ${actual - expected})`);
}
