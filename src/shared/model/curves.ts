import type { LossEvaluation } from '../../core/evaluate';
import { formatNumber } from '../../core/figures';
import { natsPerUnit, type Unit } from '../../core/types';
import type { CurveChart } from '../view-model';
import { toWire } from '../wire';
import { topIndices } from './bars';

/** Samples marked on a loss curve. */
export const MAX_MARKS = 200;
const CURVE_POINTS = 121;

/** A point marked on the binary-entropy curve: P's or Q's second element. */
export interface BinaryMark {
  readonly x: number;
  readonly label: string;
  readonly name: string;
  readonly series: number;
}

/** H(p) = −p log p − (1 − p) log(1 − p), in the unit, with 0 log 0 = 0. */
export function binaryEntropy(p: number, unit: Unit): number {
  const term = (x: number) => (x > 0 ? -x * Math.log(x) : 0);
  return (term(p) + term(1 - p)) / natsPerUnit(unit);
}

/** A two-element distribution is a Bernoulli: the binary-entropy curve, with P (and Q) marked on it. */
export function binaryEntropyCurve(unit: Unit, at: readonly BinaryMark[]): CurveChart {
  const points = Array.from({ length: CURVE_POINTS }, (_, k) => {
    const x = k / (CURVE_POINTS - 1);
    return [x, binaryEntropy(x, unit)] as const;
  });
  return {
    id: 'binaryEntropy',
    title: 'Binary entropy H(p)',
    caption: `A two-element distribution is a Bernoulli: H(p) peaks at p = ½ with log 2 = ${formatNumber(binaryEntropy(0.5, unit), 6)} ${unit}.`,
    xLabel: 'p (second element)',
    yLabel: `H(p) (${unit})`,
    x: [0, 1],
    y: [0, binaryEntropy(0.5, unit) * 1.1],
    lines: [{ name: 'H(p)', points }],
    marks: at.map((m) => ({ x: m.x, y: toWire(binaryEntropy(m.x, unit)), label: m.label, name: m.name, series: m.series })),
    marksLeftOff: 0,
  };
}

/**
 * The loss against the prediction, the largest MAX_MARKS samples marked on it: −log p of the observed
 * label, or for MSE the parabola beside the Normal NLL. None for soft labels (no single observed label).
 */
export function lossCurve(evaluation: LossEvaluation, fmt: (x: number) => string): CurveChart | undefined {
  const scale = natsPerUnit(evaluation.unit);
  const per = evaluation.perSample;
  const kept = topIndices(per.length, MAX_MARKS, (i) => per[i]);
  const leftOff = per.length - kept.length;
  if (evaluation.loss === 'mse') {
    const f = evaluation.predictions;
    const y = evaluation.targets;
    let reach = 1;
    for (const i of kept) reach = Math.max(reach, Math.abs(f[i] - y[i]));
    reach *= 1.15;
    const halfLog2Pi = (0.5 * Math.log(2 * Math.PI)) / scale;
    const mse = Array.from({ length: CURVE_POINTS }, (_, k) => {
      const r = -reach + (2 * reach * k) / (CURVE_POINTS - 1);
      return [r, r * r] as const;
    });
    const nll = mse.map(([r, r2]) => [r, halfLog2Pi + (0.5 * r2) / scale] as const);
    return {
      id: 'lossCurve',
      title: 'Loss as a function of the prediction',
      caption: `Squared error (y − f)² and the Normal NLL ½ log 2π + ½ (y − f)² against the residual f − y: both are lowest at f = y, so minimising one minimises the other.`,
      xLabel: 'residual f − y',
      yLabel: 'loss',
      x: [-reach, reach],
      // Both lines fit: the NLL sits above the parabola by ½ log 2π near zero.
      y: [0, Math.max(reach * reach, nll[0][1]) * 1.05],
      lines: [
        { name: '(y − f)²', points: mse },
        { name: `NLL (${evaluation.unit})`, points: nll },
      ],
      marks: kept.map((i) => {
        const r = f[i] - y[i];
        return { x: r, y: toWire(r * r), label: `sample ${i}: f − y = ${fmt(r)}` };
      }),
      marksLeftOff: leftOff,
    };
  }
  const observed = evaluation.observedProbability;
  if (!observed) return undefined;
  const log = evaluation.unit === 'nats' ? 'ln' : evaluation.unit === 'bits' ? 'log₂' : 'log₁₀';
  const floor = 0.005;
  const points = Array.from({ length: CURVE_POINTS }, (_, k) => {
    // Denser near 0, where the curve climbs.
    const x = floor * Math.pow(1 / floor, k / (CURVE_POINTS - 1));
    return [x, -Math.log(x) / scale] as const;
  });
  let top = -Math.log(0.02) / scale;
  for (const i of kept) if (Number.isFinite(per[i])) top = Math.max(top, per[i]);
  return {
    id: 'lossCurve',
    title: 'Loss as a function of the prediction',
    caption: `Each sample’s loss is −${log} p of the probability p the model gives its observed label: 0 at p = 1, growing without bound as p → 0.`,
    xLabel: 'p of the observed label',
    yLabel: `−${log} p (${evaluation.unit})`,
    x: [0, 1],
    y: [0, top * 1.1],
    lines: [{ name: `−${log} p`, points }],
    marks: kept.map((i) => ({ x: observed[i], y: toWire(per[i]), label: `sample ${i}: p = ${fmt(observed[i])}` })),
    marksLeftOff: leftOff,
  };
}
