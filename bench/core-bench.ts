import { evaluateText } from '../src/core/evaluate';
import { interpret } from '../src/core/interpret';
import { klDivergence } from '../src/core/quantities';
import { readLiteral } from '../src/core/reader';
import { interleaved, ms, random, row, time } from './measure';

const N = 1_000_000;

function context(name: string) {
  const range = { start: 0, end: 0 };
  return { name, range, elementRange: () => range };
}

/** Issue #2's figures: reading 1e6 numbers vs JSON.parse, read + entropy, KL of two 1e6 vectors. */
export function coreBench(): void {
  const next = random(42);
  const values = Array.from({ length: N }, () => next());
  const text = `[${values.join(', ')}]`;
  console.log(`\ncore: a ${N.toLocaleString('en-US')}-number JSON array, ${(text.length / 1e6).toFixed(1)} MB of text`);
  console.log('  (11 rounds, each running the three in turn from a collected heap: medians; ratio = median of per-round ratios)');

  const [parse, read, whole] = interleaved([
    () => JSON.parse(text) as unknown,
    () => readLiteral(text),
    () => evaluateText(text, { unit: 'nats', as: 'auto', loss: 'auto' }),
  ]);
  row('JSON.parse (array of boxed numbers)', ms(parse.median), `min ${ms(parse.min)}`);
  row('readLiteral (Float64Array + source offsets)', ms(read.median), `${read.ratio.toFixed(2)}× JSON.parse  (goal ≤ 0.5×); min ${ms(read.min)}`);
  row('read + interpret + entropy (evaluateText)', ms(whole.median), `${whole.ratio.toFixed(2)}× JSON.parse  (goal ≤ 1.0×); min ${ms(whole.min)}`);

  const p = interpret(Float64Array.from(values), 'auto', context('P'));
  const q = interpret(Float64Array.from(values, () => next()), 'auto', context('Q'));
  const kl = time(() => klDivergence(p, q).value);
  row('D_KL(P‖Q) of two 1e6-element vectors', ms(kl.median));
}
