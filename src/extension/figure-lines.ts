import type { Evaluation } from '../core/evaluate';
import { figuresOf, formatFigure, formatNumber, summaryLine, type Figure } from '../core/figures';
import { l10n } from './l10n';

/**
 * The figures as the editor's short surfaces say them: a notification's one line and the hover's
 * table rows. A pair leads with both Kullback–Leibler directions (the status bar headlines one;
 * the other differs), and a batch of a few rows names each row's entropy. The figures' labels and
 * the summary are the core's notation and English; the words added here are translated.
 */

/** Rows of a batch whose entropies are named one by one. */
const ROWS_NAMED = 4;

/** One line for a notification: "D_KL(P‖Q) = … · D_KL(Q‖P) = … · H(P) = … · H(Q) = …". */
export function notificationLine(evaluation: Evaluation, precision: number): string {
  if (evaluation.kind === 'pair') {
    const byKey = new Map(figuresOf(evaluation).map((figure) => [figure.key, figure]));
    return ['klPQ', 'klQP', 'entropy', 'entropyQ']
      .map((key) => byKey.get(key))
      .filter((figure): figure is Figure => figure !== undefined)
      .map((figure) => formatFigure(figure, precision))
      .join(' · ');
  }
  if (evaluation.kind === 'batch' && evaluation.rows.length <= ROWS_NAMED) {
    return [summaryLine(evaluation, precision), ...rowFigures(evaluation, precision).map(({ label, value }) => `${label} = ${value}`)].join(' · ');
  }
  return summaryLine(evaluation, precision);
}

/** The hover's label for a figure: `log n` said in words. */
export function hoverLabel(figure: Figure): string {
  return figure.key === 'maxEntropy' ? l10n.t('max entropy ({0})', figure.label) : figure.label;
}

/** A batch's rows' entropies, the first few: label and formatted value with its unit. */
export function rowFigures(evaluation: Evaluation, precision: number, most = ROWS_NAMED): { readonly label: string; readonly value: string }[] {
  if (evaluation.kind !== 'batch') return [];
  return evaluation.rows.slice(0, most).map((row, i) => ({ label: l10n.t('H(row {0})', i), value: `${formatNumber(row.entropy, precision)} ${evaluation.unit}` }));
}
