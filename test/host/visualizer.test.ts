// The visualizer in a real extension host: the command opens the panel beside the editor, the panel
// follows the selection, the lock pins it, the serializer's restore path brings a panel back from
// saved state, a vanished file is a message, and a later selection wins over a slower, earlier one.
// What the panel was told is read through the internal state command, and webview messages are
// posted through the internal message command (the webview's DOM is out of the extension host's
// reach; test/webview covers the drawing).
import * as assert from 'node:assert/strict';
import { mkdtempSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { TestFiles } from './lib/files';
import { MESSAGE, panelSnapshot, RESTORE, startVisualizerSuite, untilPanel } from './lib/panel';


interface Snapshot {
  open: boolean;
  visible: boolean;
  state: { version: 1; source?: { uri: string; start: { line: number; character: number }; end: { line: number; character: number } }; locked: boolean; view: string; choices?: Record<string, string> };
  content?: { kind: string; model?: { kind: string; figures: { key: string; display: string }[]; source: { fileName: string; line: number } }; error?: { line: number; column: number; message: string }; message?: string };
  posted: number;
  notice?: string;
  viewColumn?: number;
}

const snapshot = () => panelSnapshot<Snapshot>();
const until = (what: string, check: (s: Snapshot) => boolean, timeoutMs?: number) => untilPanel<Snapshot>(what, check, timeoutMs);

const figure = (s: Snapshot, key: string) => s.content?.model?.figures.find((f) => f.key === key)?.display;

const TEXT = ['p = [0.25, 0.75]', 'pair = [[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]]', 'bad = [0.1, "x"]', ''].join('\n');

describe('visualizer (extension host)', function () {
  this.timeout(60_000);
  let editor: vscode.TextEditor;

  before(async () => {
    editor = await startVisualizerSuite(new TestFiles('visualizer'), TEXT, 'python');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the editor from the command, on the literal around the cursor, without taking focus', async () => {
    editor.selection = new vscode.Selection(0, 8, 0, 8); // inside [0.25, 0.75], nothing selected
    await vscode.commands.executeCommand('entropyLens.openVisualizer');
    const s = await until('the panel shows the distribution beside the editor', (x) => x.content?.model?.kind === 'distribution' && x.viewColumn !== undefined);
    assert.equal(s.open, true);
    assert.equal(s.viewColumn, vscode.ViewColumn.Two, 'beside the editor');
    assert.equal(figure(s, 'entropy'), '0.562335');
    assert.deepEqual(s.state.source?.start, { line: 0, character: 4 });
    assert.deepEqual(s.state.source?.end, { line: 0, character: 16 });
    assert.equal(vscode.window.activeTextEditor?.document, editor.document, 'focus stayed in the editor');
  });

  it('follows the selection', async () => {
    const line = editor.document.lineAt(1).text;
    editor.selection = new vscode.Selection(1, line.indexOf('['), 1, line.length);
    const s = await until('the panel shows the pair', (x) => x.content?.model?.kind === 'pair');
    assert.equal(figure(s, 'klPQ'), '0.200777');
    assert.equal(s.content?.model?.source.line, 2);
  });

  it('shows a malformed selection as an error with line and column', async () => {
    const line = editor.document.lineAt(2).text;
    editor.selection = new vscode.Selection(2, line.indexOf('['), 2, line.length);
    const s = await until('the panel shows an error', (x) => x.content?.kind === 'error');
    assert.equal(s.content?.error?.line, 3);
    // The core names the offending element; the panel places it in the document (1-based).
    const column = s.content?.error?.column ?? 0;
    assert.ok(column > line.indexOf('[') && column <= line.length, `column ${column} lies inside the literal`);
    assert.ok((s.content?.error?.message ?? '').length > 0);
  });

  it('honours the lock: a locked panel stays on its literal', async () => {
    editor.selection = new vscode.Selection(0, 8, 0, 8);
    await until('back on the distribution', (x) => x.content?.model?.kind === 'distribution');
    // The webview's lock button posts setLocked; the restore path accepts the same state.
    const locked = await snapshot();
    await vscode.commands.executeCommand(RESTORE, { ...locked.state, locked: true });
    await until('locked', (x) => x.state.locked && x.content?.model?.kind === 'distribution');
    const line = editor.document.lineAt(1).text;
    editor.selection = new vscode.Selection(1, line.indexOf('['), 1, line.length);
    await new Promise((r) => setTimeout(r, 800));
    const s = await snapshot();
    assert.equal(s.content?.model?.kind, 'distribution', 'still the locked literal');
    assert.deepEqual(s.state.source?.start, { line: 0, character: 4 });
  });

  it('applies a settings change without a reload', async () => {
    const config = vscode.workspace.getConfiguration('entropyLens');
    await config.update('unit', 'bits', vscode.ConfigurationTarget.Global);
    try {
      const s = await until('figures in bits', (x) => figure(x, 'entropy') === '0.811278');
      assert.equal(s.content?.model?.kind, 'distribution');
    } finally {
      await config.update('unit', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('keeps a toolbar choice in the panel, writing no setting; Make default writes it and says where', async () => {
    const config = () => vscode.workspace.getConfiguration('entropyLens');
    const before = config().inspect('unit');
    await vscode.commands.executeCommand(MESSAGE, { type: 'setUnit', unit: 'bits' });
    const chosen = await until('figures in bits', (x) => figure(x, 'entropy') === '0.811278');
    assert.deepEqual(chosen.state.choices, { unit: 'bits' }, 'the choice is saved with the panel');
    assert.deepEqual(config().inspect('unit'), before, 'the toggle wrote no setting');
    // The choice comes back with the panel after a reload (the serializer's path).
    await vscode.commands.executeCommand(RESTORE, chosen.state);
    await until('restored, still in bits', (x) => x.state.choices?.unit === 'bits' && figure(x, 'entropy') === '0.811278');
    try {
      await vscode.commands.executeCommand(MESSAGE, { type: 'makeDefault' });
      const made = await until('the notice says what was written', (x) => /^Made the default/.test(x.notice ?? ''));
      assert.match(made.notice!, /entropyLens\.unit = bits \((user|workspace|folder) settings\)/);
      assert.equal(config().get('unit'), 'bits');
      await until('the choice is now the setting', (x) => x.state.choices === undefined && figure(x, 'entropy') === '0.811278');
    } finally {
      await config().update('unit', undefined, vscode.ConfigurationTarget.Global);
    }
    await until('back in nats', (x) => figure(x, 'entropy') === '0.562335');
  });

  it('restores a panel from saved state through the serializer path', async () => {
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    await until('the panel is closed', (x) => !x.open);
    const line = editor.document.lineAt(1).text;
    const saved = {
      version: 1,
      source: { uri: editor.document.uri.toString(), start: { line: 1, character: line.indexOf('[') }, end: { line: 1, character: line.length } },
      locked: true,
      view: 'figures',
    };
    await vscode.commands.executeCommand(RESTORE, saved);
    const s = await until('restored on the pair', (x) => x.open && x.content?.model?.kind === 'pair');
    assert.equal(s.state.locked, true);
    assert.equal(figure(s, 'klQP'), '0.227377');
    // Malformed state (from an older version, or tampered) opens an empty panel rather than failing.
    await vscode.commands.executeCommand(RESTORE, { version: 99, source: 'nope' });
    const empty = await until('restored empty', (x) => x.open && x.posted > 0);
    assert.ok(empty.content);
  });
  it('reveal of a deleted file gives a message, never an unhandled rejection', async () => {
    // A panel restored after a reload whose file was deleted in between: the panel says so, and its
    // Reveal button answers with a notice.
    const file = join(mkdtempSync(join(tmpdir(), 'entropy-lens-gone-')), 'gone.py');
    writeFileSync(file, 'p = [0.5, 0.5]\n');
    const uri = vscode.Uri.file(file).toString();
    unlinkSync(file);
    const saved = { version: 1, source: { uri, start: { line: 0, character: 4 }, end: { line: 0, character: 14 } }, locked: true, view: 'figures' };
    await vscode.commands.executeCommand(RESTORE, saved);
    const restored = await until('restored on the vanished file', (x) => x.open && x.state.source?.uri === uri && x.content?.kind === 'empty');
    assert.match(restored.content?.message ?? '', /gone\.py can no longer be opened/);
    // Settles once the message is handled; a rejection would fail the command, and so the test.
    const handled = await vscode.commands.executeCommand<boolean>(MESSAGE, { type: 'reveal' });
    assert.equal(handled, true, 'the message was well formed');
    const told = await until('a notice names the file', (x) => (x.notice ?? '').includes('gone.py'));
    assert.match(told.notice ?? '', /gone\.py can no longer be opened: it was deleted, renamed or moved/);
    assert.equal(told.open, true, 'the panel is still there');
  });

  it('out-of-order refresh: a later selection wins over an earlier, slower evaluation', async () => {
    // A file system whose reads wait until the test lets them go: the earlier refresh's source.
    let requested: () => void = () => undefined;
    const wasRequested = new Promise<void>((resolve) => (requested = resolve));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const text = new TextEncoder().encode('slow = [0.25, 0.75]\n');
    const provider: vscode.FileSystemProvider = {
      onDidChangeFile: new vscode.EventEmitter<vscode.FileChangeEvent[]>().event,
      watch: () => ({ dispose: () => undefined }),
      stat: () => ({ type: vscode.FileType.File, ctime: 0, mtime: 0, size: text.length }),
      readFile: async () => {
        requested();
        await released;
        return text;
      },
      readDirectory: () => [],
      createDirectory: () => undefined,
      writeFile: () => undefined,
      delete: () => undefined,
      rename: () => undefined,
    };
    const registration = vscode.workspace.registerFileSystemProvider('entropy-lens-slow', provider, { isReadonly: true });
    try {
      const slow = vscode.Uri.from({ scheme: 'entropy-lens-slow', path: '/slow.py' });
      const saved = { version: 1, source: { uri: slow.toString(), start: { line: 0, character: 7 }, end: { line: 0, character: 19 } }, locked: false, view: 'figures' };
      // The restore's refresh waits for the slow file…
      const restoring = Promise.resolve(vscode.commands.executeCommand(RESTORE, saved));
      await wasRequested;
      // …while the user selects the pair: a later refresh, whose source is at hand.
      editor = await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
      const line = editor.document.lineAt(1).text;
      editor.selection = new vscode.Selection(3, 0, 3, 0);
      editor.selection = new vscode.Selection(1, line.indexOf('['), 1, line.length);
      await until('the panel shows the pair selected later', (x) => x.content?.model?.kind === 'pair' && x.state.source?.uri === editor.document.uri.toString());
      release();
      await restoring; // The slow refresh has finished: it must not have replaced the pair.
      const s = await snapshot();
      assert.equal(s.content?.model?.kind, 'pair', 'the later selection is still shown');
      assert.equal(figure(s, 'klPQ'), '0.200777');
      assert.equal(s.state.source?.uri, editor.document.uri.toString());
    } finally {
      release();
      registration.dispose();
    }
  });
});
