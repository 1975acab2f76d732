import { formatNumber } from './number-format';
import type { PairsEvaluation } from './pairs';
import type { SequenceEvaluation } from './sequence';
import type { PairFigures } from './types';

/**
 * The `--json` fields and text lines of the per-row and per-token kinds (a batch of pairs, a
 * sequence), apart from format.ts so each renderer stays one screen long.
 */

type Json = (value: number) => number | string;

/** Rows and lines listed in the text summary before "… and N more". */
const LISTED = 10;

export function pairsJson(evaluation: PairsEvaluation, json: Json): Record<string, unknown> {
  return { rows: evaluation.rows.map((row) => pairFiguresJson(row, json)), ...pairFiguresJson(evaluation, json) };
}

/** The six figures of a pair (or a batch's means), as the CLI's `--json` names them. */
export function pairFiguresJson(figures: PairFigures, json: Json): Record<string, number | string> {
  return {
    entropy: json(figures.entropy),
    entropyQ: json(figures.entropyQ),
    crossEntropy: json(figures.crossEntropy.value),
    klPQ: json(figures.klPQ.value),
    klQP: json(figures.klQP.value),
    jsDivergence: json(figures.jsDivergence),
  };
}

export function sequenceJson(evaluation: SequenceEvaluation, json: Json): Record<string, unknown> {
  const tokens = evaluation.tokens;
  return {
    tokens: Array.from(evaluation.logprobs, (logprob, i) => ({
      ...(tokens ? { token: tokens[i] } : {}),
      logprob: json(logprob),
      surprisal: json(evaluation.surprisals[i]),
    })),
    totalSurprisal: json(evaluation.totalSurprisal.value),
    meanSurprisal: json(evaluation.meanSurprisal.value),
    perplexity: json(evaluation.perplexity),
  };
}

/** Each row's D_KL(P‖Q), D_KL(Q‖P) and JS, the first rows only. */
export function pairsLines(evaluation: PairsEvaluation, precision: number): string[] {
  const unit = evaluation.unit;
  const f = (x: number) => formatNumber(x, precision);
  const lines = evaluation.rows
    .slice(0, LISTED)
    .map((row, i) => `  row ${i}: D_KL(P‖Q) ${f(row.klPQ.value)}, D_KL(Q‖P) ${f(row.klQP.value)}, JS ${f(row.jsDivergence)} ${unit}`);
  return [...lines, ...more(evaluation.rows.length, 'rows')];
}

/** Each token's surprisal, the first tokens only. */
export function sequenceLines(evaluation: SequenceEvaluation, precision: number): string[] {
  const tokens = evaluation.tokens;
  const shown = Math.min(LISTED, evaluation.logprobs.length);
  const lines: string[] = [];
  for (let i = 0; i < shown; i++) {
    const name = tokens ? ` ${JSON.stringify(tokens[i])}` : '';
    lines.push(`  token ${i}${name}: surprisal ${formatNumber(evaluation.surprisals[i], precision)} ${evaluation.unit}`);
  }
  return [...lines, ...more(evaluation.logprobs.length, 'tokens')];
}

function more(total: number, noun: string): string[] {
  return total > LISTED ? [`  … and ${total - LISTED} more ${noun}`] : [];
}
