import * as assert from 'node:assert/strict';
import { CompensatedSum, mean, sum } from '../../src/core/summation';

function naiveSum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

describe('summation', () => {
  it('sums 1 followed by 1e6 half-ulps exactly, where naive summation loses them all', () => {
    // 2^-53 is half an ulp of 1: each naive addition rounds back to 1 (ties to even).
    const n = 1_000_000;
    const values = new Float64Array(n + 1).fill(2 ** -53);
    values[0] = 1;
    const exact = 1 + 15625 * 2 ** -47; // 1e6 · 2^-53 = 15625 · 2^-47, representable next to 1
    assert.equal(naiveSum(values), 1);
    assert.equal(sum(values), exact);
    assert.ok(Math.abs(naiveSum(values) - exact) > 1e-10);
  });

  it('keeps a small term beside a huge one that cancels (Neumaier, not Kahan)', () => {
    assert.equal(sum(Float64Array.from([1, 1e100, 1, -1e100])), 2);
    assert.equal(naiveSum(Float64Array.from([1, 1e100, 1, -1e100])), 0);
  });

  it('sums 1e6 copies of 0.1 to the correctly rounded 100000, where naive summation drifts', () => {
    const values = new Float64Array(1_000_000).fill(0.1);
    // Exactly, 1e6 · fl(0.1) = 100000.0000000000055…, which rounds to 100000.
    assert.equal(sum(values), 100000);
    assert.ok(Math.abs(naiveSum(values) - 100000) > 1e-6);
  });

  it('is 0 for an empty array and the value itself for one element', () => {
    assert.equal(sum(new Float64Array(0)), 0);
    assert.equal(sum(Float64Array.from([-3.5])), -3.5);
    assert.ok(Number.isNaN(mean(new Float64Array(0))));
    assert.equal(mean(Float64Array.from([1, 2, 3, 4])), 2.5);
  });

  it('propagates infinities and NaN as a plain sum would', () => {
    assert.equal(sum(Float64Array.from([1, Infinity, 2])), Infinity);
    assert.equal(sum(Float64Array.from([-Infinity, 1])), -Infinity);
    assert.ok(Number.isNaN(sum(Float64Array.from([Infinity, -Infinity]))));
    assert.ok(Number.isNaN(sum(Float64Array.from([1, NaN]))));
  });

  it('accumulates inside a loop and can be reset for the next row', () => {
    const acc = new CompensatedSum();
    for (let i = 0; i < 10; i++) acc.add(0.1);
    assert.equal(acc.value(), 1);
    acc.reset();
    assert.equal(acc.value(), 0);
    acc.add(1e16);
    acc.add(1);
    acc.add(-1e16);
    assert.equal(acc.value(), 1);
  });
});
