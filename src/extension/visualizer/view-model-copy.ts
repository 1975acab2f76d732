import type { Evaluation } from '../../core/evaluate';
import { toMarkdown } from '../../core/format';
import { shownEvaluation } from '../../shared/model/literal-edit';
import { smoothingFormula } from '../../shared/model/loss';
import type { PlaygroundState } from '../../shared/playground';
import { latexOf } from './latex';

/**
 * What the panel's copy buttons copy once it was played with: the figures and formulas at the page's
 * state (sent with the message, validated by the protocol), computed here with the page's own code
 * (src/shared/model) from the host's own evaluation — never numbers the page sends. Pure: no vscode.
 */
export function markdownAt(evaluation: Evaluation, state: PlaygroundState | undefined, precision: number): string {
  return toMarkdown(shownEvaluation(evaluation, state), precision);
}

export function latexAt(evaluation: Evaluation, id: string | undefined, state: PlaygroundState | undefined, precision: number): string | undefined {
  if (id === 'smoothing' && state && state.smoothing > 0 && evaluation.kind === 'loss' && evaluation.loss !== 'mse') {
    return smoothingFormula(state.smoothing, evaluation.loss === 'bce' ? 2 : evaluation.classes, precision).substituted;
  }
  return latexOf(shownEvaluation(evaluation, state), id, precision);
}
