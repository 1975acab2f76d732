// Live values (issue 10) in a real extension host with real debug adapters: VS Code's own JavaScript
// debugger (js-debug, built in) on samples/live/softmax.js, and Debian's debugpy adapter on
// samples/live/train.py (registered under the Python Debugger's debug type by the test extension in
// test/host/debugpy-adapter). Each figure is checked against a reference computed in the debuggee
// itself, by numpy, torch or plain JavaScript, at the same stop.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { captureValue } from '../../src/extension/live/capture';
import { LiveValueError } from '../../src/extension/live/errors';
import { pausedFrame } from '../../src/extension/live/paused-frame';
import { frameVariables } from '../../src/extension/live/variables';

const EXTENSION_ID = 'entropy-lens.entropy-lens';
const STATE = 'entropyLens.internal.visualizerState';
const RESTORE = 'entropyLens.internal.visualizerRestore';
const MESSAGE = 'entropyLens.internal.visualizerMessage';
/** Longer than the selection takes to settle (SETTLE_MS, 120 ms) and the panel to follow it. */
const SETTLED_MS = 600;

interface Result {
  kind: string;
  entropy?: number;
  klPQ?: number | string;
  interpretation?: string;
  loss?: { name: string; value: number };
  rows?: { entropy: number }[];
}

interface LivePoint {
  stop: number;
  value?: number | string;
  display: string;
  place: string;
  note?: string;
}

interface Snapshot {
  open: boolean;
  state: { live?: { title: string; history?: { label: string; points: LivePoint[] } } };
  content?: { kind: string; message?: string; model?: { kind: string; source: { fileName: string; line: number }; figures: { key: string; value: number | string }[] } };
  live?: { title: string; status: string; following: boolean; canFollow: boolean; history?: { label: string; points: LivePoint[] } };
}

const snapshot = () => vscode.commands.executeCommand<Snapshot>(STATE);

function folder(): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.[0];
  assert.ok(found, 'the host runner opens samples/ as the workspace');
  return found;
}

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The frame VS Code focuses when `session` stops: its own, or a child session's (js-debug runs the
 * program in a child session of the one launched).
 */
function focusedFrame(session: vscode.DebugSession): vscode.DebugStackFrame | undefined {
  const item = vscode.debug.activeStackItem;
  if (!(item instanceof vscode.DebugStackFrame)) return undefined;
  for (let s: vscode.DebugSession | undefined = item.session; s; s = s.parentSession) if (s.id === session.id) return item;
  return undefined;
}

/** Starts a debug session and waits until it is paused with a frame in focus. */
async function startPaused(configuration: vscode.DebugConfiguration): Promise<vscode.DebugSession> {
  let session: vscode.DebugSession | undefined;
  const started = vscode.debug.onDidStartDebugSession((s) => {
    if (s.configuration.name === configuration.name) session ??= s;
  });
  try {
    // A session left paused by another suite would keep the focus.
    await vscode.debug.stopDebugging();
    assert.ok(await vscode.debug.startDebugging(folder(), configuration), `${configuration.name} did not start`);
    const found = await until(`${configuration.name} starts`, () => session, 60_000);
    await until(`${configuration.name} stops`, () => focusedFrame(found), 90_000);
    return found;
  } finally {
    started.dispose();
  }
}

/** DAP `stopped` events seen, by session id: debugpy keeps a frame's id from one stop to the next. */
const stops = new Map<string, number>();
const tracker = vscode.debug.registerDebugAdapterTrackerFactory('*', {
  createDebugAdapterTracker: (session) => ({
    onDidSendMessage: (message: { type?: string; event?: string }) => {
      if (message.type === 'event' && message.event === 'stopped') stops.set(session.id, (stops.get(session.id) ?? 0) + 1);
    },
  }),
});

/** Continues to the next stop, and waits until it has happened and a frame of it is focused. */
async function continueToNextStop(session: vscode.DebugSession): Promise<void> {
  const frame = focusedFrame(session);
  assert.ok(frame, 'the session is paused');
  const before = stops.get(frame.session.id) ?? 0;
  await frame.session.customRequest('continue', { threadId: frame.threadId });
  await until('the session stops again', () => ((stops.get(frame.session.id) ?? 0) > before ? true : undefined), 60_000);
  // The frame focused before is stale until the workbench has focused the new stop's (a new object).
  await until('a frame of the new stop is focused', () => (vscode.debug.activeStackItem !== frame ? focusedFrame(session) : undefined), 30_000);
}

/** A reference value computed by the debuggee itself, in the focused frame. */
async function debuggee(session: vscode.DebugSession, expression: string): Promise<number> {
  const frame = focusedFrame(session);
  assert.ok(frame, 'the session is paused');
  const reply = (await frame.session.customRequest('evaluate', { expression, frameId: frame.frameId, context: 'watch' })) as { result: string };
  const value = Number(reply.result);
  assert.ok(Number.isFinite(value), `the debuggee computed ${expression} = ${reply.result}`);
  return value;
}

async function stop(session: vscode.DebugSession | undefined): Promise<void> {
  if (!session) return;
  const ended = new Promise<void>((resolve) => {
    const listener = vscode.debug.onDidTerminateDebugSession((s) => {
      if (s.id !== session.id) return;
      listener.dispose();
      resolve();
    });
  });
  await vscode.debug.stopDebugging(session);
  await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 15_000))]);
}

async function openSample(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder().uri, name));
  const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  await until(`${name} is the active editor`, () => vscode.window.activeTextEditor?.document === document);
  return editor;
}

/** Selects each text at its first occurrence after `after` (multi-cursor for two). */
function select(editor: vscode.TextEditor, after: string, ...texts: string[]): void {
  const source = editor.document.getText();
  const from = source.indexOf(after);
  assert.ok(from >= 0, `${after} is not in ${editor.document.fileName}`);
  editor.selections = texts.map((text) => {
    const start = source.indexOf(text, from);
    assert.ok(start >= 0, `${text} is not in ${editor.document.fileName}`);
    return new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + text.length));
  });
}

/** The cursor inside the name `text` (its first occurrence after `after`), nothing selected. */
function cursorOn(editor: vscode.TextEditor, after: string, text: string): void {
  const source = editor.document.getText();
  const at = source.indexOf(text, source.indexOf(after)) + 1;
  const position = editor.document.positionAt(at);
  editor.selection = new vscode.Selection(position, position);
}

function close(actual: number | undefined, expected: number, what: string, relative = 1e-9): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≠ ${expected}`);
}

async function rejectsWith(run: () => Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(run, (error: unknown) => {
    assert.ok(error instanceof LiveValueError, `not a LiveValueError: ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  });
}

/** A numpy expression for `name` as float64 probabilities (float32 values normalised in float64, as the core does). */
const NORMALISED = (name: string) => `(lambda v: v / v.sum())(np.asarray(${name}, dtype=float))`;

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('entropyLens').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('live values: JavaScript (js-debug)', function () {
  this.timeout(180_000);
  let session: vscode.DebugSession | undefined;
  let editor: vscode.TextEditor;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    session = await startPaused({ type: 'node', request: 'launch', name: 'live js', program: '${workspaceFolder}/live/softmax.js', console: 'internalConsole', skipFiles: ['<node_internals>/**'] });
    editor = await openSample('live/softmax.js');
  });

  after(async () => {
    await setting('live.maxElements', undefined);
    await stop(session);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Evaluate Selection reads a selected variable in the paused frame', async () => {
    select(editor, 'const probs', 'probs');
    const result = await vscode.commands.executeCommand<Result>('entropyLens.evaluateSelection');
    assert.equal(result.kind, 'distribution');
    close(result.entropy, await debuggee(session!, 'probs.reduce((h, p) => h - p * Math.log(p), 0)'), 'H(probs)');
  });

  it('with nothing selected, reads the name at the cursor (a typed array)', async () => {
    cursorOn(editor, 'let weights', 'weights');
    const result = await vscode.commands.executeCommand<Result>('entropyLens.evaluateSelection');
    assert.equal(result.interpretation, 'logits');
    const reference = await debuggee(session!, '(() => { const m = Math.max(...weights); const z = Math.log(Array.from(weights).reduce((s, w) => s + Math.exp(w - m), 0)) + m; return -Array.from(weights).reduce((h, w) => h + Math.exp(w - z) * (w - z), 0); })()');
    close(result.entropy, reference, 'H(softmax(weights))');
  });

  it('keeps −Infinity as a masked logit (JSON.stringify would have written null)', async () => {
    select(editor, 'const masked', 'masked');
    const result = await vscode.commands.executeCommand<Result>('entropyLens.evaluateSelection');
    assert.equal(result.interpretation, 'logits');
    const reference = await debuggee(session!, '(() => { const v = [masked[0], masked[2], masked[3]]; const m = Math.max(...v); const z = Math.log(v.reduce((s, w) => s + Math.exp(w - m), 0)) + m; return -v.reduce((h, w) => h + Math.exp(w - z) * (w - z), 0); })()');
    close(result.entropy, reference, 'H with a masked class');
  });

  it('Compare Selections reads an object of two arrays as P and Q', async () => {
    select(editor, 'const pair', 'pair');
    const result = await vscode.commands.executeCommand<Result>('entropyLens.compareSelections');
    assert.equal(result.kind, 'pair');
    close(Number(result.klPQ), await debuggee(session!, 'pair.p.reduce((d, p, i) => d + p * Math.log(p / pair.q[i]), 0)'), 'D_KL(P‖Q)');
  });

  it('says what an expression threw, that strings are not numbers, and refuses assignments', async () => {
    const frame = (await pausedFrame())!;
    await rejectsWith(() => captureValue(frame, 'notDefinedHere', { maxElements: 10 }), /notDefinedHere raised ReferenceError: notDefinedHere is not defined/);
    await rejectsWith(() => captureValue(frame, "['a', 'b']", { maxElements: 10 }), /is not numbers: \[0\] is a string/);
    await rejectsWith(() => captureValue(frame, 'probs = []', { maxElements: 10 }), /assigns a value/);
    await rejectsWith(() => captureValue(frame, 'probs); (probs', { maxElements: 10 }), /more than one statement|unbalanced/);
  });

  it('bounds the size by entropyLens.live.maxElements, with a message', async () => {
    await setting('live.maxElements', 3);
    const frame = (await pausedFrame())!;
    await rejectsWith(() => captureValue(frame, 'probs', { maxElements: 3 }), /more than 3 numbers.*entropyLens\.live\.maxElements/);
    await setting('live.maxElements', undefined);
  });

  it('reads a value larger than one reply in pieces (300,000 numbers)', async () => {
    // Both loop stops are passed: the last one has `big`.
    while ((await debuggee(session!, 'typeof big === "undefined" ? 0 : 1').catch(() => 0)) === 0) await continueToNextStop(session!);
    const frame = (await pausedFrame())!;
    const started = Date.now();
    const value = await captureValue(frame, 'big', { maxElements: 1_000_000 });
    console.log(`      (300,000 numbers, ${value.text.length.toLocaleString('en-US')} characters, read in ${Date.now() - started} ms)`);
    assert.equal(value.count, 300_000);
    assert.ok(value.text.length > 4_000_000, 'more than one piece');
    select(editor, 'const big', 'big');
    const result = await vscode.commands.executeCommand<Result>('entropyLens.evaluateSelection');
    assert.equal(result.interpretation, 'counts');
    const reference = await debuggee(session!, '(() => { let t = 0; for (const v of big) t += v; let h = 0; for (const v of big) h -= (v / t) * Math.log(v / t); return h; })()');
    close(result.entropy, reference, 'H(big)', 1e-9);
  });

  it('a session that is running is a message, not a stack trace', async () => {
    const frame = focusedFrame(session!)!;
    await frame.session.customRequest('continue', { threadId: frame.threadId });
    await until('the frame loses focus', () => (vscode.debug.activeStackItem instanceof vscode.DebugStackFrame ? undefined : true), 10_000);
    await rejectsWith(() => pausedFrame(), /is running: pause it, or stop at a breakpoint/);
  });
});

after(() => {
  tracker.dispose();
});

describe('live values: Python (debugpy)', function () {
  this.timeout(240_000);
  let session: vscode.DebugSession | undefined;
  let editor: vscode.TextEditor;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    session = await startPaused({
      type: 'debugpy',
      request: 'launch',
      name: 'live python',
      program: '${workspaceFolder}/live/train.py',
      console: 'internalConsole',
      python: process.env.ENTROPY_LENS_PYTHON ?? '/usr/bin/python3',
      justMyCode: true,
    });
    editor = await openSample('live/train.py');
  });

  after(async () => {
    await stop(session);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Evaluate Selection reads a torch tensor that requires grad (detached, on the CPU)', async () => {
    select(editor, 'probs = torch', 'probs');
    const result = await vscode.commands.executeCommand<Result>('entropyLens.evaluateSelection');
    assert.equal(result.kind, 'batch');
    assert.equal(result.rows?.length, 5);
    const reference = await debuggee(session!, 'float(torch.distributions.Categorical(probs=probs.detach().double()).entropy()[0])');
    close(result.rows?.[0]?.entropy, reference, 'H(probs[0])', 1e-6);
  });

  it('Compare Selections with two selected numpy arrays: P, then Q', async () => {
    select(editor, 'p_model =', 'p_model', 'p_data');
    const result = await vscode.commands.executeCommand<Result>('entropyLens.compareSelections');
    assert.equal(result.kind, 'pair');
    close(Number(result.klPQ), await debuggee(session!, `(lambda p, q: float(np.sum(p * np.log(p / q))))(${NORMALISED('p_model')}, ${NORMALISED('p_data')})`), 'D_KL(p_model‖p_data)', 1e-9);
  });

  it('Preview Loss with targets and logits selected is the loss PyTorch computed', async () => {
    select(editor, 'loss = F', 'labels', 'logits');
    const result = await vscode.commands.executeCommand<Result>('entropyLens.previewLoss');
    assert.equal(result.kind, 'loss');
    assert.equal(result.loss?.name, 'cce');
    close(result.loss?.value, await debuggee(session!, 'float(F.cross_entropy(logits.double(), labels))'), 'CCE', 1e-7);
    const panel = await until('the visualizer shows the live loss', async () => {
      const s = await snapshot();
      return s.content?.model?.kind === 'loss' ? s : undefined;
    });
    assert.match(panel.content!.model!.source.fileName, /^labels, logits: live value, paused at train\.py$/);
    assert.match(panel.live!.status, /^live value, paused at train\.py:\d+$/);
  });

  it('says what raised, in the debuggee’s words, and what is not numbers', async () => {
    const frame = (await pausedFrame())!;
    await rejectsWith(() => captureValue(frame, 'not_defined_here', { maxElements: 10 }), /not_defined_here raised NameError: name 'not_defined_here' is not defined/);
    await rejectsWith(() => captureValue(frame, '1 / 0', { maxElements: 10 }), /raised ZeroDivisionError: division by zero/);
    await rejectsWith(() => captureValue(frame, '["a", "b"]', { maxElements: 10 }), /is not numbers: \[0\] is a str, not numbers/);
    await rejectsWith(() => captureValue(frame, 'np.array(["a"])', { maxElements: 10 }), /holds <U1 values, not numbers/);
    await rejectsWith(() => captureValue(frame, '(x := 3)', { maxElements: 10 }), /assigns a value/);
    // A statement does not compile as an expression: nothing runs.
    await rejectsWith(() => captureValue(frame, 'import os', { maxElements: 10 }), /raised SyntaxError/);
  });

  it('Evaluate Variable and Compare with… from the Variables view use the variable’s evaluateName', async () => {
    const frame = (await pausedFrame())!;
    const names = (await frameVariables(frame)).map((variable) => variable.expression);
    assert.ok(names.includes('p_model') && names.includes('p_data'), `the frame's variables: ${names.join(', ')}`);
    const variable = { name: 'p_data', value: 'array([...])', evaluateName: 'p_data', variablesReference: 0 };
    const one = await vscode.commands.executeCommand<Result>('entropyLens.evaluateVariable', { container: {}, variable });
    close(one.entropy, await debuggee(session!, `(lambda p: float(-np.sum(p * np.log(p))))(${NORMALISED('p_data')})`), 'H(p_data)');
    const pair = await vscode.commands.executeCommand<Result>('entropyLens.compareWithVariable', { container: {}, variable }, 'p_model');
    close(Number(pair.klPQ), await debuggee(session!, `(lambda p, q: float(np.sum(p * np.log(p / q))))(${NORMALISED('p_data')}, ${NORMALISED('p_model')})`), 'D_KL(p_data‖p_model)', 1e-9);
  });

  it('Follow reads the value again at each stop, and the history survives a restore', async () => {
    select(editor, 'p_model =', 'p_model');
    await vscode.commands.executeCommand('entropyLens.openVisualizer');
    await until('the panel shows p_model', async () => ((await snapshot()).live?.title.startsWith('p_model @ train.py:') ? true : undefined));
    // The selection rests SETTLE_MS before it settles, so its settling can come after the command
    // answered (a fast read): make it so. The panel stays on the live value, not the text p_model.
    const answered = editor.selections;
    editor.selections = [new vscode.Selection(0, 0, 0, 0)];
    editor.selections = answered;
    await new Promise((resolve) => setTimeout(resolve, SETTLED_MS));
    assert.match((await snapshot()).live?.title ?? 'no live value', /^p_model @ train\.py:/);
    const entropyOfPModel = `(lambda p: float(-np.sum(p * np.log(p))))(${NORMALISED('p_model')})`;
    const first = await debuggee(session!, entropyOfPModel);
    assert.equal(await vscode.commands.executeCommand(MESSAGE, { type: 'setFollowing', following: true }), true);
    assert.equal((await snapshot()).live?.following, true, 'Follow is on');
    await continueToNextStop(session!);
    const followed = await until('a second stop is in the history', async () => {
      const s = await snapshot();
      return (s.live?.history?.points.length ?? 0) >= 2 ? s : undefined;
    });
    const second = await debuggee(session!, entropyOfPModel);
    const [a, b] = followed.live!.history!.points;
    assert.equal(followed.live!.history!.label, 'H(P)');
    assert.deepEqual([a.stop, b.stop], [1, 2]);
    close(Number(a.value), first, 'H at stop 1');
    close(Number(b.value), second, 'H at stop 2');
    assert.notEqual(first, second, 'the training step changed p_model');
    assert.equal(followed.live!.following, true);
    // The window reloads: the value is gone with its session, the history is not.
    const saved = (await snapshot()).state;
    await vscode.commands.executeCommand(RESTORE, saved);
    const restored = await until('the restored panel shows the history', async () => {
      const s = await snapshot();
      return s.live?.history?.points.length === 2 && s.content?.kind === 'empty' ? s : undefined;
    });
    assert.equal(restored.live!.following, false);
    assert.match(restored.content!.message!, /live value of a debug session that has ended/);
  });

  it('reads a 100,000-number float64 array (one reply) and keeps −inf as a masked logit', async () => {
    while ((await debuggee(session!, "1 if 'big' in dir() else 0")) === 0) await continueToNextStop(session!);
    const frame = (await pausedFrame())!;
    const started = Date.now();
    const value = await captureValue(frame, 'big', { maxElements: 1_000_000 });
    console.log(`      (100,000 numbers, ${value.text.length.toLocaleString('en-US')} characters, read in ${Date.now() - started} ms)`);
    assert.equal(value.count, 100_000);
    select(editor, 'big =', 'big');
    const result = await vscode.commands.executeCommand<Result>('entropyLens.evaluateSelection');
    close(result.entropy, await debuggee(session!, 'float(-np.sum(big / big.sum() * np.log(big / big.sum())))'), 'H(big)', 1e-9);
    select(editor, 'masked =', 'masked');
    const masked = await vscode.commands.executeCommand<Result>('entropyLens.evaluateSelection');
    close(masked.entropy, await debuggee(session!, 'float(torch.distributions.Categorical(logits=torch.tensor([1.0, 0.5], dtype=torch.float64)).entropy())'), 'H with a masked class');
  });

  it('when the session ends, Follow stops and the panel says so', async () => {
    select(editor, 'masked =', 'masked');
    await vscode.commands.executeCommand('entropyLens.openVisualizer');
    await until('the panel shows masked', async () => ((await snapshot()).live?.title.startsWith('masked @ train.py:') ? true : undefined));
    await vscode.commands.executeCommand(MESSAGE, { type: 'setFollowing', following: true });
    assert.equal((await snapshot()).live?.following, true);
    await stop(session);
    session = undefined;
    const ended = await until('the panel says the session ended', async () => {
      const s = await snapshot();
      return s.live && !s.live.following ? s : undefined;
    });
    assert.equal(ended.live!.canFollow, false);
    assert.match(ended.live!.status, /its debug session has ended/);
  });
});
