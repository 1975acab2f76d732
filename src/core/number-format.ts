/** Numbers as people read them, shared by messages, summaries and TeX. */

/** A number to `precision` significant digits, without trailing zeros; ∞ for infinity. */
export function formatNumber(value: number, precision = 6): string {
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value === Number.NEGATIVE_INFINITY) return '−∞';
  if (Number.isNaN(value)) return 'NaN';
  if (value === 0) return '0';
  const text = value.toPrecision(Math.max(1, Math.min(17, Math.round(precision))));
  const [mantissa, exponent] = text.split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}
