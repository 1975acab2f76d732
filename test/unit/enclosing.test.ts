import * as assert from 'node:assert/strict';
import { enclosingGroups } from '../../src/core/enclosing';

function groups(text: string, at: string): string[] {
  return enclosingGroups(text, text.indexOf(at)).map((r) => text.slice(r.start, r.end));
}

describe('enclosingGroups', () => {
  it('lists the groups around an offset, outermost first', () => {
    const text = '{"a": [1, 2], "pairs": [{"p": [0.4, 0.6], "q": [0.5, 0.5]}]}';
    assert.deepEqual(groups(text, '0.6'), [text, '[{"p": [0.4, 0.6], "q": [0.5, 0.5]}]', '{"p": [0.4, 0.6], "q": [0.5, 0.5]}', '[0.4, 0.6]']);
    assert.deepEqual(groups(text, '2]'), [text, '[1, 2]']);
  });

  it('ignores brackets inside strings', () => {
    const text = '{"name": "x [y", "v": [1, 2]}';
    assert.deepEqual(groups(text, '2]'), [text, '[1, 2]']);
  });

  it('is empty outside any group and stops at an unbalanced bracket', () => {
    assert.deepEqual(groups('x = 1 + [2]', '1'), []);
    assert.deepEqual(groups('[1, 2} [3]', '3'), []);
  });
});
