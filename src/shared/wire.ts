/**
 * Numbers on the wire. Everything between the host and the webview crosses `postMessage` as plain
 * JSON, where Infinity and NaN do not survive; an infinite figure (a KL divergence with a zero in Q)
 * is the point of the panel, so they travel spelled out.
 */

/** A number that survives JSON: non-finite values are spelled out as strings. */
export type WireNumber = number | 'Infinity' | '-Infinity' | 'NaN';

export function toWire(value: number): WireNumber {
  if (Number.isFinite(value)) return value;
  return value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : 'NaN';
}

export function fromWire(value: WireNumber): number {
  if (typeof value === 'number') return value;
  return value === 'Infinity' ? Number.POSITIVE_INFINITY : value === '-Infinity' ? Number.NEGATIVE_INFINITY : Number.NaN;
}
