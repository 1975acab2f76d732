import type { BatchEvaluation, Evaluation } from './evaluate';
import { describe, figuresOf, formatNumber, infiniteAtNoun } from './figures';
import { pairFiguresJson, pairsJson, pairsLines, sequenceJson, sequenceLines } from './format-kinds';
import { lossJson, lossLines } from './format-loss';

/**
 * Text renderings of an evaluation: the CLI's aligned summary, its JSON contract, and Markdown for
 * copying. TeX lives in tex.ts.
 */

/** The CLI's `--json` contract (README, "CLI"): infinite values as the string "Infinity". */
export function toJson(evaluation: Evaluation): Record<string, unknown> {
  const common = { kind: evaluation.kind, unit: evaluation.unit, interpretation: evaluation.interpretation };
  const tail = { notes: evaluation.notes, warnings: evaluation.warnings };
  switch (evaluation.kind) {
    case 'distribution':
      return { ...common, entropy: json(evaluation.entropy), ...(evaluation.perplexity !== undefined ? { perplexity: json(evaluation.perplexity) } : {}), ...tail };
    case 'pair':
      return { ...common, ...pairFiguresJson(evaluation, json), ...tail };
    case 'batch':
      return batchJson(evaluation, rowsJson(evaluation.entropies));
    case 'loss':
      return { ...common, loss: lossJson(evaluation, json), ...tail };
    case 'pairs':
      return { ...common, ...pairsJson(evaluation, json), ...tail };
    case 'joint':
      return {
        ...common,
        jointEntropy: json(evaluation.jointEntropy),
        entropyX: json(evaluation.entropyX),
        entropyY: json(evaluation.entropyY),
        conditionalEntropyXGivenY: json(evaluation.conditionalEntropyXGivenY),
        conditionalEntropyYGivenX: json(evaluation.conditionalEntropyYGivenX),
        mutualInformation: json(evaluation.mutualInformation),
        ...tail,
      };
    case 'sequence':
      return { ...common, ...sequenceJson(evaluation, json), ...tail };
  }
}

/** Rows per piece of `jsonPieces`: small enough that a piece's garbage dies young. */
const ROWS_PER_PIECE = 4096;

/**
 * `JSON.stringify(toJson(evaluation))` in pieces, as the CLI writes it: a batch's rows go out a
 * block at a time, so a batch of millions is never a million objects and a 60 MB string at once.
 */
export function* jsonPieces(evaluation: Evaluation, rowsPerPiece = ROWS_PER_PIECE): Generator<string> {
  if (evaluation.kind !== 'batch') {
    yield JSON.stringify(toJson(evaluation));
    return;
  }
  // Every key before "rows" holds a plain word, so its first `"rows":[]` is the rows.
  const whole = JSON.stringify(batchJson(evaluation, []));
  const at = whole.indexOf('"rows":[]') + '"rows":['.length;
  yield whole.slice(0, at);
  const entropies = evaluation.entropies;
  for (let from = 0; from < entropies.length; from += rowsPerPiece) {
    const rows = rowsText(entropies.subarray(from, from + rowsPerPiece));
    yield from === 0 ? rows : `,${rows}`;
  }
  yield whole.slice(at);
}

/** The rows `{"entropy":h}` of a piece, comma-separated, as JSON.stringify writes them. */
function rowsText(entropies: Float64Array): string {
  if (allFinite(entropies)) {
    // An array of finite numbers is written natively, with no string or object per number.
    const numbers = JSON.stringify(Array.from(entropies));
    return `{"entropy":${numbers.slice(1, -1).replaceAll(',', '},{"entropy":')}}`;
  }
  return rowsJson(entropies)
    .map((row) => JSON.stringify(row))
    .join(',');
}

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

/** A batch's JSON with the given rows, its keys in the order of every other kind's (common, figures, remarks). */
function batchJson(evaluation: BatchEvaluation, rows: readonly unknown[]): Record<string, unknown> {
  const { kind, unit, interpretation, notes, warnings } = evaluation;
  return { kind, unit, interpretation, rows, meanEntropy: json(evaluation.meanEntropy), notes, warnings };
}

function rowsJson(entropies: Float64Array): { entropy: number | string }[] {
  return Array.from(entropies, (entropy) => ({ entropy: json(entropy) }));
}

function json(value: number): number | string {
  if (Number.isFinite(value)) return value;
  return value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : 'NaN';
}

/** A readable, aligned summary for a terminal. */
export function toText(evaluation: Evaluation, precision = 6): string {
  const figures = figuresOf(evaluation);
  const width = Math.max(...figures.map((figure) => figure.label.length));
  const lines = [describe(evaluation)];
  for (const figure of figures) {
    const value = formatNumber(figure.value, precision);
    const cause = figure.infiniteAt !== undefined ? `  (at ${infiniteAtNoun(evaluation)} ${figure.infiniteAt})` : '';
    lines.push(`  ${figure.label.padEnd(width)}  ${value}${figure.unit ? ` ${figure.unit}` : ''}${cause}`);
  }
  if (evaluation.kind === 'batch') {
    const shown = evaluation.entropies.subarray(0, 10);
    shown.forEach((entropy, i) => lines.push(`  ${`H(row ${i})`.padEnd(width)}  ${formatNumber(entropy, precision)} ${evaluation.unit}`));
    if (evaluation.entropies.length > shown.length) lines.push(`  … and ${evaluation.entropies.length - shown.length} more rows`);
  }
  if (evaluation.kind === 'pairs') lines.push(...pairsLines(evaluation, precision));
  if (evaluation.kind === 'sequence') lines.push(...sequenceLines(evaluation, precision));
  if (evaluation.kind === 'loss') lines.push(...lossLines(evaluation, precision));
  if (evaluation.kind === 'loss' && evaluation.perSample.length <= 10) {
    lines.push(`  per sample: ${Array.from(evaluation.perSample, (v) => formatNumber(v, precision)).join(', ')}`);
  }
  for (const note of evaluation.notes) lines.push(`note: ${note}`);
  for (const warning of evaluation.warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n');
}

/** A Markdown table of the figures, with how the numbers were read. */
export function toMarkdown(evaluation: Evaluation, precision = 6): string {
  const rows = figuresOf(evaluation).map((figure) => {
    const cause = figure.infiniteAt !== undefined ? ` (at ${infiniteAtNoun(evaluation)} ${figure.infiniteAt})` : '';
    return `| ${escapeMarkdown(figure.label)} | ${formatNumber(figure.value, precision)}${cause} | ${figure.unit ?? ''} |`;
  });
  const lines = [`**${escapeMarkdown(describe(evaluation))}**`, '', '| quantity | value | unit |', '|---|---:|---|', ...rows];
  const remarks = [...evaluation.notes, ...evaluation.warnings.map((w) => `⚠ ${w}`)];
  if (remarks.length > 0) lines.push('', ...remarks.map((remark) => `- ${escapeMarkdown(remark)}`));
  return lines.join('\n');
}

/** Escapes Markdown's active characters so text is shown as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|~&]/g, (c) => `\\${c}`);
}
