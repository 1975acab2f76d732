// Issue 14 item 1: a locked literal's range follows the edits made around and inside it. Each case
// applies the edit to real text too, and checks the range against what the text then holds.
import * as assert from 'node:assert/strict';
import { rangeAfterEdit, rangeAfterEdits, type OffsetEdit, type OffsetRange } from '../../src/extension/visualizer/tracked-range';

const LINE = 'logits = np.array([2.0, -1.0, 0.5])\n';
const LITERAL = 'np.array([2.0, -1.0, 0.5])';
const RANGE: OffsetRange = { start: LINE.indexOf(LITERAL), end: LINE.indexOf(LITERAL) + LITERAL.length };

/** `text` with `inserted` put in place of `length` characters at `offset`, and the edit that says so. */
function edit(text: string, offset: number, length: number, inserted: string): { text: string; edit: OffsetEdit } {
  return { text: text.slice(0, offset) + inserted + text.slice(offset + length), edit: { offset, length, inserted: inserted.length } };
}

function slice(text: string, range: OffsetRange | undefined): string | undefined {
  return range && text.slice(range.start, range.end);
}

describe('tracked range: a locked literal follows edits', () => {
  it('typing 1 before 2.0 grows the range by one: the literal is whole, not cut short', () => {
    const typed = edit(LINE, LINE.indexOf('2.0'), 0, '1');
    assert.equal(slice(typed.text, rangeAfterEdit(RANGE, typed.edit)), 'np.array([12.0, -1.0, 0.5])');
  });

  it('deleting and replacing inside shrinks or grows it', () => {
    const deleted = edit(LINE, LINE.indexOf(', 0.5'), 5, '');
    assert.equal(slice(deleted.text, rangeAfterEdit(RANGE, deleted.edit)), 'np.array([2.0, -1.0])');
    const replaced = edit(LINE, LINE.indexOf('-1.0'), 4, '-10.25, 3');
    assert.equal(slice(replaced.text, rangeAfterEdit(RANGE, replaced.edit)), 'np.array([2.0, -10.25, 3, 0.5])');
  });

  it('an edit of its first or last characters stays inside: np. → torch., ]) → ]) + more', () => {
    const first = edit(LINE, RANGE.start, 3, 'torch.');
    assert.equal(slice(first.text, rangeAfterEdit(RANGE, first.edit)), 'torch.array([2.0, -1.0, 0.5])');
    const last = edit(LINE, RANGE.end - 2, 2, '], dtype=float)');
    assert.equal(slice(last.text, rangeAfterEdit(RANGE, last.edit)), 'np.array([2.0, -1.0, 0.5], dtype=float)');
  });

  it('edits before it shift it, a line inserted above included; typing right at its start is before it', () => {
    const above = edit(LINE, 0, 0, 'import numpy as np\n\n');
    assert.deepEqual(rangeAfterEdit(RANGE, above.edit), { start: RANGE.start + 20, end: RANGE.end + 20 });
    assert.equal(slice(above.text, rangeAfterEdit(RANGE, above.edit)), LITERAL);
    const renamed = edit(LINE, 0, 'logits'.length, 'z');
    assert.equal(slice(renamed.text, rangeAfterEdit(RANGE, renamed.edit)), LITERAL);
    const atStart = edit(LINE, RANGE.start, 0, '-');
    assert.equal(slice(atStart.text, rangeAfterEdit(RANGE, atStart.edit)), LITERAL);
  });

  it('edits after it, typing right at its end included, leave it as it is', () => {
    const after = edit(LINE, RANGE.end, 0, ' * 2');
    assert.deepEqual(rangeAfterEdit(RANGE, after.edit), RANGE);
    assert.equal(slice(after.text, rangeAfterEdit(RANGE, after.edit)), LITERAL);
    const later = edit(LINE, LINE.length - 1, 1, '  # logits\n');
    assert.deepEqual(rangeAfterEdit(RANGE, later.edit), RANGE);
  });

  it('an edit that deletes it whole ends it: the literal alone, the line around it, the line replaced by other text', () => {
    assert.equal(rangeAfterEdit(RANGE, edit(LINE, RANGE.start, LITERAL.length, '').edit), undefined);
    assert.equal(rangeAfterEdit(RANGE, edit(LINE, 0, LINE.length, '').edit), undefined);
    assert.equal(rangeAfterEdit(RANGE, edit(LINE, 0, LINE.length, 'print(1)\n').edit), undefined);
  });

  it('text put exactly in its place (a paste, Apply to editor) is the literal then', () => {
    const applied = edit(LINE, RANGE.start, LITERAL.length, 'np.array([0.7, 0.2, 0.1])');
    assert.equal(slice(applied.text, rangeAfterEdit(RANGE, applied.edit)), 'np.array([0.7, 0.2, 0.1])');
  });

  it('an edit over one edge keeps what survives and what was typed over it', () => {
    // "s = np." selected and typed over with "s = torch.": the literal's own part is kept, with the new text.
    const overStart = edit(LINE, LINE.indexOf('= np.'), 5, '= torch.');
    assert.equal(slice(overStart.text, rangeAfterEdit(RANGE, overStart.edit)), '= torch.array([2.0, -1.0, 0.5])');
    const deletedOverStart = edit(LINE, 0, LINE.indexOf('2.0'), '');
    assert.equal(slice(deletedOverStart.text, rangeAfterEdit(RANGE, deletedOverStart.edit)), '2.0, -1.0, 0.5])');
    const overEnd = edit(LINE, LINE.indexOf('0.5])'), 6, '0.9])\n');
    assert.equal(slice(overEnd.text, rangeAfterEdit(RANGE, overEnd.edit)), 'np.array([2.0, -1.0, 0.9])\n');
  });

  it('applies one event’s edits in order (multi-cursor edits come last first), and stops at a deletion', () => {
    // Two cursors, before 2.0 and before 0.5, each typing "1": VS Code lists the later one first.
    let text = LINE;
    const second = edit(text, text.indexOf('0.5'), 0, '1');
    text = second.text;
    const first = edit(text, text.indexOf('2.0'), 0, '1');
    text = first.text;
    assert.equal(slice(text, rangeAfterEdits(RANGE, [second.edit, first.edit])), 'np.array([12.0, -1.0, 10.5])');
    assert.equal(rangeAfterEdits(RANGE, [{ offset: 0, length: LINE.length, inserted: 0 }, { offset: 0, length: 0, inserted: 40 }]), undefined);
    assert.deepEqual(rangeAfterEdits(RANGE, []), RANGE);
  });

  it('agrees with the text for random edits wholly inside or outside the literal (edges: outside)', () => {
    // A small linear congruential generator: the same cases on every run.
    let seed = 14;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 500; i++) {
      let text = `# ${'x'.repeat(next(20))}\n${LITERAL}\n${'y'.repeat(next(20))}`;
      let range: OffsetRange = { start: text.indexOf(LITERAL), end: text.indexOf(LITERAL) + LITERAL.length };
      let literal = LITERAL;
      for (let j = 0; j < 6; j++) {
        const inside = next(2) === 0;
        const [lo, hi] = inside ? [range.start, range.end] : next(2) === 0 ? [0, range.start] : [range.end, text.length];
        const offset = lo + next(hi - lo + 1);
        const length = next(Math.min(4, hi - offset) + 1);
        // A deletion of the literal's whole text is the one way an inside edit ends it; keep it alive here.
        if (inside && offset === range.start && length === range.end - range.start) continue;
        const inserted = ['', '1', ', 0.5', '\n  '][next(4)];
        const done = edit(text, offset, length, inserted);
        const after = rangeAfterEdit(range, done.edit);
        // Typing at either edge without replacing anything is outside the literal.
        const atEdge = length === 0 && (offset === range.start || offset === range.end);
        if (inside && !atEdge) literal = literal.slice(0, offset - range.start) + inserted + literal.slice(offset - range.start + length);
        assert.ok(after, `edit ${JSON.stringify(done.edit)} of ${JSON.stringify(range)} kept the literal`);
        text = done.text;
        range = after;
        assert.equal(text.slice(range.start, range.end), literal);
      }
    }
  });
});
