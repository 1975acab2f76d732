import { formatNumber } from '../../core/figures';
import { isIdentity, type Edit, type PlaygroundBase, type PlaygroundState } from '../playground';

/** How the playground's state is written in figures, titles and notes. */

/** "T = 2.51": the temperature as the panel writes it (three significant digits). */
export function temperatureText(temperature: number): string {
  return `T = ${formatNumber(temperature, 3)}`;
}

export function smoothingText(smoothing: number): string {
  return `ε = ${formatNumber(smoothing, 3)}`;
}

/** What a figure is conditioned on, "T = 2.51, edited", or undefined at the literal as written. */
export function conditionOf(base: PlaygroundBase, state: PlaygroundState): string | undefined {
  if (isIdentity(state)) return undefined;
  const parts: string[] = [];
  if (state.temperature !== 1) parts.push(temperatureText(state.temperature));
  if (base.kind === 'loss' && state.smoothing !== 0) parts.push(smoothingText(state.smoothing));
  if (base.kind !== 'loss' && state.edits.p.length + state.edits.q.length > 0) parts.push('edited');
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The notes saying what the panel changed: edits, temperature, smoothing. */
export function playgroundNotes(base: PlaygroundBase, state: PlaygroundState): string[] {
  const notes: string[] = [];
  const count = (edits: readonly Edit[], name: string) => (edits.length === 0 ? [] : [`${name}: ${edits.length === 1 ? `element ${edits[0][0]} set to ${formatNumber(edits[0][1], 6)}` : `${edits.length} elements set`}`]);
  if (base.kind !== 'loss') {
    const edited = [...count(state.edits.p, 'P'), ...count(state.edits.q, 'Q')];
    if (edited.length > 0) notes.push(`Edited in the panel (${edited.join('; ')}); the other elements were rescaled in proportion to keep the sum 1.`);
  }
  if (state.temperature !== 1) {
    const what = base.kind === 'loss' ? 'the predictions are' : base.kind === 'pair' ? 'P and Q are' : 'P is';
    notes.push(`At temperature ${temperatureText(state.temperature)}: ${what} softmax(log p / T), that is softmax(z / T) of logits and p^(1/T) renormalised of probabilities, as sampling with a temperature does.`);
  }
  // Label smoothing: the core's loss says how it smoothed the targets.
  return notes;
}

