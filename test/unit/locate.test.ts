import * as assert from 'node:assert/strict';
import type { SourceRange } from '../../src/core/errors';
import type { ListNode, NumbersNode } from '../../src/core/literal';
import { findLiteralAt, looksNumeric } from '../../src/core/locate';
import { readLiteral } from '../../src/core/reader';
import { CONSTANT_NAMES, constantValue, isSpace, SPACE_CODES } from '../../src/core/reader/vocabulary';

/** Find the literal at the `|` marker of `marked`; returns its text, or undefined. */
function at(marked: string, maxLength?: number): string | undefined {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'the test text needs a | marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const range = findLiteralAt(text, offset, maxLength === undefined ? undefined : { maxLength });
  if (range === undefined) return undefined;
  assert.ok(0 <= range.start && range.start <= offset && offset <= range.end && range.end <= text.length);
  return text.slice(range.start, range.end);
}

describe('findLiteralAt', () => {
  it('finds a numpy wrapper call with its keyword arguments in Python code', () => {
    const code = 'import numpy as np\n\np = np.array([0.1, 0.|2, 0.7], dtype=np.float32)\nq = p.sum()\n';
    assert.equal(at(code), 'np.array([0.1, 0.2, 0.7], dtype=np.float32)');
  });

  it('finds the outermost list of a multi-line matrix', () => {
    assert.equal(at('x = [[1, 2],\n     [3, |4]]\nprint(x)'), '[[1, 2],\n     [3, 4]]');
  });

  it('finds a multi-line numpy repr with its wrapper', () => {
    assert.equal(at('array([[1., 2.],\n       [3., |4.]], dtype=float32)'), 'array([[1., 2.],\n       [3., 4.]], dtype=float32)');
  });

  it('finds nested wrappers and a torch repr with grad_fn', () => {
    assert.equal(at('t = torch.tensor(np.array([1,| 2]))'), 'torch.tensor(np.array([1, 2]))');
    assert.equal(at('tensor([0.1000, 0.|9000], grad_fn=<SoftmaxBackward0>)'), 'tensor([0.1000, 0.9000], grad_fn=<SoftmaxBackward0>)');
  });

  it('finds the literal when the offset is on the wrapper name or the opening bracket', () => {
    assert.equal(at('y = |np.array([1, 2])'), 'np.array([1, 2])');
    assert.equal(at('y = |[1, 2]'), '[1, 2]');
    assert.equal(at('y = [1, 2|]'), '[1, 2]');
  });

  it('finds a literal inside a TypeScript function body, not the body', () => {
    assert.equal(at('function f() {\n  const p = [0.5, |0.5];\n  return p;\n}'), '[0.5, 0.5]');
  });

  it('finds an object with its keys', () => {
    assert.equal(at('const d = {"p": [0.|1, 0.9], q: [0.5, 0.5]};'), '{"p": [0.1, 0.9], q: [0.5, 0.5]}');
  });

  it('finds a JSON document', () => {
    const json = '{\n  "logits": [\n    1.5,\n    -0.|25\n  ]\n}\n';
    assert.equal(at(json), json.replace('|', '').trim());
  });

  it('ignores brackets inside strings on the same line', () => {
    assert.equal(at('s = ["[", 1|, "]"]'), '["[", 1, "]"]');
    assert.equal(at("v = [float('n|an'), 1]"), "[float('nan'), 1]");
  });

  it('keeps only the literal argument of a call that is not a wrapper of it', () => {
    assert.equal(at('w = foo([1, |2], x)'), '[1, 2]');
    assert.equal(at('o = [1, 2] + [3|]'), '[3]');
  });

  it('declines for indexing, comprehensions, plain calls, comments and outside any bracket', () => {
    assert.equal(at('y = items[id|x]'), undefined);
    assert.equal(at('y = a[|0]'), undefined);
    assert.equal(at('y = f(a)[|0]'), undefined);
    assert.equal(at('z = [i for |i in x]'), undefined);
    assert.equal(at('u = range(1, 1|0)'), undefined);
    assert.equal(at('k = [1, 2]  # [3, |4]'), undefined);
    assert.equal(at('p = [1, 2]\nq| = 3'), undefined);
    assert.equal(at('if (x > 0|.5) { y = 1 }'), undefined);
  });

  it('declines a literal longer than maxLength, and finds it with a larger bound', () => {
    const big = `p = [${Array.from({ length: 1000 }, (_, i) => i / 1000).join(', ')}]`;
    const marked = big.replace('0.5,', '0.|5,');
    assert.equal(at(marked, 1000), undefined);
    assert.equal(at(marked), big.slice(4));
  });

  it('declines quickly on a huge unclosed text (bounded scan)', () => {
    const huge = `[${'0.123456789, '.repeat(1_000_000)}`;
    const offset = huge.length >> 1;
    assert.equal(findLiteralAt(huge, offset), undefined);
    assert.equal(findLiteralAt(huge, offset, { maxLength: 50 }), undefined);
  });

  it('declines inside a 1,000,000-number literal, which is longer than the default bound', () => {
    const huge = `x = [${'0.25, '.repeat(1_000_000)}0.25]`;
    assert.equal(findLiteralAt(huge, huge.length >> 1), undefined);
  });

  it('finds a 1,000-number literal in a 10,000-line document, and the reader reads it', () => {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++) lines.push(`x${i} = compute(${i}, [${i}, ${i + 1}])  # line ${i}`);
    const literal = `[${Array.from({ length: 1000 }, (_, i) => (i + 1) / 500500).join(', ')}]`;
    lines.push(`p = np.array(${literal})`);
    for (let i = 0; i < 5000; i++) lines.push(`y${i} = [a[${i}] for a in rows]`);
    const text = lines.join('\n');
    const offset = text.indexOf(literal) + 500;
    const range = findLiteralAt(text, offset);
    assert.ok(range !== undefined);
    assert.equal(text.slice(range.start, range.end), `np.array(${literal})`);
    const node = readLiteral(text.slice(range.start, range.end));
    assert.equal(node.kind, 'numbers');
  });

  it('returns undefined for an offset outside the text', () => {
    assert.equal(findLiteralAt('[1]', -1), undefined);
    assert.equal(findLiteralAt('[1]', 4), undefined);
  });
});

describe('looksNumeric', () => {
  const check = (text: string): boolean => looksNumeric(text, { start: 0, end: text.length });

  it('accepts numbers, constants, wrappers, keys and keyword arguments', () => {
    for (const text of [
      '[0.1, 0.9]',
      '[1e-5, -2.5E+3, .5, 1_000]',
      'np.array([1, 2], dtype=np.float32)',
      "torch.tensor([0.1, nan, -inf], device='cuda:0', requires_grad=True)",
      '{"p": [1], q: [2]}',
      '[True, None, np.nan, 1]',
      "[float('nan'), 1]",
      'tensor([0.5], grad_fn=<SoftmaxBackward0>)',
      '[1, 2] # comment with words',
    ]) {
      assert.equal(check(text), true, text);
    }
  });

  it('rejects code, names, operators and lists without digits', () => {
    for (const text of ['[i for i in x]', '[a, b]', '[x + 1]', 'items[idx]', '["a", "b"]', '[]', '[1 == 2]', '[a[0]]']) {
      assert.equal(check(text), false, text);
    }
  });
});

describe('one vocabulary for the reader and the locator (issue 8 drift: [jax.numpy.inf, 0.5] was read but never found)', () => {
  /** `code` with `literal` on its middle line, the offset at `at` inside the literal. */
  function inCode(literal: string, at: number): { text: string; offset: number; range: SourceRange } {
    const before = 'import jax.numpy as jnp\n\nlogits = ';
    const text = `${before}${literal}\nprint(logits)\n`;
    return { text, offset: before.length + at, range: { start: before.length, end: before.length + literal.length } };
  }

  it('findLiteralAt finds [jax.numpy.inf, 0.5] inside surrounding code, and looksNumeric accepts it', () => {
    const literal = '[jax.numpy.inf, 0.5]';
    for (const at of [literal.indexOf('0.5') + 1, literal.indexOf('numpy') + 2, 1]) {
      const { text, offset, range } = inCode(literal, at);
      assert.deepEqual(findLiteralAt(text, offset), range, `offset at ${JSON.stringify(literal.slice(at))}`);
    }
    assert.equal(looksNumeric(literal, { start: 0, end: literal.length }), true);
    assert.deepEqual(Array.from((readLiteral(literal) as NumbersNode).values), [Infinity, 0.5]);
  });

  it('finds, accepts and reads every constant name of the shared vocabulary', () => {
    assert.ok(CONSTANT_NAMES.length > 100, 'the vocabulary lists the module constants');
    for (const name of CONSTANT_NAMES) {
      const literal = `[${name}, 0.5]`;
      for (const at of [literal.length - 2, 1 + (name.length >> 1)]) {
        const { text, offset, range } = inCode(literal, at);
        assert.deepEqual(findLiteralAt(text, offset), range, `${literal}, offset ${at}`);
      }
      assert.equal(looksNumeric(literal, { start: 0, end: literal.length }), true, literal);
      const node = readLiteral(literal);
      const first = node.kind === 'numbers' ? node.values[0] : (node as ListNode).items[0].kind;
      assert.ok(Object.is(first, constantValue(name) ?? 'null'), `${literal} read ${String(first)}`);
    }
  });

  it('finds a literal separated by any character the reader skips as a space', () => {
    for (const code of SPACE_CODES) {
      const space = String.fromCharCode(code);
      const literal = `[0.5,${space}0.5]`;
      const { text, offset, range } = inCode(literal, literal.length - 2);
      assert.deepEqual(findLiteralAt(text, offset), range, `U+${code.toString(16)}`);
      assert.equal(looksNumeric(literal, { start: 0, end: literal.length }), true, `U+${code.toString(16)}`);
      assert.deepEqual(Array.from((readLiteral(literal) as NumbersNode).values), [0.5, 0.5], `U+${code.toString(16)}`);
    }
  });

  it('isSpace is exactly SPACE_CODES', () => {
    for (let c = 0; c <= 0xffff; c++) assert.equal(isSpace(c), SPACE_CODES.includes(c), `U+${c.toString(16)}`);
  });
});
