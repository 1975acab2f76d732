import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isLiteralError, type LiteralError, type SourceRange } from '../../src/core/errors';
import type { ListNode, LiteralNode, NumbersNode, ObjectNode } from '../../src/core/literal';
import { evaluateText } from '../../src/core/evaluate';
import { ABBREVIATED_MESSAGE, readerWarnings, readLiteral } from '../../src/core/reader';
import { SPACE_CODES } from '../../src/core/reader/vocabulary';

/** The values of a numbers node, as a plain array (so assert.deepEqual compares them, -0 included). */
function numbers(node: LiteralNode): number[] {
  assert.equal(node.kind, 'numbers', `expected a numbers node, got ${node.kind}`);
  return Array.from((node).values);
}

/** The source text of every element of a numbers node. */
function elementTexts(text: string, node: LiteralNode): string[] {
  const n = node as NumbersNode;
  return Array.from(n.values, (_, i) => text.slice(n.starts[i], n.ends[i]));
}

function slice(text: string, range: SourceRange): string {
  return text.slice(range.start, range.end);
}

/** Read `text` expecting a LiteralError; returns it. */
function fails(text: string): LiteralError {
  try {
    readLiteral(text);
  } catch (error) {
    assert.ok(isLiteralError(error), `expected a LiteralError, got ${String(error)}`);
    assert.ok(error.range.start >= 0 && error.range.start <= error.range.end && error.range.end <= text.length);
    return error;
  }
  assert.fail(`expected ${JSON.stringify(text)} to fail`);
}

describe('readLiteral: JSON and JS/TS', () => {
  it('reads a JSON array with the range of every element', () => {
    const text = '[0.1, 0.2, 0.7]';
    const node = readLiteral(text) as NumbersNode;
    assert.deepEqual(numbers(node), [0.1, 0.2, 0.7]);
    assert.deepEqual(Array.from(node.starts), [1, 6, 11]);
    assert.deepEqual(Array.from(node.ends), [4, 9, 14]);
    assert.deepEqual(node.range, { start: 0, end: 15 });
  });

  it('reads the empty list as an empty numbers node', () => {
    const node = readLiteral('[]');
    assert.deepEqual(numbers(node), []);
    assert.deepEqual(node.range, { start: 0, end: 2 });
    assert.deepEqual(numbers(readLiteral('[ ]')), []);
  });

  it('reads JS number spellings', () => {
    const text = '[.5, 5., 1e-3, +1, -0, 1_000, 1.5E+2, 0, 007]';
    const node = readLiteral(text);
    assert.deepEqual(numbers(node), [0.5, 5, 0.001, 1, -0, 1000, 150, 0, 7]);
    assert.ok(Object.is(numbers(node)[4], -0));
    assert.deepEqual(elementTexts(text, node), ['.5', '5.', '1e-3', '+1', '-0', '1_000', '1.5E+2', '0', '007']);
  });

  it('reads multi-line text with comments and trailing commas', () => {
    const text = '[\n  0.25, // first\n  /* second */ 0.75,\n]';
    const node = readLiteral(text);
    assert.deepEqual(numbers(node), [0.25, 0.75]);
    assert.deepEqual(elementTexts(text, node), ['0.25', '0.75']);
  });

  it('reads true/false as 1/0 inside number lists and null as a null node', () => {
    assert.deepEqual(numbers(readLiteral('[true, false, 1]')), [1, 0, 1]);
    const list = readLiteral('[1, null]') as ListNode;
    assert.equal(list.kind, 'list');
    assert.deepEqual(list.items.map((i) => i.kind), ['number', 'null']);
    assert.deepEqual(list.items[1].range, { start: 4, end: 8 });
  });

  it('reads objects with quoted and unquoted keys, keeping their order and ranges', () => {
    const text = `{ "p": [0.5, 0.5], 'q': 1, r: "name", 0: null, }`;
    const node = readLiteral(text) as ObjectNode;
    assert.equal(node.kind, 'object');
    assert.deepEqual(node.entries.map((e) => e.key), ['p', 'q', 'r', '0']);
    assert.deepEqual(node.entries.map((e) => slice(text, e.keyRange)), ['"p"', "'q'", 'r', '0']);
    assert.deepEqual(numbers(node.entries[0].value), [0.5, 0.5]);
    assert.deepEqual(node.entries[1].value, { kind: 'number', value: 1, range: { start: 24, end: 25 } });
    assert.deepEqual(node.entries[2].value, { kind: 'string', value: 'name', range: { start: 30, end: 36 } });
    assert.equal(node.entries[3].value.kind, 'null');
    assert.deepEqual(node.range, { start: 0, end: text.length });
  });

  it('keeps strings, with escapes, and a string makes the list a ListNode', () => {
    const node = readLiteral(`[1, "a\\"b\\n\\u0041", 'it\\'s']`) as ListNode;
    assert.equal(node.kind, 'list');
    assert.deepEqual(node.items.map((i) => (i.kind === 'string' ? i.value : i.kind)), ['number', 'a"b\nA', "it's"]);
  });

  it('reads nested lists as a list of numbers nodes', () => {
    const text = '[[1, 2], [3, 4]]';
    const node = readLiteral(text) as ListNode;
    assert.equal(node.kind, 'list');
    assert.deepEqual(node.items.map(numbers), [[1, 2], [3, 4]]);
    assert.deepEqual(node.items[1].range, { start: 9, end: 15 });
  });

  it('turns numbers read before a non-number element into number nodes with their ranges', () => {
    const text = '[1, 2, [3]]';
    const node = readLiteral(text) as ListNode;
    assert.deepEqual(node.items[0], { kind: 'number', value: 1, range: { start: 1, end: 2 } });
    assert.deepEqual(node.items[1], { kind: 'number', value: 2, range: { start: 4, end: 5 } });
    assert.deepEqual(numbers(node.items[2]), [3]);
  });

  it('reads a lone number as a number node', () => {
    assert.deepEqual(readLiteral(' 0.5 '), { kind: 'number', value: 0.5, range: { start: 1, end: 4 } });
  });

  it('skips a leading assignment and a trailing semicolon', () => {
    for (const [text, prefix] of [
      ['const q = [0.1, 0.9];', 10],
      ['let q: number[] = [0.1, 0.9]', 18],
      ['export const q: Array<number> = [0.1, 0.9] ;', 32],
      ['p: list[float] = [0.1, 0.9]', 17],
      ['self.p = [0.1, 0.9]', 9],
      ['return [0.1, 0.9]', 7],
    ] as const) {
      const node = readLiteral(text);
      assert.deepEqual(numbers(node), [0.1, 0.9], text);
      assert.equal(node.range.start, prefix, text);
    }
  });
});

describe('readLiteral: a key given twice (issue 9 row 7: the first won, silently)', () => {
  const text = '{"p":[0.5,0.5],"p":[0.9,0.1],"q":[0.2,0.8]}';

  it('keeps the last value in the place of the first, as JSON.parse and Python do', () => {
    const node = readLiteral(text) as ObjectNode;
    assert.deepEqual(node.entries.map((e) => e.key), ['p', 'q']);
    assert.deepEqual(numbers(node.entries[0].value), [0.9, 0.1]);
    assert.equal(node.entries[0].keyRange.start, text.indexOf('"p"', 2), 'the range of the key whose value is used');
    assert.deepEqual(node.replaced?.map((e) => numbers(e.value)), [[0.5, 0.5]]);
    assert.deepEqual(Object.entries(JSON.parse(text) as Record<string, number[]>), node.entries.map((e) => [e.key, numbers(e.value)]));
    assert.equal((readLiteral('{"p": 1, "q": 2}') as ObjectNode).replaced, undefined, 'no key repeats');
  });

  it('warns naming the key, once per key, in nested objects too', () => {
    assert.deepEqual(readerWarnings(readLiteral(text)), ['the key "p" is given twice: the last value is used, as JSON.parse and Python do']);
    assert.deepEqual(readerWarnings(readLiteral("{'a': 1, 'b': 2, a: 3, \"a\": 4, 'b': 5}")), [
      'the key "a" is given 3 times: the last value is used, as JSON.parse and Python do',
      'the key "b" is given twice: the last value is used, as JSON.parse and Python do',
    ]);
    assert.deepEqual(readerWarnings(readLiteral('[{"logprob": -1, "logprob": -2}]')), [
      'the key "logprob" is given twice: the last value is used, as JSON.parse and Python do',
    ]);
    assert.deepEqual(readerWarnings(readLiteral('{"p": [1, 2], "q": [3, 4]}')), []);
  });

  it('evaluates the last value, and the evaluation carries the warning', () => {
    const evaluation = evaluateText(text);
    assert.equal(evaluation.kind, 'pair');
    assert.deepEqual(Array.from(evaluation.kind === 'pair' ? evaluation.p.p : []), [0.9, 0.1]);
    assert.ok(evaluation.warnings.includes('the key "p" is given twice: the last value is used, as JSON.parse and Python do'), evaluation.warnings.join('; '));
  });

  it('agrees with JSON.parse on random objects with repeated keys', () => {
    const entry = fc.tuple(fc.constantFrom('p', 'q', 'y', 'logits', 'x'), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
        const json = `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
        const node = readLiteral(json) as ObjectNode;
        const read = node.entries.map((e) => [e.key, e.value.kind === 'number' ? e.value.value : NaN]);
        assert.deepEqual(read, Object.entries(JSON.parse(json) as Record<string, number>), json);
        assert.equal(node.replaced?.length ?? 0, entries.length - node.entries.length, json);
      }),
      { numRuns: 500 },
    );
  });
});

describe('readLiteral: Python', () => {
  it('reads lists, tuples, dicts, comments, True/False/None', () => {
    assert.deepEqual(numbers(readLiteral('(1, 2)')), [1, 2]);
    assert.deepEqual(numbers(readLiteral('(1,)')), [1]);
    assert.deepEqual(numbers(readLiteral('()')), []);
    assert.deepEqual(numbers(readLiteral('[True, False,]  # flags')), [1, 0]);
    const dict = readLiteral("{'a': 0.5, 'b': None}") as ObjectNode;
    assert.deepEqual(dict.entries.map((e) => e.value.kind), ['number', 'null']);
  });

  it('reads a parenthesised value without a comma as the value itself', () => {
    assert.deepEqual(readLiteral('(0.5)'), { kind: 'number', value: 0.5, range: { start: 1, end: 4 } });
    assert.deepEqual(numbers(readLiteral('([1, 2])')), [1, 2]);
  });

  it('reads a tuple of tuples', () => {
    const node = readLiteral('((1, 2), (3, 4))') as ListNode;
    assert.deepEqual(node.items.map(numbers), [[1, 2], [3, 4]]);
  });

  it('reads string prefixes', () => {
    const node = readLiteral(`[r'a\\b', b"x"]`) as ListNode;
    assert.deepEqual(node.items.map((i) => (i.kind === 'string' ? i.value : '')), ['a\\b', 'x']);
    assert.deepEqual(node.items[0].range, { start: 1, end: 7 });
  });
});

describe('readLiteral: non-finite spellings are read as numbers', () => {
  it('reads every spelling with its range', () => {
    const text = `[NaN, nan, np.nan, math.nan, Infinity, -Infinity, inf, -inf, np.inf, float('nan'), float("inf"), -np.inf, float('-inf')]`;
    const node = readLiteral(text);
    const v = numbers(node);
    assert.deepEqual(v.map((x) => (Number.isNaN(x) ? 'NaN' : x)), [
      'NaN', 'NaN', 'NaN', 'NaN', Infinity, -Infinity, Infinity, -Infinity, Infinity, 'NaN', Infinity, -Infinity, -Infinity,
    ]);
    assert.deepEqual(elementTexts(text, node), [
      'NaN', 'nan', 'np.nan', 'math.nan', 'Infinity', '-Infinity', 'inf', '-inf', 'np.inf', "float('nan')", 'float("inf")',
      '-np.inf', "float('-inf')",
    ]);
  });

  it('reads float() of a numeric string', () => {
    assert.equal((readLiteral("float('1e-3')") as { value: number }).value, 0.001);
  });
});

describe('readLiteral: wrappers', () => {
  const cases: [string, number[]][] = [
    ['np.array([0.1, 0.9])', [0.1, 0.9]],
    ['np.asarray([0.1, 0.9], dtype=np.float32)', [0.1, 0.9]],
    ['numpy.array([0.1, 0.9])', [0.1, 0.9]],
    ["torch.tensor([0.1, 0.9], requires_grad=True, device='cuda:0')", [0.1, 0.9]],
    ['torch.Tensor([0.1, 0.9])', [0.1, 0.9]],
    ['tf.constant([0.1, 0.9], dtype=tf.float32)', [0.1, 0.9]],
    ['jnp.array([0.1, 0.9])', [0.1, 0.9]],
    ['array([0.1, 0.9])', [0.1, 0.9]],
    ['tensor([0.1000, 0.9000])', [0.1, 0.9]],
    ['torch.tensor(np.array([1,2]))', [1, 2]],
    ["np.array([1, 2], dtype=np.dtype([('a', 'f4')]), order='C')", [1, 2]],
    ['np.array(object=[1, 2])', [1, 2]],
    ['tensor([0.1, 0.9], grad_fn=<SoftmaxBackward0>)', [0.1, 0.9]],
    ['new Float64Array([1, 2])', [1, 2]],
    ['logits = torch.tensor([2.0, 1.0, 0.1])', [2, 1, 0.1]],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${text}`, () => {
      const node = readLiteral(text);
      assert.deepEqual(numbers(node), expected);
      assert.equal(text[node.range.start], '[', 'the node keeps the range of the argument');
      assert.equal(text[node.range.end - 1], ']');
    });
  }
});

describe('readLiteral: numpy and torch reprs', () => {
  it('reads a whitespace-separated 1-D repr', () => {
    const text = '[0.1 0.2 0.7]';
    const node = readLiteral(text);
    assert.deepEqual(numbers(node), [0.1, 0.2, 0.7]);
    assert.deepEqual(elementTexts(text, node), ['0.1', '0.2', '0.7']);
  });

  it('reads a multi-line 2-D repr with padding and 1. / -0. forms', () => {
    const text = '[[ 0.1  -0. ]\n [ 1.   1.e-3]]';
    const node = readLiteral(text) as ListNode;
    assert.deepEqual(node.items.map(numbers), [[0.1, -0], [1, 0.001]]);
    assert.ok(Object.is(numbers(node.items[0])[1], -0));
  });

  it('reads array(...) with dtype across lines', () => {
    const text = 'array([[1., 2.],\n       [3., 4.]], dtype=float32)';
    const node = readLiteral(text) as ListNode;
    assert.deepEqual(node.items.map(numbers), [[1, 2], [3, 4]]);
    assert.deepEqual(node.range, { start: 6, end: 33 });
  });

  it('reads nan and inf in a numpy repr', () => {
    assert.deepEqual(numbers(readLiteral('[ 1. nan -inf]')).map(String), ['1', 'NaN', '-Infinity']);
  });

  it('reports an abbreviated repr, with or without the comma', () => {
    for (const text of ['[0.1 0.2 ... 0.9]', '[0.1, 0.2, ..., 0.9]', '[[1, 2],\n ...,\n [3, 4]]', 'tensor([0.1, …, 0.9])']) {
      const error = fails(text);
      assert.equal(error.code, 'abbreviated', text);
      assert.equal(error.message, ABBREVIATED_MESSAGE);
      assert.ok(/^(\.\.\.|…)$/.test(slice(text, error.range)), text);
    }
  });
});

describe('readLiteral: bare sequences', () => {
  it('reads comma- and space-separated top-level sequences as lists', () => {
    const a = readLiteral('0.1, 0.2, 0.7');
    assert.deepEqual(numbers(a), [0.1, 0.2, 0.7]);
    assert.deepEqual(a.range, { start: 0, end: 13 });
    assert.deepEqual(numbers(readLiteral('0.1 0.2 0.7')), [0.1, 0.2, 0.7]);
    assert.deepEqual(numbers(readLiteral('x = 1, 2,')), [1, 2]);
    const rows = readLiteral('[1, 2], [3, 4]') as ListNode;
    assert.deepEqual(rows.items.map(numbers), [[1, 2], [3, 4]]);
  });

  it('reads a single value with a trailing comma as that value', () => {
    assert.deepEqual(numbers(readLiteral('    [0.1, 0.2],\n')), [0.1, 0.2]);
  });
});

describe('readLiteral: errors', () => {
  it('reports an empty selection', () => {
    for (const text of ['', '   \n\t', '// just a comment']) {
      const error = fails(text);
      assert.equal(error.code, 'syntax');
      assert.equal(error.message, 'nothing to read: the selection is empty');
    }
  });

  it('reports a missing separator with the element number and what was found', () => {
    const text = '[1, 2, 3 x]';
    const error = fails(text);
    assert.equal(error.code, 'syntax');
    assert.equal(error.message, "expected ',' or ']' after element 2, found 'x'");
    assert.deepEqual(error.range, { start: 9, end: 10 });
  });

  it('reports a missing comma between numbers in a comma list', () => {
    const error = fails('[1, 2 3]');
    assert.match(error.message, /expected ',' or '\]' after element 1, found '3'/);
    assert.deepEqual(error.range, { start: 6, end: 7 });
  });

  it("numbers elements from 0 in separator errors (issue 9 row 8: '[0.5, 0.5; 0.3]' and '[0.1,, 0.9]' said element 2)", () => {
    const semicolon = fails('[0.5, 0.5; 0.3]');
    assert.equal(semicolon.message, "expected ',' or ']' after element 1, found ';'");
    assert.deepEqual(semicolon.range, { start: 9, end: 10 });
    const doubled = fails('[0.1,, 0.9]');
    assert.equal(doubled.message, "expected an element after ',' (element 1), found ','");
    assert.deepEqual(doubled.range, { start: 5, end: 6 });
    assert.equal(fails('[0.1 0.2, 0.7]').message, "mixed separators: this list separates its elements with spaces, found ',' after element 1");
    assert.equal(fails('[0.1 0.2 ,]').message, "mixed separators: this list separates its elements with spaces, found ',' after element 1");
    assert.equal(fails('0.1, 0.2 x').message, "expected ',' or the end after element 1, found 'x'");
    assert.equal(fails('{"p": 1 "q": 2}').message, "expected ',' or '}' after the entry 'p', found '\"'");
  });

  it('reports mixed separators', () => {
    const error = fails('[1 2, 3]');
    assert.match(error.message, /mixed separators/);
    assert.deepEqual(error.range, { start: 4, end: 5 });
  });

  it('reports an unclosed bracket at the bracket, with its line', () => {
    const text = '# data\np = [[1, 2],\n [3, 4]';
    const error = fails(text);
    assert.equal(error.code, 'syntax');
    assert.equal(error.message, "unbalanced brackets: '[' at line 2 opened here is never closed");
    assert.deepEqual(error.range, { start: 11, end: 12 });
    assert.deepEqual(fails('np.array([1, 2]').range, { start: 8, end: 9 });
    assert.deepEqual(fails('{"a": 1').range, { start: 0, end: 1 });
  });

  it('reports a stray or mismatched closing bracket', () => {
    const stray = fails('[1, 2]]');
    assert.match(stray.message, /unbalanced brackets: '\]' has no matching '\['/);
    assert.deepEqual(stray.range, { start: 6, end: 7 });
    const mismatched = fails('[1, 2)');
    assert.match(mismatched.message, /mismatched brackets: '\[' at line 1 is closed by '\)'/);
    assert.deepEqual(mismatched.range, { start: 5, end: 6 });
  });

  it('reports names and malformed numbers as not numbers', () => {
    for (const [text, word] of [
      ['foo', 'foo'],
      ['[1, foo]', 'foo'],
      ['[1, 2abc]', '2abc'],
      ['[1.5e]', '1.5e'],
      ['[1.2.3]', '1.2.3'],
      ['[undefined]', 'undefined'],
      ['[-foo]', '-foo'],
      ['[np.banana]', 'np.banana'],
    ]) {
      const error = fails(text);
      assert.equal(error.code, 'not-a-number', text);
      assert.match(error.message, new RegExp(`^'${word.replace(/[.]/g, '\\.')}' is not a number`), text);
      assert.equal(slice(text, error.range), word, text);
    }
  });

  it('reports an unterminated string from its quote', () => {
    const text = '["abc, 1]\n';
    const error = fails(text);
    assert.equal(error.code, 'syntax');
    assert.match(error.message, /unterminated string/);
    assert.equal(error.range.start, 1);
  });

  it('reports an unterminated block comment', () => {
    const error = fails('[1, /* 2]');
    assert.match(error.message, /unterminated comment/);
    assert.deepEqual(error.range, { start: 4, end: 6 });
  });

  it('reports trailing text after the literal', () => {
    const error = fails('[1, 2]; foo');
    assert.equal(error.code, 'syntax');
    assert.match(error.message, /unexpected ';' after the literal/);
  });

  it('reports a missing key separator, a missing value, and a wrapper without a value', () => {
    assert.match(fails('{"a" 1}').message, /expected ':' after the key 'a', found '1'/);
    assert.match(fails('{"a": }').message, /expected a value for the key 'a', found '}'/);
    assert.match(fails('np.array()').message, /np\.array\(\) has no value to read/);
    assert.match(fails("float('abc')").message, /float\('abc'\) is not a number/);
  });

  it('reports doubled and leading commas', () => {
    assert.match(fails('[1,,2]').message, /expected an element after ','/);
    assert.match(fails('[,1]').message, /expected an element or '\]', found ','/);
  });

  it('reports too deep nesting as a LiteralError rather than overflowing the stack', () => {
    const error = fails('['.repeat(100_000));
    assert.match(error.message, /nested too deeply/);
  });

  it('reports a JS spread as unreadable', () => {
    const error = fails('[...xs, 1]');
    assert.equal(error.code, 'syntax');
    assert.match(error.message, /spread/);
  });
});

/** Trailing whitespace that keeps a text ASCII (encoded with TextEncoder) or makes it not (the same
 * length, ending in a no-break space: its codes are mapped one by one). */
const ASCII_PAD = ' '.repeat(300);
const UNICODE_PAD = `${' '.repeat(299)}\u00a0`;

describe('readLiteral: correctly rounded conversion', function () {
  // Thousands of reads per property (five per token): seconds on a busy machine.
  this.timeout(20_000);
  /** Read one token inside a list, both through the fast path and as a lone value. */
  function check(token: string): void {
    const expected = Number(token.replace(/_/g, ''));
    const inList = numbers(readLiteral(`[${token}, ${token}]`));
    assert.ok(Object.is(inList[0], expected), `${token}: list read ${inList[0]}, Number() ${expected}`);
    const alone = readLiteral(token) as { value: number };
    assert.ok(Object.is(alone.value, expected), `${token}: read ${alone.value}, Number() ${expected}`);
    const spaced = numbers(readLiteral(`[${token} ${token}]`));
    assert.ok(Object.is(spaced[1], expected), `${token}: spaced read ${spaced[1]}`);
    // Long texts: ASCII ones are scanned as bytes, others (a no-break space) with charCodeAt.
    for (const pad of [ASCII_PAD, UNICODE_PAD]) {
      const long = numbers(readLiteral(`[${token}, ${token}]${pad}`));
      assert.ok(Object.is(long[1], expected), `${token}: long read ${long[1]}, Number() ${expected}`);
    }
  }

  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

  it('equals Number() for doubles printed by String()', () => {
    fc.assert(fc.property(finite, (x) => check(String(x))), { numRuns: 5000 });
  });

  it('equals Number() for toExponential and toFixed forms', () => {
    fc.assert(
      fc.property(finite, fc.integer({ min: 0, max: 20 }), (x, digits) => {
        check(x.toExponential(digits));
        if (Math.abs(x) < 1e21) check(x.toFixed(digits));
      }),
      { numRuns: 3000 },
    );
  });

  it('equals Number() for random digit strings of every length and exponent', () => {
    const digitString = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(digitString, digitString, fc.integer({ min: -330, max: 330 }), fc.boolean(), (a, b, e, neg) => {
        check(`${neg ? '-' : ''}${a}.${b}`);
        check(`${a}e${e}`);
        check(`${a}.${b}e${e}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('equals Number() near halfway cases and at the edges of the range', () => {
    for (const token of [
      '9007199254740993', '9007199254740992.5', '0.1', '0.30000000000000004', '2.2250738585072011e-308',
      '4.9e-324', '1.7976931348623157e308', '1.7976931348623159e308', '123456789012345678', '1234567890123456789',
      '12345678901234567890', '0.000001234567890123456789', '5e-324', '1e23', '8.98846567431158e307',
      '1_000.000_1', '0.5000000000000000277555756156289135105907917022705078125',
      '0.00012345678901234567', '-0', '-0.0', '000', '007.5', '0.0000', '1.', '-.5', '1.e5', '1E+05',
      '999999999', '1000000000', '999999999999999', '1000000000000000', '123456789012345678e-22',
      '123456789012345678e22', '123456789012345678e23', '1e22', '1e-22', '1e-23', '123e25',
    ]) {
      check(token);
    }
  });
});

describe('readLiteral: ASCII texts (encoded with TextEncoder) and others (mapped code by code) read alike', function () {
  this.timeout(20_000);
  /** The outcome of reading: the tree, or the error's code and range. */
  function outcome(text: string): unknown {
    try {
      return JSON.parse(JSON.stringify(readLiteral(text), (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array, String) : v))) as unknown;
    } catch (error) {
      assert.ok(isLiteralError(error), String(error));
      return { code: error.code, range: error.range };
    }
  }

  it('gives the same values, ranges and errors for number-heavy texts', () => {
    const token = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.stringMatching(/^-?\d{0,22}(\.\d{0,22})?([eE][+-]?\d{1,3})?$/),
      fc.constantFrom('1..', '-', '.', 'x', '1_0', '#c', '// c', '\n', 'nan', '[', ']', ',', '  '),
    );
    const sep = fc.constantFrom(', ', ',', ' ', '\n', ',\n  ', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(token, sep), { maxLength: 12 }), fc.constantFrom('[', '(', ''), (parts, open) => {
        const body = parts.map(([t, s]) => t + s).join('');
        const close = open === '[' ? ']' : open === '(' ? ')' : '';
        const text = `${open}${body}${close}`;
        assert.deepEqual(outcome(text + ASCII_PAD), outcome(text + UNICODE_PAD), JSON.stringify(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('reads numbers separated by any space of the vocabulary as by an ASCII space, ranges included', () => {
    const values = Array.from({ length: 200 }, (_, i) => ((i * 7919) % 1000) / 997);
    for (const code of SPACE_CODES) {
      const space = String.fromCharCode(code);
      for (const [sep, plain] of [[`,${space}`, ', '], [`${space}${space}`, '  ']]) {
        const text = `[${values.join(sep)}]`;
        const node = readLiteral(text) as NumbersNode;
        const expected = readLiteral(`[${values.join(plain)}]`) as NumbersNode;
        assert.deepEqual(Array.from(node.values), Array.from(expected.values), `U+${code.toString(16)}`);
        assert.deepEqual(Array.from(node.starts), Array.from(expected.starts), `U+${code.toString(16)}`);
        assert.deepEqual(Array.from(node.ends), Array.from(expected.ends), `U+${code.toString(16)}`);
      }
    }
  });

  it('hands a big list its arrays and keeps reading into new ones', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => (i * 0.37) % 1);
    const big = `[${values.join(', ')}]`;
    const text = `[${big}, [1, 2], ${big}]`;
    const node = readLiteral(text) as ListNode;
    const [a, b, c] = node.items as NumbersNode[];
    assert.deepEqual(Array.from(b.values), [1, 2]);
    for (const list of [a, c]) {
      assert.equal(list.values.length, values.length);
      for (let i = 0; i < values.length; i += 997) assert.ok(Object.is(list.values[i], values[i]));
      assert.equal(text.slice(list.starts[99_999], list.ends[99_999]), String(values[99_999]));
    }
    const mixed = readLiteral(`[1, 2, ${big}]`) as ListNode;
    assert.equal((mixed.items[2] as NumbersNode).values.length, values.length);
    const bare = readLiteral(values.join(' ')) as NumbersNode;
    assert.equal(bare.values.length, values.length);
    assert.equal(bare.ends[99_999], values.join(' ').length);
  });
});

describe('readLiteral: large inputs', () => {
  it('reads 200,000 numbers with exact values and ranges', () => {
    const values = Array.from({ length: 200_000 }, (_, i) => Math.sin(i) * 10 ** ((i % 13) - 6));
    const text = `[${values.join(', ')}]`;
    const node = readLiteral(text) as NumbersNode;
    assert.equal(node.values.length, values.length);
    for (let i = 0; i < values.length; i++) {
      if (!Object.is(node.values[i], values[i])) assert.fail(`element ${i}: ${node.values[i]} ≠ ${values[i]}`);
    }
    assert.equal(text.slice(node.starts[123_456], node.ends[123_456]), String(values[123_456]));
  });
});
