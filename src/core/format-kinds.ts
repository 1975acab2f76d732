import { formatNumber } from './number-format';
import type { PairsEvaluation } from './pairs';
import type { SequenceEvaluation } from './sequence';

/**
 * The `--json` fields and text lines of the per-row and per-token kinds (a batch of pairs, a
 * sequence), apart from format.ts so each renderer stays one screen long.
 */

type Json = (value: number) => number | string;

/** Rows and lines listed in the text summary before "… and N more". */
const LISTED = 10;

export function pairsJson(evaluation: PairsEvaluation, json: Json): Record<string, unknown> {
  return {
    rows: evaluation.rows.map((row) => ({
      entropy: json(row.entropy),
      entropyQ: json(row.entropyQ),
      crossEntropy: json(row.crossEntropy.value),
      klPQ: json(row.klPQ.value),
      klQP: json(row.klQP.value),
      jsDivergence: json(row.jsDivergence),
    })),
    entropy: json(evaluation.entropy),
    entropyQ: json(evaluation.entropyQ),
    crossEntropy: json(evaluation.crossEntropy.value),
    klPQ: json(evaluation.klPQ.value),
    klQP: json(evaluation.klQP.value),
    jsDivergence: json(evaluation.jsDivergence),
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
