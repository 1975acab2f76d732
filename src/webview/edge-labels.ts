/**
 * Printed bin edges and axis ticks that a reader can tell apart. Three significant digits suit edges a
 * decade or a tenth of one apart, but bins 0.1 % wide print 0.00101 at both ends; so each value gets
 * the digits its distance to its neighbours asks for. Pure (no DOM), so unit tests can reach it.
 */

/** The most digits a double needs: at 17, different doubles always print differently. */
const MAX_DIGITS = 17;

/** Significant digits that set `value` apart from a neighbour `step` away: at least three. */
export function digitsFor(value: number, step: number): number {
  if (value === 0 || !(step > 0)) return 3;
  return Math.min(MAX_DIGITS, Math.max(3, Math.ceil(Math.log10(Math.abs(value) / step)) + 1));
}

/** One value at `digits` significant digits, as short as it reads: 0.00101, 2.5e−7. */
export function formatEdge(value: number, digits: number): string {
  return Number(value.toPrecision(digits)).toString().replace(/e-/, 'e−');
}

/**
 * Labels for increasing values (bin edges, axis ticks) in which neighbours always differ: each value
 * to the digits its nearer neighbour asks for (exactly, if a digit or two more does it), and where rounding still lands two on one string (a
 * value sitting on a rounding boundary), both get more digits until they part.
 */
export function edgeLabels(values: readonly number[]): string[] {
  const digits = values.map((v, i) => {
    const before = i > 0 ? v - values[i - 1] : Number.POSITIVE_INFINITY;
    const after = i + 1 < values.length ? values[i + 1] - v : Number.POSITIVE_INFINITY;
    return exactWithin(v, digitsFor(v, Math.min(before, after)));
  });
  const labels = values.map((v, i) => formatEdge(v, digits[i]));
  for (let i = 0; i + 1 < values.length; i++) {
    while (labels[i] === labels[i + 1] && values[i] !== values[i + 1] && Math.max(digits[i], digits[i + 1]) < MAX_DIGITS) {
      digits[i] = digits[i + 1] = Math.max(digits[i], digits[i + 1]) + 1;
      labels[i] = formatEdge(values[i], digits[i]);
      labels[i + 1] = formatEdge(values[i + 1], digits[i + 1]);
    }
  }
  return labels;
}

/**
 * `digits`, or one or two more when those print `value` exactly: a linear edge at a round step
 * (0.0010025) reads as itself, not as 0.001002, while a log edge (10^0.1) keeps the shorter label.
 */
function exactWithin(value: number, digits: number): number {
  for (let d = digits; d <= Math.min(MAX_DIGITS, digits + 2); d++) if (Number(value.toPrecision(d)) === value) return d;
  return digits;
}
