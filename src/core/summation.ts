// Compensated summation.
//
// Why Neumaier rather than pairwise: the quantities are sums of terms computed on the fly
// (p·log p, p·(log p − log q), per-sample losses), so a streaming accumulator lets every loop sum
// its terms without storing them. Neumaier's error is about 2ε·|sum| + O(nε²)·Σ|xᵢ|, independent
// of n to first order, where pairwise summation still grows like ε·log₂n; and unlike plain Kahan
// it stays exact when a term is larger than the running sum ([1, 1e100, 1, −1e100] sums to 2).

/**
 * A Neumaier (improved Kahan–Babuška) accumulator. Create one per sum and call `add` in the loop:
 * no allocation per term.
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  /** Adds one term. */
  add(x: number): void {
    const t = this.sum + x;
    // The rounding error of t is recovered from whichever operand is the larger in magnitude.
    if (Math.abs(this.sum) >= Math.abs(x)) {
      this.compensation += this.sum - t + x;
    } else {
      this.compensation += x - t + this.sum;
    }
    this.sum = t;
  }

  /** The compensated total so far. ±Infinity and NaN propagate as in a plain sum. */
  value(): number {
    // Once the sum is not finite the compensation is NaN (∞ − ∞) and meaningless.
    return Number.isFinite(this.sum) ? this.sum + this.compensation : this.sum;
  }

  /** Starts again from zero, so one accumulator can serve every row of a matrix. */
  reset(): void {
    this.sum = 0;
    this.compensation = 0;
  }
}

/** Compensated sum of values[start, end), by default the whole array (0 when empty). */
export function sum(values: Float64Array, start = 0, end = values.length): number {
  const acc = new CompensatedSum();
  for (let i = start; i < end; i++) acc.add(values[i]);
  return acc.value();
}

/** Compensated mean of `values` (NaN for an empty array). */
export function mean(values: Float64Array): number {
  return sum(values) / values.length;
}
