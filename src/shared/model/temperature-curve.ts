import { formatNumber } from '../../core/figures';
import { natsPerUnit } from '../../core/types';
import { TEMPERATURE_MAX, TEMPERATURE_MIN, type PlaygroundBase, type PlaygroundState } from '../playground';
import type { CurveChart, CurveLine, CurveMark } from '../view-model';
import { toWire } from '../wire';
import { lossAt } from './playground-loss';
import { applyEdits } from './playground';
import { temperatureText } from './playground-text';

/**
 * The figures against the temperature: H (and for a pair H(Q) and both KL directions, for a loss the
 * loss) at 41 temperatures from 0.1 to 10, evenly spaced on a log scale, with the current one marked.
 * The page computes the points a few at a time in idle periods (a point costs two softmaxes of the
 * whole vector), so the chart never delays a frame; the current temperature's values are the
 * figures themselves.
 */

export const CURVE_STEPS = 40;

/** T at step k of CURVE_STEPS: 10^(−1 + 2k/CURVE_STEPS). */
export function curveTemperature(k: number): number {
  return Math.pow(10, Math.log10(TEMPERATURE_MIN) + ((Math.log10(TEMPERATURE_MAX) - Math.log10(TEMPERATURE_MIN)) * k) / CURVE_STEPS);
}

/** One temperature's values, in the unit; +∞ where a divergence is infinite at every temperature. */
export interface CurvePoint {
  readonly t: number;
  readonly values: readonly number[];
}

export interface CurveSeries {
  readonly names: readonly string[];
  /** The figure keys whose values the current temperature's mark shows. */
  readonly keys: readonly string[];
  readonly yLabel: string;
}

export function curveSeries(base: PlaygroundBase): CurveSeries {
  switch (base.kind) {
    case 'distribution':
      return { names: ['H(P)'], keys: ['entropy'], yLabel: base.unit };
    case 'pair':
      return { names: ['H(P)', 'H(Q)', 'D_KL(P‖Q)', 'D_KL(Q‖P)'], keys: ['entropy', 'entropyQ', 'klPQ', 'klQP'], yLabel: base.unit };
    case 'loss':
      return { names: [base.loss.toUpperCase()], keys: ['loss'], yLabel: base.unit };
  }
}

/**
 * The values at any temperature for the state's edits (and smoothing): the edits are applied once,
 * then each temperature costs one pass over the literal with one exponential per element and
 * distribution and no allocation — for 100,000 elements a point is about a millisecond, where two
 * tempered copies of each distribution would cost several. The quantities are written in terms of
 * the tempered logits u = ln p / T, shifted by their maximum m and normalised by Z = Σ e^(u − m):
 *
 *   H = ln Z − Σ e^(u−m) (u − m) / Z,
 *   D_KL(P‖Q) = Σ e^(u−m) (u − v) / Z_P − m_P − ln Z_P + m_Q + ln Z_Q,
 *
 * a term of zero weight (p = 0) skipped, +∞ where q = 0 < p. The unit tests hold it to the core's
 * own figures at the same temperature.
 */
export function curveSampler(base: PlaygroundBase, state: PlaygroundState): (t: number) => CurvePoint {
  const scale = natsPerUnit(base.unit);
  switch (base.kind) {
    case 'distribution': {
      const p = applyEdits(base.p, state.edits.p).logP;
      return (t) => ({ t, values: [tempered(p, 1 / t).entropy / scale] });
    }
    case 'pair': {
      const p = applyEdits(base.p, state.edits.p).logP;
      const q = applyEdits(base.q, state.edits.q).logP;
      return (t) => {
        const a = 1 / t;
        const tp = tempered(p, a);
        const tq = tempered(q, a);
        return { t, values: [tp.entropy / scale, tq.entropy / scale, divergence(p, q, a, tp, tq) / scale, divergence(q, p, a, tq, tp) / scale] };
      };
    }
    case 'loss':
      return (t) => ({ t, values: [lossAt(base, { ...state, temperature: t }).value] });
  }
}

interface Tempered {
  /** max of a·ln p */
  readonly max: number;
  readonly logZ: number;
  readonly entropy: number;
}

function tempered(logP: Float64Array, a: number): Tempered {
  let max = -Infinity;
  for (let i = 0; i < logP.length; i++) if (logP[i] * a > max) max = logP[i] * a;
  let z = 0;
  let weighted = 0;
  for (let i = 0; i < logP.length; i++) {
    const u = logP[i] * a - max;
    if (u === -Infinity) continue;
    const e = Math.exp(u);
    z += e;
    weighted += e * u;
  }
  const logZ = Math.log(z);
  return { max, logZ, entropy: Math.max(0, logZ - weighted / z) };
}

function divergence(p: Float64Array, q: Float64Array, a: number, tp: Tempered, tq: Tempered): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const u = p[i] * a - tp.max;
    if (u === -Infinity) continue;
    const v = q[i] * a - tq.max;
    if (v === -Infinity) return Infinity;
    sum += Math.exp(u) * (u - v);
  }
  return Math.max(0, sum / Math.exp(tp.logZ) - tp.logZ + tq.logZ);
}

/**
 * The chart: one line per series over the points computed so far (none yet: only the axes and the
 * mark), the current temperature marked on each line with the figure's own value.
 */
export function temperatureChart(base: PlaygroundBase, points: readonly CurvePoint[], temperature: number, current: readonly number[], complete: boolean): CurveChart {
  const series = curveSeries(base);
  const lines: CurveLine[] = series.names.map((name, s) => ({
    name,
    points: points.filter((point) => Number.isFinite(point.values[s])).map((point) => [point.t, point.values[s]] as const),
  }));
  let top = 0;
  for (const line of lines) for (const [, y] of line.points) top = Math.max(top, y);
  for (const y of current) if (Number.isFinite(y)) top = Math.max(top, y);
  const marks: CurveMark[] = series.names.map((name, s) => ({
    x: temperature,
    y: toWire(current[s] ?? Number.NaN),
    label: `${name} at ${temperatureText(temperature)}: ${Number.isFinite(current[s]) ? formatNumber(current[s], 4) : '∞'}`,
    series: s,
  }));
  const infinite = series.names.filter((_, s) => points.length > 0 && points.every((point) => !Number.isFinite(point.values[s])));
  const pairText = 'H(P), H(Q) and both KL directions';
  const what = base.kind === 'pair' ? pairText : base.kind === 'loss' ? `The ${base.loss.toUpperCase()} loss` : 'H(P)';
  const caption =
    `${what} against the temperature T (log scale): T < 1 sharpens each distribution toward its largest element, T > 1 flattens it toward uniform.` +
    (infinite.length > 0 ? ` ${infinite.join(' and ')} ${infinite.length === 1 ? 'is' : 'are'} infinite at every temperature (a zero stays a zero).` : '') +
    (complete ? '' : ' Computing…');
  return {
    id: 'temperature',
    title: base.kind === 'loss' ? 'Loss against temperature' : base.kind === 'pair' ? 'Entropy and both KL directions against temperature' : 'Entropy against temperature',
    caption,
    xLabel: 'temperature T',
    yLabel: series.yLabel,
    x: [TEMPERATURE_MIN, TEMPERATURE_MAX],
    y: [0, top > 0 ? top * 1.05 : 1],
    xLog: true,
    cursor: { x: temperature, label: temperatureText(temperature) },
    lines,
    marks,
    marksLeftOff: 0,
  };
}
