// Issue 14 item 5: the hover speaks only about what looks like data. Integer tuples that are shapes
// (arguments of shape-taking calls, shape keywords) or versions are declined; counts stay data.
import * as assert from 'node:assert/strict';
import { enclosingCall, looksLikeData, notDataReason } from '../../src/core/data-likeness';
import { containsLiteral } from '../../src/core/literal-sniff';
import { findLiteralAt } from '../../src/core/locate';

/**
 * What the hover would decide for the literal at the `|` marker of `code`: the locator finds the
 * literal as the hover does, and the decision sees the code before and after it.
 */
function decide(marked: string): ReturnType<typeof notDataReason> | 'no literal' {
  const offset = marked.indexOf('|');
  const code = marked.slice(0, offset) + marked.slice(offset + 1);
  const range = findLiteralAt(code, offset);
  if (!range) return 'no literal';
  return notDataReason(code.slice(range.start, range.end), code.slice(Math.max(0, range.start - 200), range.start), code.slice(range.end, range.end + 16));
}

describe('data-likeness: shapes are not data', () => {
  it('declines the shape tuple of torch.zeros((3, 224, 224)), the call included in the literal', () => {
    assert.deepEqual(decide('x = torch.zeros((3, 2|24, 224))\n'), { kind: 'shape-argument', call: 'torch.zeros' });
  });

  it('declines shape tuples and lists of creation, reshaping and layer calls', () => {
    for (const code of [
      'a = np.ones([2, |3])',
      'a = np.empty((4|, 5), dtype=np.float32)',
      'a = np.full((2, |2), 0.5)',
      'y = x.reshape((-1, 28, |28))',
      'y = x.view([3, |224])',
      'z = torch.randn((2|, 3))',
      'z = np.random.rand(*(2, |3))',
      'r = torch.randint(0, 10, (3, |4))',
      'e = x.expand((4, |3))',
      'p = x.permute((2, 0, |1))',
      't = np.tile(a, (2, |2))',
      'r = x.repeat((1, |3))',
      'b = np.broadcast_to(a, (4, |3))',
      's = torch.Size([3, 2|24, 224])',
      'c = nn.Conv2d(3, 64, (3, |3))',
    ]) {
      const reason = decide(code);
      assert.ok(reason !== 'no literal' && reason?.kind === 'shape-argument', `${code}: ${JSON.stringify(reason)}`);
    }
  });

  it('declines the values of shape keywords: shape=, size=, figsize=, dim=', () => {
    for (const [code, keyword] of [
      ['n = np.random.normal(0, 1, size=(3, |4))', 'size'],
      ['inp = keras.Input(shape=(28, |28))', 'shape'],
      ['fig = plt.figure(figsize=(8, |6))', 'figsize'],
      ['m = x.mean(dim=(1, |2))', 'dim'],
    ] as const) {
      assert.deepEqual(decide(code), { kind: 'shape-keyword', keyword }, code);
    }
  });

  it('keeps integer counts that are not a shape: an assignment, a wrapper, a list inside a call', () => {
    for (const code of ['counts = [10, 2|0, 70]', 'c = np.array([10, |20, 70])', 'plot([1, 2|, 3])', 'c = torch.tensor((3, |4))']) {
      assert.equal(decide(code), undefined, code);
    }
  });

  it('keeps probabilities and logits even inside a shape-taking call: only integers can be a shape', () => {
    assert.equal(decide('x = torch.full((2,), 0.5).view([0.2, 0.|8])'), undefined);
    assert.ok(looksLikeData('(0.25, 0.75)', 'x = torch.zeros('));
    assert.equal(looksLikeData('(3, 4)', 'x = torch.zeros('), false);
  });
});

describe('data-likeness: versions and comparisons are not data', () => {
  it('declines a tuple after version_info, in a __version__ assignment, or compared', () => {
    assert.deepEqual(decide('if sys.version_info >= (3, 1|1):\n    pass'), { kind: 'version' });
    assert.deepEqual(decide('__version__ = (1, 2|, 3)'), { kind: 'version' });
    assert.deepEqual(decide('VERSION = [2, |0]'), { kind: 'version' });
    assert.deepEqual(decide('ok = platform_tuple >= (3, |8)'), { kind: 'compared' });
    assert.deepEqual(notDataReason('(3, 8)', 'assert ', ' <= current'), { kind: 'compared' });
    assert.deepEqual(decide('assert x.shape == (3, 224, |224)'), { kind: 'compared' });
  });

  it('keeps a version-looking tuple on its own, and non-integers after a comparison', () => {
    assert.equal(decide('pair = (3, 1|1)'), undefined);
    assert.equal(decide('assert probs == [0.5, 0.|5]'), undefined);
  });
});

describe('data-likeness: the enclosing call', () => {
  it('names the call a literal is an argument of, past the earlier arguments', () => {
    assert.equal(enclosingCall('r = torch.randint(0, 10, '), 'torch.randint');
    assert.equal(enclosingCall('x = np.zeros(\n    '), 'np.zeros');
    assert.equal(enclosingCall('y = f(g(1), '), 'f');
  });

  it('names none for a literal in a list, an assignment, or after a block', () => {
    assert.equal(enclosingCall('x = ['), undefined);
    assert.equal(enclosingCall('x = '), undefined);
    assert.equal(enclosingCall('def f():\n    return '), undefined);
  });
});

describe('data-likeness: does a file contain a literal (the editor title button)', () => {
  it('finds a list of numbers, a tuple, an object of numbers', () => {
    assert.ok(containsLiteral('import numpy as np\np = np.array([0.1, 0.2, 0.7])\n'));
    assert.ok(containsLiteral('x = (1, 2)'));
    assert.ok(containsLiteral('{"cat": 0.2, "dog": 0.8}'));
  });

  it('finds none in prose or code without numbers in brackets', () => {
    assert.equal(containsLiteral('# A title\n\nSome text, with a comma (and brackets).\n'), false);
    assert.equal(containsLiteral('loss = criterion(model(x), y)\nitems[0] = 1\n'), false);
  });

  it('looks only at the start of a very large file', () => {
    assert.equal(containsLiteral(`${'a'.repeat(300_000)}[0.1, 0.9]`), false);
  });
});
