import { logSumExp } from '../../core/log-softmax';
import { CompensatedSum } from '../../core/summation';
import type { Distribution } from '../../core/types';
import type { Edit } from '../playground';
import { applyEdits } from './playground';

/**
 * Dragging a bar: element `index` of the distribution *as shown* (edited, then tempered) is set to
 * `shown`, and every other element keeps its share of the rest in proportion. Edits are kept
 * before the temperature, so the new probability before it is found by inverting the tempering:
 * with b the edited distribution, R = Σ_{j≠i} b_j^{1/T} and ρ = shown / (1 − shown),
 *
 *   logit(v) = T·(ln ρ + ln R) − ln(1 − b_i),
 *
 * which at T = 1 is v = shown. Every earlier edit is one of the "others", scaled by the same
 * factor (1 − v) / (1 − b_i) as the elements never edited.
 */
export function withEdit(base: Distribution, edits: readonly Edit[], temperature: number, index: number, shown: number): Edit[] {
  const n = base.p.length;
  if (!(index >= 0 && index < n)) throw new RangeError(`element ${index} of a ${n}-element distribution`);
  const target = Math.min(1, Math.max(0, shown));
  const current = applyEdits(base, edits);
  const others = new CompensatedSum();
  for (let j = 0; j < n; j++) if (j !== index) others.add(current.p[j]);
  const rest = others.value();
  if (n === 1) return [[index, 1]];
  if (!(rest > 0)) {
    // The others hold nothing to scale: the rest is shared evenly among them.
    const v = evenSplit(target, temperature, n);
    const share = (1 - v) / (n - 1);
    return Array.from({ length: n }, (_, j): Edit => [j, j === index ? v : share]);
  }
  const v = baseProbability(current, index, rest, target, temperature);
  const scale = (1 - v) / rest;
  const next: Edit[] = [];
  for (const [j, probability] of edits) if (j !== index) next.push([j, clamp01(probability * scale)]);
  next.push([index, v]);
  return next;
}

/** The probability before the temperature that shows as `shown` once the others are rescaled. */
function baseProbability(current: Distribution, index: number, rest: number, shown: number, temperature: number): number {
  if (temperature === 1 || shown === 0 || shown === 1) return shown;
  const n = current.p.length;
  const logs = new Float64Array(n - 1);
  for (let j = 0, k = 0; j < n; j++) if (j !== index) logs[k++] = current.logP[j] / temperature;
  const logR = logSumExp(logs);
  const logit = temperature * (Math.log(shown) - Math.log1p(-shown) + logR) - Math.log(rest);
  return clamp01(1 / (1 + Math.exp(-logit)));
}

/** v with v / u = (ρ (n − 1))^T and v + (n − 1) u = 1: the even split seen through the temperature. */
function evenSplit(shown: number, temperature: number, n: number): number {
  if (temperature === 1 || shown === 0 || shown === 1) return shown;
  const logM = temperature * (Math.log(shown) - Math.log1p(-shown) + Math.log(n - 1));
  // v = m / (m + n − 1), written to stay finite for large m.
  return clamp01(1 / (1 + (n - 1) * Math.exp(-logM)));
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
