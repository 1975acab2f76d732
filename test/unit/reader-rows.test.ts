// A matrix is read into one set of typed arrays (reader/rows.ts), and reads exactly as a list of rows.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_OPTIONS, evaluateText } from '../../src/core/evaluate';
import { toJson } from '../../src/core/format';
import type { ListNode, LiteralNode, NumbersNode } from '../../src/core/literal';
import { readLiteral } from '../../src/core/reader';

function list(text: string): ListNode {
  const node = readLiteral(text);
  if (node.kind !== 'list') assert.fail(`${text} is read as ${node.kind}, not a list`);
  return node;
}

/** The numbers of a tree as plain arrays. */
function plain(node: LiteralNode): unknown {
  if (node.kind === 'numbers') return Array.from(node.values);
  if (node.kind === 'list') return node.items.map(plain);
  return node.kind === 'number' ? node.value : node.kind;
}

/** Every list's and number's range, read back with JSON.parse, is the value the reader gave it. */
function rangesHold(text: string, node: LiteralNode): void {
  const at = (start: number, end: number): unknown => JSON.parse(text.slice(start, end));
  assert.deepEqual(at(node.range.start, node.range.end), plain(node));
  if (node.kind === 'numbers') node.values.forEach((v, i) => assert.equal(at(node.starts[i], node.ends[i]), v));
  if (node.kind === 'list') for (const item of node.items) rangesHold(text, item);
}

describe('reader: rows of one length are packed', () => {
  const numpy = 'array([[0.1, 0.2, 0.7],\n       [0.3, 0.3, 0.4],\n       [1e-3, 5e-1, 0.499]])';

  it("a 2-D literal's rows share one backing buffer", () => {
    const node = list(numpy);
    assert.ok(node.rows, 'packed');
    assert.equal(node.rows.count, 3);
    assert.equal(node.rows.columns, 3);
    const rows = node.items as readonly NumbersNode[];
    for (const row of rows) {
      assert.equal(row.values.buffer, node.rows.values.buffer);
      assert.equal(row.starts.buffer, node.rows.starts.buffer);
      assert.equal(row.ends.buffer, node.rows.ends.buffer);
    }
    assert.deepEqual(rows.map((row) => Array.from(row.values)), [[0.1, 0.2, 0.7], [0.3, 0.3, 0.4], [1e-3, 5e-1, 0.499]]);
  });

  it('keeps the source range of every row and element', () => {
    const node = list(numpy);
    const rows = node.items as readonly NumbersNode[];
    assert.deepEqual(rows.map((row) => numpy.slice(row.range.start, row.range.end)), ['[0.1, 0.2, 0.7]', '[0.3, 0.3, 0.4]', '[1e-3, 5e-1, 0.499]']);
    assert.deepEqual(Array.from(rows[2].starts, (s, i) => numpy.slice(s, rows[2].ends[i])), ['1e-3', '5e-1', '0.499']);
    assert.equal(numpy.slice(node.range.start, node.range.end), numpy.slice(6, -1));
  });

  it('packs rows whatever separates them: numpy str, a bare sequence, comments, a call', () => {
    for (const text of ['[[0.1 0.9]\n [0.2 0.8]\n [0.3 0.7]]', '[0.1, 0.9],\n[0.2, 0.8]', '[[1, 2], # first\n [3, 4]]', 'torch.tensor([[1., 2.], [3., 4.]])', '[[], []]']) {
      assert.ok(list(text).rows, text);
    }
  });

  it('reads a list that is not rows of one length element by element, as JSON.parse does', () => {
    for (const text of ['[[1, 2], [3]]', '[[1, 2], 3]', '[1, [2, 3]]', '[[1, 2], [[3, 4]]]', '[[[1, 2]], [[3, 4]]]', '[[1], [2, 3], [4, 5]]']) {
      const node = list(text);
      assert.equal(node.rows, undefined, text);
      assert.deepEqual(plain(node), JSON.parse(text), text);
      rangesHold(text, node);
    }
  });

  it('reads any nested list of numbers as JSON.parse does, with every range pointing at its text', () => {
    // + 0 turns −0 into 0, which is what JSON.stringify writes.
    const number = fc.oneof(fc.integer({ min: -99, max: 99 }), fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0));
    const tree = fc.letrec((tie) => ({ t: fc.oneof({ depthSize: 'small' }, number, fc.array(tie('t'), { maxLength: 4 })) })).t;
    const matrix = fc.integer({ min: 1, max: 4 }).chain((c) => fc.array(fc.array(number, { minLength: c, maxLength: c }), { minLength: 1, maxLength: 5 }));
    fc.assert(
      fc.property(fc.oneof(tree, matrix, fc.array(matrix, { maxLength: 3 })), fc.constantFrom('', ' ', '\n '), (value, space) => {
        const text = JSON.stringify(value).replace(/,/g, `,${space}`);
        const node = readLiteral(text);
        assert.deepEqual(plain(node), value);
        rangesHold(text, node);
      }),
      { numRuns: 3000 },
    );
  });

  it('evaluates packed rows as rows read one by one: the same figures, and errors at the same place', () => {
    // Parenthesised rows are not packed; the texts have the same offsets.
    const rows = '[[1, 2, 3], [0.5, 0.25, 0.25], [4, 0, 1]]';
    assert.deepEqual(toJson(evaluateText(rows)), toJson(evaluateText(rows.replace(/\[(?=\d)/g, '(').replace(/\](?=[,\]])/g, ')'))));
    const error = (text: string) => {
      try {
        evaluateText(text, { ...DEFAULT_OPTIONS, as: 'probs' });
      } catch (e) {
        return e;
      }
      assert.fail(text);
    };
    const packed = error('[[0.5, 0.5], [0.2, -0.8], [1, 0]]');
    assert.deepEqual(packed, error('[(0.5, 0.5), (0.2, -0.8), (1, 0)]'));
    assert.deepEqual((packed as { range: unknown }).range, { start: 19, end: 23 });
  });
});

describe('batch: rows beyond the warnings say nothing new', () => {
  it('keeps the first 20 rows’ warnings and the note of a batch whose rows differ', () => {
    // Row i is [i + 1, 1]: counts summing to i + 2.
    const text = `[${Array.from({ length: 30 }, (_, i) => `[${i + 1}, 1]`).join(', ')}]`;
    const batch = evaluateText(text);
    assert.equal(batch.warnings.length, 20);
    assert.equal(batch.warnings[19], 'row 19: normalised: the values summed to 21');
    assert.deepEqual(batch.notes, ['Every row was read as counts and normalised (row 0: All values are non-negative but sum to 2, not 1, so they were read as counts and normalised.)']);
  });

  it('says once why every row was read alike when every row sums to the same', () => {
    const text = `[${Array.from({ length: 30 }, (_, i) => `[${i % 3}, ${10 - (i % 3)}]`).join(', ')}]`;
    assert.deepEqual(evaluateText(text).notes, ['All values are non-negative but sum to 10, not 1, so they were read as counts and normalised.']);
  });
});
