import { formatNumber } from './number-format';
import type { Unit } from './types';

/** TeX's spelling of the unit's logarithm. */
export function logSymbol(unit: Unit): string {
  return unit === 'nats' ? '\\ln' : unit === 'bits' ? '\\log_2' : '\\log_{10}';
}

/** A number as TeX: 1.2\times10^{-7}, \infty; negative numbers in parentheses when `wrap`. */
export function texNumber(value: number, precision = 6, wrap = false): string {
  if (value === Number.POSITIVE_INFINITY) return '\\infty';
  if (value === Number.NEGATIVE_INFINITY) return wrap ? '(-\\infty)' : '-\\infty';
  const [mantissa, exponent] = formatNumber(value, precision).replace('−', '-').split('e');
  const tex = exponent === undefined ? mantissa : `${mantissa}\\times10^{${Number(exponent)}}`;
  return wrap && value < 0 ? `(${tex})` : tex;
}
