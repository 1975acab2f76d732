import type { DistributionEvaluation, Evaluation, PairEvaluation } from '../../core/evaluate';
import { softmaxInto } from '../../core/log-softmax';
import { crossEntropy, entropy, entropyAndTerms, jsDivergence, klDivergence, klTerms, maxEntropy } from '../../core/quantities';
import { CompensatedSum } from '../../core/summation';
import { perplexityOf } from '../../core/meaning';
import { natsPerUnit, type Distribution, type Interpreted } from '../../core/types';
import { PLAYGROUND_MAX_ELEMENTS, type BaseDistribution, type Edit, type PlaygroundBase, type PlaygroundState } from '../playground';
import { lossAt } from './playground-loss';
import { playgroundNotes } from './playground-text';

/**
 * The playground's arithmetic (issue 13), pure and shared: the page runs it on every slider move
 * and dragged bar, the host runs the very same code to copy or apply what the page shows.
 *
 * An evaluation at a playground state is computed from the literal's distributions as the core read
 * them (`baseOf`): first the dragged edits, then the temperature — softmax(log p / T), which is
 * softmax(z / T) for logits and p^{1/T} renormalised for probabilities and counts — then, for a loss,
 * the label smoothing of its targets. Every quantity comes from the core's own functions.
 */

/** The inputs the page needs, or undefined when the literal has no playground (batches, MSE, huge vectors). */
export function baseOf(evaluation: Evaluation): PlaygroundBase | undefined {
  const common = { unit: evaluation.unit, range: evaluation.range, notes: evaluation.notes };
  switch (evaluation.kind) {
    case 'distribution':
      if (evaluation.p.p.length > PLAYGROUND_MAX_ELEMENTS) return undefined;
      return { kind: 'distribution', ...common, p: baseDistribution(evaluation.p), ...(evaluation.labels ? { labels: evaluation.labels } : {}) };
    case 'pair':
      if (evaluation.p.p.length > PLAYGROUND_MAX_ELEMENTS) return undefined;
      return { kind: 'pair', ...common, p: baseDistribution(evaluation.p), q: baseDistribution(evaluation.q), ...(evaluation.labels ? { labels: evaluation.labels } : {}) };
    case 'loss': {
      // With label smoothing already among its options, the literal's targets are not the ones to smooth.
      if (evaluation.loss === 'mse' || evaluation.predictions.length > PLAYGROUND_MAX_ELEMENTS || (evaluation.options?.labelSmoothing ?? 0) > 0) return undefined;
      const k = evaluation.classes;
      const columns = evaluation.columns ?? 1;
      const cce = evaluation.loss === 'cce';
      return {
        kind: 'loss',
        ...common,
        loss: evaluation.loss,
        reason: evaluation.reason,
        interpretation: evaluation.interpretation,
        targets: evaluation.targets,
        targetColumns: cce ? (evaluation.targets.length === evaluation.samples * k && k > 1 ? k : undefined) : columns > 1 ? columns : undefined,
        predictions: evaluation.predictions,
        predictionColumns: cce ? k : columns > 1 ? columns : undefined,
        options: evaluation.options ?? {},
      };
    }
    default:
      // Batches (and any kind without a playground of its own).
      return undefined;
  }
}

function baseDistribution(d: Interpreted): BaseDistribution {
  return { p: d.p, logP: d.logP, interpretation: d.interpretation, reason: d.reason, warnings: d.warnings };
}

/** The evaluation the panel shows at `state`. */
export function evaluationAt(base: PlaygroundBase, state: PlaygroundState): Evaluation {
  switch (base.kind) {
    case 'distribution':
      return distributionAt(base, state);
    case 'pair':
      return pairAt(base, state);
    case 'loss':
      return lossAt(base, state);
  }
}

// ---------------------------------------------------------------------------------------------
// Distributions: edits, then temperature

/** The distribution the page shows for `d`: its edits applied, then the temperature. */
export function shownDistribution(d: BaseDistribution, edits: readonly Edit[], temperature: number): Interpreted {
  const shown = temper(applyEdits(d, edits), temperature);
  return { p: shown.p, logP: shown.logP, interpretation: d.interpretation, reason: d.reason, warnings: d.warnings };
}

function distributionAt(base: PlaygroundBase & { kind: 'distribution' }, state: PlaygroundState): DistributionEvaluation {
  const p = shownDistribution(base.p, state.edits.p, state.temperature);
  const scale = natsPerUnit(base.unit);
  const h = entropyAndTerms(p);
  for (let i = 0; i < h.terms.length; i++) h.terms[i] /= scale;
  return {
    kind: 'distribution',
    unit: base.unit,
    range: base.range,
    interpretation: base.p.interpretation,
    notes: [...base.notes, ...playgroundNotes(base, state)],
    warnings: base.p.warnings,
    p,
    ...(base.labels ? { labels: base.labels } : {}),
    entropy: h.value / scale,
    entropyTerms: h.terms,
    maxEntropy: maxEntropy(p.p.length) / scale,
    perplexity: perplexityOf(h.value),
  };
}

function pairAt(base: PlaygroundBase & { kind: 'pair' }, state: PlaygroundState): PairEvaluation {
  const p = shownDistribution(base.p, state.edits.p, state.temperature);
  const q = shownDistribution(base.q, state.edits.q, state.temperature);
  const scale = natsPerUnit(base.unit);
  // As evaluatePair words them: the interpretation's warnings, then where a direction is infinite.
  const warnings = [...p.warnings.map((w) => `P: ${w}`), ...q.warnings.map((w) => `Q: ${w}`)];
  const klPQ = klDivergence(p, q);
  const klQP = klDivergence(q, p);
  const cross = crossEntropy(p, q);
  if (klPQ.infiniteAt >= 0) warnings.push(`D_KL(P‖Q) and H(P,Q) are infinite: Q is 0 at element ${klPQ.infiniteAt} where P is not`);
  if (klQP.infiniteAt >= 0) warnings.push(`D_KL(Q‖P) is infinite: P is 0 at element ${klQP.infiniteAt} where Q is not`);
  const inUnit = (x: { value: number; infiniteAt: number }) => ({ value: x.value / scale, infiniteAt: x.infiniteAt });
  const scaled = (terms: Float64Array) => {
    if (scale !== 1) for (let i = 0; i < terms.length; i++) terms[i] /= scale;
    return terms;
  };
  return {
    kind: 'pair',
    unit: base.unit,
    range: base.range,
    interpretation: p.interpretation,
    interpretationQ: q.interpretation,
    notes: [...base.notes, ...playgroundNotes(base, state)],
    warnings,
    p,
    q,
    ...(base.labels ? { labels: base.labels } : {}),
    entropy: entropy(p) / scale,
    entropyQ: entropy(q) / scale,
    crossEntropy: inUnit(cross),
    klPQ: inUnit(klPQ),
    klQP: inUnit(klQP),
    jsDivergence: jsDivergence(p, q) / scale,
    klTermsPQ: scaled(klTerms(p, q)),
    klTermsQP: scaled(klTerms(q, p)),
  };
}

/**
 * The distribution with its edits: each edited element gets its probability, the others share
 * the rest in the proportions they had (ln p shifted by ln c, so logits far below the maximum keep
 * their exact logarithms). The result is renormalised by its compensated sum, as `interpret` does.
 */
export function applyEdits(d: Distribution, edits: readonly Edit[]): Distribution {
  if (edits.length === 0) return d;
  const n = d.p.length;
  const set = new Map<number, number>();
  for (const [index, probability] of edits) {
    if (!(index >= 0 && index < n)) throw new RangeError(`an edit names element ${index} of a ${n}-element distribution`);
    set.set(index, probability);
  }
  const edited = new CompensatedSum();
  const untouched = new CompensatedSum();
  for (const value of set.values()) edited.add(value);
  for (let i = 0; i < n; i++) if (!set.has(i)) untouched.add(d.p[i]);
  const rest = Math.max(0, 1 - edited.value());
  const others = untouched.value();
  const c = others > 0 ? rest / others : 0;
  const logC = Math.log(c);
  const p = new Float64Array(n);
  const logP = new Float64Array(n);
  const total = new CompensatedSum();
  for (let i = 0; i < n; i++) {
    const value = set.get(i);
    if (value === undefined) {
      p[i] = c * d.p[i];
      logP[i] = c === 0 ? -Infinity : d.logP[i] + logC;
    } else {
      p[i] = value;
      logP[i] = Math.log(value);
    }
    total.add(p[i]);
  }
  const sum = total.value();
  if (!(sum > 0)) throw new RangeError('the edits leave no probability anywhere');
  if (sum !== 1) {
    const logSum = Math.log(sum);
    for (let i = 0; i < n; i++) {
      p[i] /= sum;
      logP[i] = Math.min(0, logP[i] - logSum);
    }
  }
  return { p, logP };
}

const TEMPERED = { name: 'the tempered distribution', range: { start: 0, end: 0 }, elementRange: () => ({ start: 0, end: 0 }) };

/**
 * softmax(log p / T) with the core's log-softmax: p^{1/T} renormalised, computed from ln p so it never
 * overflows, underflows to NaN or loses the exact logarithms of logits; p = 0 stays 0 (−∞ / T = −∞).
 */
export function temper(d: Distribution, temperature: number): Distribution {
  if (temperature === 1) return d;
  const n = d.p.length;
  const scaled = new Float64Array(n);
  for (let i = 0; i < n; i++) scaled[i] = d.logP[i] / temperature;
  const p = new Float64Array(n);
  const logP = new Float64Array(n);
  softmaxInto(scaled, 0, n, () => TEMPERED, p, logP);
  return { p, logP };
}
