import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isLiteralError } from '../../src/core/errors';
import type { LiteralNode } from '../../src/core/literal';
import { readLiteral } from '../../src/core/reader';

/** readLiteral returns a tree or throws a LiteralError whose range lies inside the input; nothing else. */
function readsOrFailsCleanly(text: string): void {
  try {
    readLiteral(text);
  } catch (error) {
    if (!isLiteralError(error)) throw new Error(`${JSON.stringify(text)} threw ${String(error)}`, { cause: error });
    const { start, end } = error.range;
    assert.ok(Number.isInteger(start) && Number.isInteger(end), 'integer range');
    assert.ok(0 <= start && start <= end && end <= text.length, `range ${start}..${end} outside ${JSON.stringify(text)}`);
    assert.ok(error.message.length > 0);
  }
}

/** Plain nested arrays of the numbers in a tree (numbers and lists only). */
function toPlain(node: LiteralNode): unknown {
  switch (node.kind) {
    case 'numbers':
      return Array.from(node.values);
    case 'list':
      return node.items.map(toPlain);
    case 'number':
      return node.value;
    default:
      return node.kind;
  }
}

const SEEDS = [
  '[0.1, 0.2, 0.7]',
  '[[1, 2], [3, 4]]',
  "np.array([[1., 2.],\n       [3., 4.]], dtype=np.float32)",
  "torch.tensor([0.1000, 0.9000], device='cuda:0', requires_grad=True)",
  '[0.1 0.2 0.7]',
  "{'p': [0.5, 0.5], \"q\": (1, 2,), r: None}",
  "[NaN, -inf, float('nan'), np.inf, True, 1_000, .5, 5., 1e-3]",
  'const q: number[] = [1, 2, /* c */ 3,]; // done',
  'p = [1, 2]  # comment',
  '0.1, 0.2, 0.7',
  '[0.1 0.2 ... 0.9]',
  '{"p": [0.5, 0.5], "p": [0.9, 0.1], q: [jax.numpy.inf, -1_000.5e-3]}',
];

/** Characters that matter to the grammar, plus some that do not. */
const ALPHABET = [...'[](){},:;.=+-_eE0123456789 \n\t\'"#/*\\xnaifNTrue', '…', '\u00a0', '\ud83d'];
const grammarChar = fc.constantFrom(...ALPHABET);

describe('readLiteral fuzzing', () => {
  it('never throws anything but a LiteralError on random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), readsOrFailsCleanly), { numRuns: 5000 });
  });

  it('never throws anything but a LiteralError on random strings of grammar characters', () => {
    fc.assert(fc.property(fc.string({ unit: grammarChar, maxLength: 60 }), readsOrFailsCleanly), { numRuns: 10000 });
  });

  it('never throws anything but a LiteralError on mutations of valid literals', () => {
    const edit = fc.record({
      kind: fc.constantFrom('delete', 'insert', 'replace'),
      at: fc.nat(),
      char: grammarChar,
    });
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 4 }), (seed, edits) => {
        let text = seed;
        for (const { kind, at, char } of edits) {
          const i = at % (text.length + 1);
          if (kind === 'delete') text = text.slice(0, i) + text.slice(i + 1);
          else if (kind === 'insert') text = text.slice(0, i) + char + text.slice(i);
          else text = text.slice(0, i) + char + text.slice(i + 1);
        }
        readsOrFailsCleanly(text);
      }),
      { numRuns: 10000 },
    );
  });

  it('reads every seed without error except the abbreviated one', () => {
    for (const seed of SEEDS) {
      if (seed.includes('...')) assert.throws(() => readLiteral(seed), /abbreviated/);
      else assert.doesNotThrow(() => readLiteral(seed), seed);
    }
  });

  it('round-trips random nested number arrays through JSON.stringify', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    const nested = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, finite, tie('array')),
      array: fc.array(tie('value'), { maxLength: 6 }),
    })).array;
    fc.assert(
      fc.property(nested, (value) => {
        const text = JSON.stringify(value);
        // JSON.stringify writes -0 as 0: compare with what JSON.parse reads back.
        assert.deepEqual(toPlain(readLiteral(text)), JSON.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips numpy-style whitespace-separated rows', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    const matrix = fc.array(fc.array(finite, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(matrix, (rows) => {
        const text = `[${rows.map((r) => `[${r.map(String).join('  ')}]`).join('\n ')}]`;
        const plain = toPlain(readLiteral(text)) as number[][];
        assert.deepEqual(plain, rows.map((r) => r.map((x) => Number(String(x)))));
      }),
      { numRuns: 1000 },
    );
  });
});
