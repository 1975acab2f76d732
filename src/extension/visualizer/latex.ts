import type { Evaluation } from '../../core/evaluate';
import { derivationOf, formulasOf, toLatex } from '../../core/tex';

/**
 * The LaTeX the panel's copy buttons ask for, by id, from our own evaluation: the webview never
 * sends text to copy. No id: every formula; a formula's id; `step-N`: a loss derivation's step.
 */
export function latexOf(evaluation: Evaluation, id: string | undefined, precision: number): string | undefined {
  if (id === undefined) return toLatex(evaluation, precision);
  const formula = formulasOf(evaluation, precision).find((f) => f.id === id);
  if (formula) return formula.substituted;
  if (evaluation.kind === 'loss') {
    const step = /^step-(\d+)$/.exec(id);
    if (step) return derivationOf(evaluation, precision)[Number(step[1])]?.tex;
  }
  return undefined;
}
