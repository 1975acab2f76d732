import type { Evaluation } from '../../core/evaluate';
import { readLiteral } from '../../core/reader';
import { shapeOf, type Vector } from '../../core/shape';
import { CompensatedSum } from '../../core/summation';
import type { Interpretation, Interpreted } from '../../core/types';
import { isIdentity, type BaseDistribution, type Edit, type PlaygroundState } from '../playground';
import { baseOf, evaluationAt } from './playground';

/**
 * The literal with the playground's changes written into it, for "Copy as literal" and "Apply to
 * editor": the page tells the host its state, the host computes with this same code.
 */

/** The evaluation the page shows at `state`; the host's own at the literal as written. */
export function shownEvaluation(evaluation: Evaluation, state: PlaygroundState | undefined): Evaluation {
  if (!state || isIdentity(state)) return evaluation;
  const base = baseOf(evaluation);
  return base ? evaluationAt(base, state) : evaluation;
}

/** Significant digits written into the literal: round-trips every probability a drag can set. */
const WRITTEN_DIGITS = 12;

/**
 * `text` (the literal the evaluation was read from) with each number replaced by the one the page
 * shows at `state`, in the literal's own reading: probabilities as probabilities, counts scaled to
 * the same total, logits as logits (an element nobody dragged keeps z / T, so at T = 1 it stays as
 * written), log-probabilities as log-probabilities. Only numbers that change are rewritten; brackets,
 * keys, separators, comments and `np.array(…)` stay as they were.
 *
 * @throws Error when the literal is not one distribution or one P/Q pair (there is nothing to write).
 */
export function editedLiteral(text: string, evaluation: Evaluation, state: PlaygroundState): string {
  const base = baseOf(evaluation);
  if (!base || base.kind === 'loss') throw new Error('only a distribution or a P/Q pair can be written back');
  const shown = evaluationAt(base, state);
  if (shown.kind !== 'distribution' && shown.kind !== 'pair') throw new Error('only a distribution or a P/Q pair can be written back');
  const shaped = shapeOf(readLiteral(text));
  const vectors: [Vector, BaseDistribution, Interpreted, readonly Edit[]][] = [];
  if (shaped.kind === 'distribution' && base.kind === 'distribution') vectors.push([shaped.p, base.p, shown.p, state.edits.p]);
  else if (shaped.kind === 'pair' && base.kind === 'pair' && shown.kind === 'pair') {
    vectors.push([shaped.p, base.p, shown.p, state.edits.p], [shaped.q, base.q, shown.q, state.edits.q]);
  } else throw new Error('the literal no longer has the shape the panel shows');
  const replacements: { start: number; end: number; text: string }[] = [];
  for (const [vector, original, now, edits] of vectors) {
    if (vector.values.length !== now.p.length) throw new Error('the literal no longer has the numbers the panel shows');
    const written = writtenValues(vector.values, original.interpretation, now, new Set(edits.map(([i]) => i)), state.temperature);
    for (let i = 0; i < written.length; i++) {
      const next = format(written[i]);
      // −∞ (or -np.inf) written for a class of probability 0 still means that: keep it as written.
      if (next === format(vector.values[i]) || (!Number.isFinite(vector.values[i]) && now.p[i] === 0)) continue;
      const range = vector.elementRange(i);
      replacements.push({ start: range.start, end: range.end, text: next });
    }
  }
  replacements.sort((a, b) => b.start - a.start);
  let out = text;
  for (const r of replacements) out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}

/** The numbers to write for distribution `now`, in the reading the literal was given. */
function writtenValues(values: Float64Array, reading: Interpretation, now: Interpreted, edited: ReadonlySet<number>, temperature: number): Float64Array {
  const n = values.length;
  switch (reading) {
    case 'probs':
      return Float64Array.from(now.p);
    case 'counts': {
      const total = new CompensatedSum();
      for (let i = 0; i < n; i++) total.add(values[i]);
      return now.p.map((p) => p * total.value());
    }
    case 'logprobs':
      return now.logP.map(finiteLog);
    case 'logits': {
      // Logits are defined up to a constant: the one that keeps an undragged element at z / T.
      let shift = 0;
      for (let i = 0; i < n; i++) {
        if (!edited.has(i) && Number.isFinite(now.logP[i])) {
          shift = values[i] / temperature - now.logP[i];
          break;
        }
      }
      const out = now.logP.map((l) => l + shift);
      let max = -Infinity;
      for (const z of out) if (Number.isFinite(z) && z > max) max = z;
      // A probability of exactly 0 as a logit far enough below the rest that exp underflows to 0.
      return out.map((z) => (Number.isFinite(z) ? z : (Number.isFinite(max) ? max : 0) - 1000));
    }
  }
}

/** ln 0 written as −1000: exp(−1000) is exactly 0 in double precision. */
function finiteLog(l: number): number {
  return Number.isFinite(l) ? l : -1000;
}

/** Twelve significant digits without trailing zeros: "0.25", "1.5e-7", "-3.2". */
function format(x: number): string {
  return String(Number(x.toPrecision(WRITTEN_DIGITS)));
}
