import { formatNumber } from '../../core/figures';
import { entropy, klDivergence } from '../../core/quantities';
import { natsPerUnit } from '../../core/types';
import { TEMPERATURE_MAX, TEMPERATURE_MIN, type PlaygroundBase, type PlaygroundState } from '../playground';
import type { CurveChart, CurveLine, CurveMark } from '../view-model';
import { toWire } from '../wire';
import { lossAt } from './playground-loss';
import { shownDistribution } from './playground';
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

/** The values at temperature `t` with the state's edits (and smoothing). */
export function curvePoint(base: PlaygroundBase, state: PlaygroundState, t: number): CurvePoint {
  const scale = natsPerUnit(base.unit);
  switch (base.kind) {
    case 'distribution':
      return { t, values: [entropy(shownDistribution(base.p, state.edits.p, t)) / scale] };
    case 'pair': {
      const p = shownDistribution(base.p, state.edits.p, t);
      const q = shownDistribution(base.q, state.edits.q, t);
      return { t, values: [entropy(p) / scale, entropy(q) / scale, klDivergence(p, q).value / scale, klDivergence(q, p).value / scale] };
    }
    case 'loss':
      return { t, values: [lossAt(base, { ...state, temperature: t }).value] };
  }
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
