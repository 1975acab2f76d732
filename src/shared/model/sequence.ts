import type { SequenceEvaluation } from '../../core/sequence';
import { CompensatedSum } from '../../core/summation';
import type { SequenceView, SurprisalBar, ValueView } from '../view-model';
import { toWire } from '../wire';

/**
 * Bars a surprisal chart draws before consecutive tokens are drawn as runs: about a page of text, each
 * bar still wide enough to point at; a longer text is runs of equal length, in order.
 */
export const SEQUENCE_MAX_BARS = 200;

/**
 * The per-token surprisal chart: −log p of each token in the unit, in the text's order, with the mean
 * (the cross-entropy rate) as a line and the perplexity. The numbers are the core's; only a text
 * longer than SEQUENCE_MAX_BARS tokens is summarised, each run's bar the mean surprisal of its tokens.
 */
export function sequenceView(evaluation: SequenceEvaluation, fmt: (x: number) => string): SequenceView {
  const { surprisals, logprobs, tokens, unit } = evaluation;
  const n = surprisals.length;
  const view = (x: number): ValueView => ({ value: toWire(x), display: fmt(x) });
  const size = Math.ceil(n / SEQUENCE_MAX_BARS);
  const bars: SurprisalBar[] = [];
  if (size <= 1) {
    for (let i = 0; i < n; i++) {
      const label = tokens ? tokens[i] : String(i);
      bars.push({ label, shown: tokens ? visible(label) : label, from: i, to: i, surprisal: view(surprisals[i]), logprob: view(logprobs[i]) });
    }
  } else {
    const acc = new CompensatedSum();
    for (let from = 0; from < n; from += size) {
      const to = Math.min(n, from + size) - 1;
      acc.reset();
      for (let i = from; i <= to; i++) acc.add(surprisals[i]);
      bars.push({ label: `tokens ${from}–${to}`, shown: String(from), from, to, surprisal: view(acc.value() / (to - from + 1)) });
    }
  }
  const mean = evaluation.meanSurprisal.value;
  const runs = size > 1;
  return {
    title: 'Surprisal of each token',
    caption:
      `−log p of each of the ${n.toLocaleString('en-US')} tokens in ${unit}: the taller, the less the model expected it. ` +
      `The line is the mean, ${fmt(mean)} ${unit} per token; the perplexity is ${fmt(evaluation.perplexity)}` +
      (unit === 'nats' ? ' = e^mean.' : unit === 'bits' ? ' = 2^mean.' : ' = 10^mean.') +
      (runs ? ` The text is long: each bar is the mean of ${size.toLocaleString('en-US')} consecutive tokens (the last of ${(n - (bars.length - 1) * size).toLocaleString('en-US')}).` : ''),
    bars,
    tokens: n,
    runs,
    unit,
    mean: view(mean),
    perplexity: view(evaluation.perplexity),
  };
}

/** A token with its whitespace made visible: " the" → "␣the", "\n" → "⏎", "" → "∅". */
export function visible(token: string): string {
  if (token === '') return '∅';
  return token.replace(/ /g, '␣').replace(/\r?\n/g, '⏎').replace(/\t/g, '⇥').replace(/\r/g, '␍');
}
