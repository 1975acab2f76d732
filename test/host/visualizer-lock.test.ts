// Issue 14 items 1 and 2 in a real extension host: a locked literal's range follows the edits made
// before and inside it (the case: type `1` before `2.0` — the figures of [12.0, −1.0, 0.5],
// not "unbalanced brackets"); while the text cannot be read the last figures stay, under a stale line
// with the reason and its place; deleting the literal ends the lock quietly. Following, a selection
// that holds no literal (a word, an empty line) leaves the panel as it was, with a hint, never an error.
// Every wait is on a condition of what the panel was told (the internal state command), never a sleep.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TestFiles } from './lib/files';
import { MESSAGE, panelSnapshot, startVisualizerSuite, untilPanel } from './lib/panel';


interface Position {
  line: number;
  character: number;
}

interface Snapshot {
  open: boolean;
  notice?: string;
  state: { source?: { uri: string; start: Position; end: Position }; locked: boolean };
  content?: { kind: string; model?: { kind: string; figures: { key: string; display: string }[] }; error?: { message: string } };
  status?: { kind: string; message: string; line?: number; column?: number };
  posted: number;
}

const snapshot = () => panelSnapshot<Snapshot>();
const until = (what: string, check: (s: Snapshot) => boolean, timeoutMs?: number) => untilPanel<Snapshot>(what, check, timeoutMs);

/** H(softmax(z)) in nats, computed here as the reference (scipy.stats.entropy(scipy.special.softmax(z)) agrees). */
function softmaxEntropy(z: readonly number[]): number {
  const max = Math.max(...z);
  const e = z.map((x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return -e.reduce((h, x) => h + (x / sum) * Math.log(x / sum), 0);
}

/** The panel's H(P), as a number, or undefined when it shows no figures. */
const entropyOf = (s: Snapshot) => {
  const display = s.content?.model?.figures.find((f) => f.key === 'entropy')?.display;
  return display === undefined ? undefined : Number(display);
};
/** Within the panel's 6 significant digits of `expected`. */
const shows = (s: Snapshot, expected: number) => {
  const value = entropyOf(s);
  return value !== undefined && Math.abs(value - expected) <= 5e-6 * Math.abs(expected);
};

const H_2 = softmaxEntropy([2.0, -1.0, 0.5]); // 0.621585 (scipy: 0.6215846046792745)
const H_12 = softmaxEntropy([12.0, -1.0, 0.5]); // 0.000158269 (scipy: 0.00015826889742303647)
const H_QUARTER = -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)); // 0.562335 (scipy: 0.5623351446188083)
const LITERAL = 'np.array([2.0, -1.0, 0.5])';
const TEXT = ['import numpy as np', `logits = ${LITERAL}`, 'print(logits)', ''].join('\n');

describe('visualizer: a locked literal follows edits; following is quiet (extension host)', function () {
  this.timeout(60_000);
  let editor: vscode.TextEditor;

  /** One edit of the test document, applied as a keystroke is (one change event). */
  async function edit(change: (builder: vscode.TextEditorEdit) => void): Promise<void> {
    assert.equal(await editor.edit(change, { undoStopBefore: true, undoStopAfter: true }), true, 'the edit applied');
  }

  const lineText = (line: number) => editor.document.lineAt(line).text;

  before(async () => {
    editor = await startVisualizerSuite(new TestFiles('lock'), TEXT, 'python');
  });

  after(async () => {
    // The document was edited: revert it so closing asks nothing.
    if (vscode.window.activeTextEditor?.document !== editor.document) await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens on the logits and locks there', async () => {
    const start = lineText(1).indexOf(LITERAL);
    editor.selection = new vscode.Selection(1, start, 1, start + LITERAL.length);
    await vscode.commands.executeCommand('entropyLens.openVisualizer');
    await until('the panel shows H(softmax([2, −1, 0.5]))', (x) => shows(x, H_2));
    await vscode.commands.executeCommand(MESSAGE, { type: 'setLocked', locked: true });
    const s = await until('locked', (x) => x.state.locked);
    assert.deepEqual(s.state.source?.start, { line: 1, character: start });
    assert.deepEqual(s.state.source?.end, { line: 1, character: start + LITERAL.length });
  });

  it('typing 1 before 2.0 grows the locked range: the figures of [12.0, −1.0, 0.5], no error', async () => {
    const before = await snapshot();
    await edit((b) => b.insert(new vscode.Position(1, lineText(1).indexOf('2.0')), '1'));
    const s = await until('the panel shows H(softmax([12, −1, 0.5]))', (x) => shows(x, H_12));
    assert.equal(s.content?.kind, 'model');
    assert.equal(s.status, undefined, 'nothing stale');
    assert.equal(s.state.locked, true);
    assert.equal(s.state.source?.end.character, (before.state.source?.end.character ?? 0) + 1, 'the range grew by the character typed');
    assert.equal(editor.document.getText(new vscode.Range(1, s.state.source.start.character, 1, s.state.source.end.character)), 'np.array([12.0, -1.0, 0.5])');
  });

  it('edits before the literal move it: a line above, text before it on its line', async () => {
    await edit((b) => b.insert(new vscode.Position(0, 0), 'import math\n'));
    await until('the locked range moved down a line', (x) => x.state.source?.start.line === 2);
    await edit((b) => b.replace(new vscode.Range(2, 0, 2, 'logits'.length), 'z'));
    const s = await until('the locked range moved left', (x) => x.state.source?.start.character === 'z = '.length);
    assert.equal(s.state.locked, true);
    assert.ok(shows(s, H_12), 'the same figures');
    assert.equal(editor.document.getText(new vscode.Range(2, s.state.source!.start.character, 2, s.state.source!.end.character)), 'np.array([12.0, -1.0, 0.5])');
  });

  it('while the text cannot be read, keeps the last figures under a stale line with the reason and where', async () => {
    const column = lineText(2).indexOf('-1.0');
    await edit((b) => b.insert(new vscode.Position(2, column), 'x'));
    const s = await until('a stale line', (x) => x.status?.kind === 'stale');
    assert.equal(s.content?.kind, 'model', 'the figures are not replaced by the error');
    assert.ok(shows(s, H_12), 'the last good figures');
    assert.match(s.status?.message ?? '', /'x' is not a number/);
    assert.equal(s.status?.line, 3, 'the line of the x (1-based)');
    assert.equal(s.status?.column, column + 1, 'the column of the x (1-based)');
    assert.equal(s.state.locked, true);
    // Reveal goes to the offending element, as for an error shown in full.
    await vscode.commands.executeCommand(MESSAGE, { type: 'reveal' });
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document, editor.document);
    assert.equal(active.selection.start.line, 2);
    assert.equal(active.selection.start.character, column);
    editor = active;
    // The kept figures are not of the text as it is: Copy says so rather than copying them.
    await vscode.commands.executeCommand(MESSAGE, { type: 'copyMarkdown' });
    await until('a notice that nothing was copied', (x) => /nothing was copied/.test(x.notice ?? ''));
    // Readable again: the stale line goes.
    await edit((b) => b.delete(new vscode.Range(2, column, 2, column + 1)));
    const again = await until('readable again', (x) => x.status === undefined && shows(x, H_12));
    assert.equal(again.content?.kind, 'model');
  });

  it('an edit that deletes the literal ends the lock quietly, keeping its last figures', async () => {
    await edit((b) => b.delete(new vscode.Range(2, 0, 3, 0)));
    const s = await until('the lock ended', (x) => !x.state.locked && x.status?.kind === 'ended');
    assert.match(s.status?.message ?? '', /locked literal was deleted/);
    assert.equal(s.state.source, undefined, 'no source any more');
    assert.equal(s.content?.kind, 'model');
    assert.ok(shows(s, H_12), 'its last figures');
  });

  it('following, a word or an empty line leaves the panel as it was with a hint; a literal is followed again', async () => {
    await edit((b) => b.insert(new vscode.Position(2, 0), 'p = [0.25, 0.75]\n'));
    const start = lineText(2).indexOf('[');
    editor.selection = new vscode.Selection(2, start, 2, lineText(2).length);
    const followed = await until('following the new literal', (x) => shows(x, H_QUARTER) && x.status === undefined);
    assert.equal(followed.state.locked, false);
    const source = followed.state.source;
    // A word: plain code, no literal in it.
    const word = lineText(3).indexOf('print');
    editor.selection = new vscode.Selection(3, word, 3, word + 'print'.length);
    const hinted = await until('a hint', (x) => x.status?.kind === 'hint');
    assert.equal(hinted.content?.kind, 'model', 'the last result is kept, no error');
    assert.ok(shows(hinted, H_QUARTER));
    assert.deepEqual(hinted.state.source, source, 'still on the literal');
    assert.match(hinted.status?.message ?? '', /holds no literal/);
    // The cursor inside the literal shown settles back on it, and the hint goes.
    editor.selection = new vscode.Selection(2, start + 2, 2, start + 2);
    const back = await until('the hint is gone', (x) => x.status === undefined);
    assert.ok(shows(back, H_QUARTER));
    // The cursor on the empty last line: the last result, with the hint again.
    const last = editor.document.lineCount - 1;
    editor.selection = new vscode.Selection(last, 0, last, 0);
    const empty = await until('a hint on the empty line', (x) => x.status?.kind === 'hint');
    assert.equal(empty.content?.kind, 'model');
    assert.ok(shows(empty, H_QUARTER));
  });
});
