// The host side of the visualizer's playground (issue 13) in a real extension host: "Copy as literal"
// writes the page's numbers into the literal's own syntax on the clipboard, "Apply to editor" replaces
// the literal as one undoable edit — and refuses, with a notice, when the document changed since the
// panel showed it; copying the figures copies them at the page's temperature; a saved state with a
// damaged playground still restores. Messages go in through the internal message command, as if
// the webview had posted them (test/webview covers the page itself).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TestFiles } from './lib/files';
import { MESSAGE, panelSnapshot, RESTORE, startVisualizerSuite, untilPanel } from './lib/panel';


interface Snapshot {
  open: boolean;
  state: { source?: { uri: string } };
  content?: { kind: string; model?: { kind: string; figures: { key: string; display: string }[] } };
  posted: number;
  notice?: string;
}

const snapshot = () => panelSnapshot<Snapshot>();
const until = (what: string, check: (s: Snapshot) => boolean, timeoutMs?: number) => untilPanel<Snapshot>(what, check, timeoutMs);

/** The page's playground state: T, no smoothing, `q` as [index, probability] edits. */
const playground = (temperature: number, q: [number, number][] = []) => ({ temperature, smoothing: 0, edits: { p: [], q } });

const LITERAL = 'np.array([[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]])';
const TEXT = `pair = ${LITERAL}  # P, Q\n`;

describe('visualizer playground (extension host)', function () {
  this.timeout(60_000);
  let editor: vscode.TextEditor;
  let range: vscode.Range;

  before(async () => {
    editor = await startVisualizerSuite(new TestFiles('playground'), TEXT, 'python');
    const document = editor.document;
    const start = TEXT.indexOf(LITERAL);
    range = new vscode.Range(document.positionAt(start), document.positionAt(start + LITERAL.length));
    editor.selection = new vscode.Selection(range.start, range.end);
    await vscode.commands.executeCommand('entropyLens.openVisualizer');
    await until('the panel shows the pair', (x) => x.content?.model?.kind === 'pair');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('copies the literal with the dragged bar, in its own syntax, and leaves the document alone', async () => {
    await vscode.env.clipboard.writeText('');
    // q₂ dragged to 0.1: q₀ and q₁ share the other 0.9 as they shared 0.6.
    assert.equal(await vscode.commands.executeCommand<boolean>(MESSAGE, { type: 'copyLiteral', playground: playground(1, [[2, 0.1]]) }), true);
    await until('a notice says it was copied', (x) => (x.notice ?? '').startsWith('Copied the literal'));
    assert.equal(await vscode.env.clipboard.readText(), 'np.array([[0.1, 0.2, 0.7], [0.45, 0.45, 0.1]])');
    assert.equal(editor.document.getText(), TEXT);
  });

  it('copies the figures at the page’s temperature, saying which', async () => {
    await vscode.commands.executeCommand(MESSAGE, { type: 'copyMarkdown', playground: playground(10) });
    await until('a notice says it was copied', (x) => (x.notice ?? '').startsWith('Copied the figures'));
    const markdown = await vscode.env.clipboard.readText();
    assert.match(markdown, /At temperature T = 10/);
    assert.doesNotMatch(markdown, /\| D_KL\(P‖Q\) \| 0\.200777 \|/, 'not the figures of the literal as written');
  });

  it('applies the edit to the editor as one undoable edit', async () => {
    assert.equal(await vscode.commands.executeCommand<boolean>(MESSAGE, { type: 'applyLiteral', playground: playground(1, [[2, 0.1]]) }), true);
    await until('a notice says it was replaced', (x) => (x.notice ?? '').startsWith('Replaced the literal'));
    assert.equal(editor.document.getText(), 'pair = np.array([[0.1, 0.2, 0.7], [0.45, 0.45, 0.1]])  # P, Q\n');
    // The panel follows the document: D_KL(P‖Q) of the new Q.
    await until('the panel shows the edited literal', (x) => x.content?.model?.figures.some((f) => f.key === 'klPQ' && f.display !== '0.200777') === true);
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), TEXT, 'one Undo reverts the whole edit');
  });

  it('refuses to apply when the document changed since the panel showed it', async () => {
    await until('the panel shows the literal as written again', (x) => x.content?.model?.figures.some((f) => f.key === 'klPQ' && f.display === '0.200777') === true);
    const before = await snapshot();
    // An edit the panel has not seen yet (its refresh waits 120 ms): the apply must not use stale numbers.
    const edited = await editor.edit((b) => b.insert(new vscode.Position(1, 0), '# a comment\n'));
    assert.ok(edited);
    await vscode.commands.executeCommand(MESSAGE, { type: 'applyLiteral', playground: playground(2) });
    const told = await until('a notice refuses', (x) => x.posted > before.posted && (x.notice ?? '').includes('changed since the panel showed it'));
    assert.ok(told.notice);
    assert.equal(editor.document.getText(), `${TEXT}# a comment\n`, 'the literal was not replaced');
  });

  it('restores a panel whose saved playground is damaged, without it', async () => {
    const source = { uri: editor.document.uri.toString(), start: { line: 0, character: range.start.character }, end: { line: 0, character: range.end.character } };
    await vscode.commands.executeCommand(RESTORE, { version: 1, source, locked: true, view: 'figures', playground: { temperature: 99, smoothing: 0, edits: { p: [], q: [] }, key: 'x' } });
    const s = await until('restored on the pair', (x) => x.open && x.content?.model?.kind === 'pair');
    assert.equal(s.state.source?.uri, source.uri);
  });
});
