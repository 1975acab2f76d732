// The pure parts of live values (issue 10): the conversion expressions run in their real runtimes —
// the JavaScript one in this Node, the Python one in a python3 that has numpy and torch (skipped,
// saying so, where there is none) — the reading of an adapter's replies, the expression check, and
// finding an array in a notebook output. The debug adapters themselves are in test/host/live.test.ts.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { evaluateText } from '../../src/core/evaluate';
import { converterFor } from '../../src/extension/live/converter';
import { LiveValueError } from '../../src/extension/live/errors';
import { checkExpression } from '../../src/extension/live/expression';
import { languageOf } from '../../src/extension/live/language';
import { readReply, unquoted } from '../../src/extension/live/reply';
import { arrayIn } from '../../src/extension/notebook/outputs';

describe('live values: replies', () => {
  it('reads a Python repr and a JSON string back to the text the helper returned', () => {
    assert.equal(unquoted(String.raw`'ok 0 5 2|{"it\'s":[1,2]}'`), `ok 0 5 2|{"it's":[1,2]}`);
    assert.equal(unquoted(String.raw`"a'b\\c\x41"`), "a'b\\cA");
    assert.equal(unquoted(JSON.stringify('|[1,"\u00e9",\n]')), '|[1,"é",\n]');
    assert.equal(unquoted('ok 0 3 1|[1]'), 'ok 0 3 1|[1]');
  });

  it('parses each tag, and calls anything else foreign', () => {
    assert.deepEqual(readReply("'ok 7 12 3|[0.1,0.2'"), { kind: 'ok', token: 7, length: 12, count: 3, head: '[0.1,0.2' });
    assert.deepEqual(readReply('"raised|NameError: name \'x\' is not defined"'), { kind: 'raised', message: "NameError: name 'x' is not defined" });
    assert.deepEqual(readReply("'large|1000001'"), { kind: 'large', count: 1_000_001 });
    assert.deepEqual(readReply("'|,0.7]'"), { kind: 'piece', text: ',0.7]' });
    assert.deepEqual(readReply("'gone|'"), { kind: 'gone' });
    assert.deepEqual(readReply(`NameError("name 'x' is not defined")`), { kind: 'foreign', text: `NameError("name 'x' is not defined")` });
  });
});

describe('live values: the expression check', () => {
  const ok = (text: string, language: 'python' | 'javascript') => assert.equal(checkExpression(text, language), text.trim());
  const refused = (text: string, language: 'python' | 'javascript', pattern: RegExp) =>
    assert.throws(() => checkExpression(text, language), (error: unknown) => error instanceof LiveValueError && pattern.test(error.message));

  it('takes names, indexing, calls with keyword arguments and comparisons', () => {
    ok(' probs ', 'python');
    ok('torch.softmax(logits[:, 0], dim=-1)', 'python');
    ok('{"p": p, "q": q}', 'python');
    ok('x[x == 0]', 'python');
    ok('a.filter((v) => v >= 0 && v !== 1)', 'javascript');
    ok('[a, b]', 'javascript');
  });

  it('refuses assignments, statements, comments and unbalanced brackets', () => {
    refused('(y := 2)', 'python', /assigns a value/);
    refused('x = 1', 'javascript', /assigns a value/);
    refused('x += 1', 'javascript', /assigns a value/);
    refused('x >>= 1', 'javascript', /assigns a value/);
    refused('i++', 'javascript', /changes a value/);
    refused('a; b', 'javascript', /more than one statement/);
    refused('a)(b', 'python', /unbalanced brackets/);
    refused('f(a', 'python', /unbalanced brackets/);
    refused('probs  # the model', 'python', /has a comment/);
    refused("'unterminated", 'python', /does not end/);
    refused('  ', 'python', /select an expression/);
  });

  it('knows a session’s language by its debug type, else by the frame’s file', () => {
    assert.equal(languageOf('debugpy', undefined), 'python');
    assert.equal(languageOf('pwa-node', '/x/model.ts'), 'javascript');
    assert.equal(languageOf('some-python-adapter', '/x/train.py'), 'python');
    assert.equal(languageOf('cppdbg', '/x/main.cpp'), undefined);
  });
});

/**
 * Runs a converter's capture expression as an adapter would: here, `eval` in a function whose
 * locals are the values (js-debug evaluates in the paused frame's scope the same way).
 */
function captureJs(values: Record<string, unknown>, expression: string, limit = 1_000_000, first = 4_000_000): string {
  return run(converterFor('javascript').capture(expression, limit, first), values);
}

/** Evaluates `code` with `values` as the locals in scope. */
function run(code: string, values: Record<string, unknown> = {}): string {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const evaluate = new Function(...Object.keys(values), `return ${code};`) as (...args: unknown[]) => string;
  return evaluate(...Object.values(values));
}

describe('live values: the JavaScript conversion (in Node)', () => {
  it('writes arrays, typed arrays and objects as JSON, with Infinity and NaN spelled out', () => {
    const reply = readReply(captureJs({ t: new Float32Array([0.5, 0.25]), o: { p: [1, -Infinity], q: [NaN, 2] } }, '[t, o.p, o.q]'));
    assert.equal(reply.kind, 'ok');
    if (reply.kind !== 'ok') return;
    assert.equal(reply.head, '[[0.5,0.25],[1,-Infinity],[NaN,2]]');
    assert.equal(reply.count, 6);
  });

  it('says what threw, what is not numbers, and what is too large', () => {
    assert.deepEqual(readReply(captureJs({}, 'missing')), { kind: 'raised', message: 'ReferenceError: missing is not defined' });
    assert.deepEqual(readReply(captureJs({ w: { a: [1, 'x'] } }, 'w')), { kind: 'refused', message: '["a"][1] is a string, not numbers' });
    const loop: unknown[] = [];
    loop.push(loop);
    assert.deepEqual(readReply(captureJs({ loop }, 'loop')), { kind: 'refused', message: '[0] refers to itself' });
    assert.deepEqual(readReply(captureJs({ big: new Float64Array(11) }, 'big', 10)), { kind: 'large', count: 11 });
  });

  it('keeps a long text in the debuggee and hands it out in pieces', () => {
    const values = { v: Float64Array.from({ length: 1000 }, (_, i) => i / 7) };
    const reply = readReply(captureJs(values, 'v', 1_000_000, 100));
    assert.equal(reply.kind, 'ok');
    if (reply.kind !== 'ok') return;
    assert.ok(reply.token > 0 && reply.head.length === 100);
    const converter = converterFor('javascript');
    const pieces = [reply.head];
    for (let start = 100; start < reply.length; start += 5000) {
      const piece = readReply(run(converter.piece(reply.token, start, start + 5000)));
      assert.equal(piece.kind, 'piece');
      if (piece.kind === 'piece') pieces.push(piece.text);
    }
    const text = pieces.join('');
    assert.equal(text.length, reply.length);
    assert.deepEqual(JSON.parse(text), Array.from(values.v));
    assert.deepEqual(readReply(run(converter.piece(reply.token, 0, 10))), { kind: 'gone' }, 'released after its last piece');
  });
});

/** A python3 that imports numpy and torch, or undefined. */
function pythonWithTorch(): string | undefined {
  for (const python of [process.env.ENTROPY_LENS_PYTHON, '/usr/bin/python3', 'python3']) {
    if (python && spawnSync(python, ['-c', 'import numpy, torch'], { timeout: 60_000 }).status === 0) return python;
  }
  return undefined;
}

describe('live values: the Python conversion (in python3 with numpy and torch)', function () {
  this.timeout(120_000);
  let python: string | undefined;

  before(function () {
    python = pythonWithTorch();
    if (!python) {
      console.log('      skipped: no python3 with numpy and torch (npm run provision installs them)');
      this.skip();
    }
  });

  /** Each expression's capture, evaluated in a frame that defines the values (as debugpy evaluates). */
  function capture(expressions: readonly string[], limit = 1_000_000): string[] {
    const converter = converterFor('python');
    const setup = [
      'import numpy as np, torch',
      'probs = torch.tensor([[0.2, 0.8], [0.5, 0.5]], requires_grad=True)',
      'logits = np.array([1.0, -np.inf, 0.5])',
      'pair = {"p": [0.5, 0.5], "q": (np.float32(0.25), 0.75)}',
      'words = np.array(["a", "b"])',
      'complex_ = np.array([1 + 2j])',
      'big = np.zeros(11)',
    ].join('\n');
    const body = expressions.map((expression) => `print(${converter.capture(expression, limit, 4_000_000)})`).join('\n');
    const script = `${setup}\ndef frame():\n${body.split('\n').map((line) => `    ${line}`).join('\n')}\nframe()\n`;
    const run = spawnSync(python!, ['-c', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    return run.stdout.trimEnd().split('\n');
  }

  it('reads a tensor that requires grad, numpy values with −inf, and a dict of both', () => {
    const [probs, logits, pair] = capture(['probs', 'logits', 'pair']).map((line) => readReply(line));
    // float32 values, widened exactly to float64 and printed with repr's shortest round trip.
    const head = '[[0.20000000298023224,0.800000011920929],[0.5,0.5]]';
    assert.deepEqual(probs, { kind: 'ok', token: 0, length: head.length, count: 4, head });
    assert.equal(logits?.kind === 'ok' && logits.head, '[1.0,-Infinity,0.5]');
    assert.equal(pair?.kind === 'ok' && pair.head, '{"p":[0.5,0.5],"q":[0.25,0.75]}');
    // The core reads what the conversion wrote: the masked class has probability 0.
    const masked = evaluateText(logits?.kind === 'ok' ? logits.head : '', { unit: 'nats', as: 'auto', loss: 'auto' });
    assert.equal(masked.interpretation, 'logits');
  });

  it('says what raised, in Python’s words, and refuses what is not real numbers', () => {
    const [missing, division, words, complex, big, statement] = capture(['missing', '1/0', 'words', 'complex_', 'big', 'import os'], 10).map((line) => readReply(line));
    assert.deepEqual(missing, { kind: 'raised', message: "NameError: name 'missing' is not defined" });
    assert.deepEqual(division, { kind: 'raised', message: 'ZeroDivisionError: division by zero' });
    assert.deepEqual(words, { kind: 'refused', message: 'the value holds <U1 values, not numbers' });
    assert.deepEqual(complex, { kind: 'refused', message: 'the value is complex (complex128)' });
    assert.deepEqual(big, { kind: 'large', count: 11 });
    assert.equal(statement?.kind, 'raised');
  });
});

describe('live values: arrays in notebook outputs', () => {
  it('finds a numpy or torch repr, JSON, and the last array printed after other text', () => {
    const text = (found: ReturnType<typeof arrayIn>) => found && found.text.slice(found.start, found.end);
    assert.equal(text(arrayIn('array([0.2, 0.2, 0.6])')), 'array([0.2, 0.2, 0.6])');
    assert.equal(text(arrayIn('tensor([[0.1000, 0.9000]], requires_grad=True)\n')), 'tensor([[0.1000, 0.9000]], requires_grad=True)');
    assert.equal(text(arrayIn('{"p": [0.5, 0.5], "q": [0.9, 0.1]}')), '{"p": [0.5, 0.5], "q": [0.9, 0.1]}');
    assert.equal(text(arrayIn('epoch 3: loss 0.41\nprobs: [0.1 0.2 0.7]\n')), '[0.1 0.2 0.7]');
    assert.equal(arrayIn('hello world'), undefined);
  });
});
