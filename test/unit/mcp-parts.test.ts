// The MCP server's parts in process: its line transport, its output schema against the CLI's JSON,
// and the VS Code tools' manifest against the same arguments.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { evaluateInput, evaluationOutput, lossOptionArguments } from '../../src/cli/mcp/schemas';
import { LineTransport } from '../../src/cli/mcp/transport';
import { toAssistantText } from '../../src/core/assistant-text';
import { evaluateText } from '../../src/core/evaluate';
import { toJson } from '../../src/core/format';
import { INTERPRETATION_MODES, LOSS_MODES } from '../../src/core/types';
import { CONVENTIONS, REDUCTIONS } from '../../src/core/loss-options';

function transportOn(maxMessageBytes?: number) {
  const input = new PassThrough();
  const output = new PassThrough();
  const transport = new LineTransport(input, output, maxMessageBytes);
  const received: JSONRPCMessage[] = [];
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  transport.onmessage = (message) => received.push(message);
  const replies = () =>
    written
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { id?: unknown; error?: { code: number; message: string } });
  return { input, transport, received, replies };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const ping = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'ping' });

describe('MCP line transport', () => {
  it('joins a message split across chunks and splits several in one chunk', async () => {
    const { input, transport, received } = transportOn();
    await transport.start();
    const two = `${ping(1)}\n${ping(2)}\n`;
    input.write(two.slice(0, 10));
    input.write(two.slice(10, 40));
    input.write(two.slice(40));
    await tick();
    assert.deepEqual(
      received.map((message) => (message as { id: number }).id),
      [1, 2],
    );
  });

  it('answers a line over its limit with an invalid-request error and reads the next line', async () => {
    const { input, transport, received, replies } = transportOn(100);
    await transport.start();
    input.write(`{"jsonrpc": "2.0", "id": 1, "method": "ping", "params": {"pad": "${'x'.repeat(80)}`);
    input.write(`${'y'.repeat(200)}"}}\n${ping(2)}\n`);
    await tick();
    assert.deepEqual(replies(), [{ jsonrpc: '2.0', error: { code: -32600, message: 'message longer than 100 bytes' } }]);
    assert.deepEqual(
      received.map((message) => (message as { id: number }).id),
      [2],
    );
  });

  it('closes once, when its input ends', async () => {
    const { input, transport } = transportOn();
    let closed = 0;
    transport.onclose = () => closed++;
    await transport.start();
    input.end();
    await tick();
    await transport.close();
    assert.equal(closed, 1);
  });
});

describe('MCP schemas', () => {
  const literals = [
    '[0.5, 0.5]',
    '{"p": [0.5, 0.5], "q": [1, 0]}',
    '[[1, 2], [3, 4], [5, 6]]',
    '{"y": [1, 0], "p": [0.9, 0.2]}',
    '{"labels": [1], "logits": [[0.1, 2.0]]}',
    '{"y": [1.5, 2.5], "pred": [1, 2]}',
  ];

  it('the output schema describes every field of the CLI JSON, and accepts it', () => {
    const shape = evaluationOutput.shape;
    const lossShape = shape.loss.unwrap().shape;
    for (const literal of literals) {
      const json = toJson(evaluateText(literal));
      for (const key of Object.keys(json)) assert.ok(key in shape, `${literal}: ${key}`);
      if (json.loss) for (const key of Object.keys(json.loss)) assert.ok(key in lossShape, `${literal}: loss.${key}`);
      const checked = evaluationOutput.safeParse(json);
      assert.ok(checked.success, `${literal}: ${checked.error?.message}`);
    }
    for (const reduction of ['sum', 'none'] as const) {
      const json = toJson(evaluateText('{"labels": [1, 0], "probs": [[0.1, 0.9], [1, 0]]}', { unit: 'nats', as: 'auto', loss: 'auto', lossOptions: { reduction, convention: 'torch' } }));
      for (const key of Object.keys(json.loss as object)) assert.ok(key in lossShape, `reduction ${reduction}: loss.${key}`);
      const checked = evaluationOutput.safeParse(json);
      assert.ok(checked.success, `reduction ${reduction}: ${checked.error?.message}`);
    }
  });

  it('the VS Code tools take the same arguments, with the values the manifest offers', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: { languageModelTools: { name: string; inputSchema: { properties: Record<string, { enum?: string[] }>; required?: string[] } }[] };
    };
    const tools = new Map(manifest.contributes.languageModelTools.map((tool) => [tool.name, tool.inputSchema]));
    const evaluate = tools.get('entropy-lens_evaluate')!;
    // The same arguments as the MCP tool, loss options (--reduction, --weight, …) included.
    assert.deepEqual(Object.keys(evaluate.properties).sort(), Object.keys(evaluateInput.shape).sort());
    for (const key of Object.keys(lossOptionArguments)) assert.ok(key in evaluate.properties, key);
    const enums = evaluate.properties as Record<string, { enum?: string[] }>;
    assert.deepEqual(enums.reduction.enum, [...REDUCTIONS]);
    assert.deepEqual(enums.convention.enum, [...CONVENTIONS]);
    assert.deepEqual(evaluate.required, ['literal']);
    const selection = tools.get('entropy-lens_evaluateSelection')!;
    assert.deepEqual(Object.keys(selection.properties).sort(), ['as', 'base', 'loss']);
    // The evaluate tools also take the CLI's --as joint and --rows; the selection tool reads the editor's literal.
    assert.deepEqual(evaluate.properties.as.enum, [...INTERPRETATION_MODES, 'joint']);
    assert.deepEqual(evaluate.properties.as.enum, evaluateInput.shape.as.unwrap().options);
    assert.deepEqual(evaluate.properties.rows.enum, evaluateInput.shape.rows.unwrap().options);
    assert.deepEqual(selection.properties.as.enum, INTERPRETATION_MODES);
    for (const schema of [evaluate, selection]) {
      assert.deepEqual(schema.properties.base.enum, ['e', '2', '10']);
      assert.deepEqual(schema.properties.loss.enum, LOSS_MODES.filter((mode) => mode !== 'none'));
      for (const base of schema.properties.base.enum) assert.ok(evaluateInput.shape.base.safeParse(base).success, base);
    }
  });
});

describe('the text the assistant tools answer with', () => {
  it('names every figure with its unit and meaning, and both KL directions', () => {
    const text = toAssistantText(evaluateText('{"p": [0.5, 0.5], "q": [1, 0]}', { unit: 'bits', as: 'auto', loss: 'auto' }));
    assert.match(text, /^Entropy Lens evaluated a pair of 2-element distributions P and Q, read as probs\.\nUnit: bits \(base-2 logarithm\)\./);
    assert.match(text, /\n- H\(P\) = 1 bits \(entropy of P\)\n/);
    assert.match(text, /\n- D_KL\(P‖Q\) = \+infinity bits \(Kullback–Leibler divergence of P from Q, .*not symmetric, infinite because of element 1\)\n/);
    assert.match(text, /\n- D_KL\(Q‖P\) = 1 bits \(Kullback–Leibler divergence of Q from P/);
    assert.match(text, /\nHow the numbers were read:\n- P: .*\n- Q: /);
    assert.match(text, /\nWarnings:\n- D_KL\(P‖Q\) and H\(P,Q\) are infinite: Q is 0 at element 1 where P is not/);
  });

  it('gives a loss with its reason, per-sample values, and "none" when nothing warns', () => {
    const text = toAssistantText(evaluateText('{"y": [1, 0], "p": [0.5, 0.5]}'));
    assert.match(text, /\n- BCE = 0\.6931471806 nats \(binary cross-entropy, mean over samples\)\n/);
    assert.match(text, /\nWhy this loss: .+\nPer sample: 0\.6931471806, 0\.6931471806\n/);
    assert.match(text, /\nWarnings: none\.$/);
  });
});
