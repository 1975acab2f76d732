import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clip, LABEL_CHARS } from '../../src/webview/clip-label';

// The charts' one label clipper (src/webview/clip-label.ts): bars, heatmap and surprisal chart had
// each written their own copy.

describe('chart label clipping', () => {
  it('keeps a label that fits, cuts a longer one to the limit with an ellipsis', () => {
    assert.equal(clip('a'.repeat(LABEL_CHARS)), 'a'.repeat(LABEL_CHARS));
    assert.equal(clip('abcdefghijklmnopqrstuvwxyz'), 'abcdefghijklm…');
    assert.equal(clip('abcdefghijklmnopqrstuvwxyz').length, LABEL_CHARS);
    assert.equal(clip('surprisals', 10), 'surprisals');
    assert.equal(clip('surprisal!!', 10), 'surprisal…');
  });

  it('never splits a character made of two UTF-16 units', () => {
    assert.equal(clip('😀'.repeat(20), 5), '😀😀😀😀…');
  });

  it('is the only copy: no other webview file defines its own', () => {
    const dir = path.join(__dirname, '../../../src/webview');
    const copies = fs.readdirSync(dir).filter((name) => name.endsWith('.ts') && name !== 'clip-label.ts' && /function clip\(/.test(fs.readFileSync(path.join(dir, name), 'utf8')));
    assert.deepEqual(copies, []);
  });
});
