// `entropy-lens mcp` from the outside: the SDK's own client spawns the built CLI over stdio, as an
// assistant's client does, and the figures are compared with what `entropy-lens --json` prints.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The built binary, exactly as `npx entropy-lens` runs it (`npm run test:unit` builds it first). */
const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['entropy-lens']);

/** What the CLI prints for the same input: the JSON object, or the message on standard error. */
function cliRun(args: string[]): { json?: Record<string, unknown>; message?: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  if (result.status === 0) return { json: JSON.parse(result.stdout) as Record<string, unknown> };
  assert.equal(result.status, 2, result.stderr);
  return { message: result.stderr.replace(/^entropy-lens: /, '').trimEnd() };
}

/** The CLI flags for the same arguments as a tool call. */
/** A type, not an interface: it must fit the client's Record<string, unknown> arguments. */
type LossArgs = {
  reduction?: string;
  weight?: number[];
  posWeight?: number | number[];
  ignoreIndex?: number;
  labelSmoothing?: number;
  convention?: string;
};

function flags(args: { base?: string; as?: string; rows?: string; loss?: string } & LossArgs): string[] {
  const list = (x: number | number[]) => (Array.isArray(x) ? x.join(',') : String(x));
  return [
    ...(args.base ? ['--base', args.base] : []),
    ...(args.as ? ['--as', args.as] : []),
    ...(args.rows ? ['--rows', args.rows] : []),
    ...(args.loss ? ['--loss', args.loss] : []),
    ...(args.reduction ? ['--reduction', args.reduction] : []),
    ...(args.weight ? ['--weight', list(args.weight)] : []),
    ...(args.posWeight !== undefined ? ['--pos-weight', list(args.posWeight)] : []),
    ...(args.ignoreIndex !== undefined ? ['--ignore-index', String(args.ignoreIndex)] : []),
    ...(args.labelSmoothing !== undefined ? ['--label-smoothing', String(args.labelSmoothing)] : []),
    ...(args.convention ? ['--convention', args.convention] : []),
  ];
}

function textOf(result: CallToolResult): string {
  assert.equal(result.content.length, 1);
  const [part] = result.content;
  assert.equal(part?.type, 'text');
  return (part as { text: string }).text;
}

let client: Client;
let transport: StdioClientTransport;

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

describe('MCP server (entropy-lens mcp)', function () {
  this.timeout(120_000);

  before(async () => {
    transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp'], stderr: 'pipe' });
    client = new Client({ name: 'entropy-lens-tests', version: '0' });
    await client.connect(transport);
  });

  after(async () => {
    await client.close();
  });

  it('lists evaluate and compare with input and output schemas', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((tool) => tool.name).sort(), ['compare', 'evaluate']);
    const evaluate = tools.find((tool) => tool.name === 'evaluate')!;
    assert.deepEqual(evaluate.inputSchema.required, ['literal']);
    assert.deepEqual(Object.keys(evaluate.inputSchema.properties ?? {}).sort(), ['as', 'base', 'convention', 'ignoreIndex', 'labelSmoothing', 'literal', 'loss', 'posWeight', 'reduction', 'rows', 'weight']);
    assert.equal((evaluate.inputSchema as { additionalProperties?: unknown }).additionalProperties, false);
    // What the CLI's --as and --rows take: the readings and "joint"; auto, pair, batch.
    const property = (name: string) => (evaluate.inputSchema.properties as Record<string, { enum?: string[] }>)[name];
    assert.deepEqual(property('as').enum, ['auto', 'probs', 'counts', 'logits', 'logprobs', 'joint']);
    assert.deepEqual(property('rows').enum, ['auto', 'pair', 'batch']);
    const compare = tools.find((tool) => tool.name === 'compare')!;
    assert.deepEqual([...(compare.inputSchema.required ?? [])].sort(), ['p', 'q']);
    assert.deepEqual(Object.keys(compare.inputSchema.properties ?? {}).sort(), ['as', 'base', 'p', 'q']);
    for (const tool of tools) {
      assert.equal(tool.outputSchema?.type, 'object', tool.name);
      assert.ok(['kind', 'unit', 'interpretation', 'entropy', 'klPQ', 'klQP', 'loss', 'notes', 'warnings'].every((key) => key in (tool.outputSchema?.properties ?? {})));
      assert.match(tool.description ?? '', /not symmetric/);
    }
  });

  const evaluations: ({ literal: string; base?: string; as?: string; rows?: string; loss?: string } & LossArgs)[] = [
    { literal: '[0.5, 0.5]', base: '2' },
    { literal: '[0.1, 0.2, 0.7]' },
    { literal: 'np.array([3, 1, 0, 4])', base: '10' },
    { literal: '[1, 2, 3]', as: 'logits' },
    { literal: '{"p": [0.5, 0.5], "q": [0.9, 0.1]}' },
    { literal: '{"p": [0.5, 0.5], "q": [1, 0]}', base: 'bits' },
    { literal: '[[0.5, 0.5], [1, 0], [0.2, 0.8]]' },
    { literal: '{"labels": [2, 0], "logits": [[0.1, 0.2, 3.0], [2.0, -1.0, 0.5]]}' },
    { literal: '{"y": [1, 0, 1], "p": [0.9, 0.2, 0.6]}', base: '2' },
    { literal: '{"y": [1.5, 2.5], "pred": [1, 2]}' },
    { literal: '[[1, 0], [0.8, 0.1]]', loss: 'mse' },
    { literal: '[[0.2, 0.8], [0.6, 0.4]]', loss: 'none' },
    { literal: '{"labels": [0, 2, 7], "probs": [[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.3, 0.3, 0.4]]}', weight: [1, 2, 0.5], ignoreIndex: 7, labelSmoothing: 0.1, convention: 'keras' },
    { literal: '{"y": [[1, 1], [0, 1]], "logits": [[2, -1], [0.5, 3]]}', posWeight: [2, 0.5], reduction: 'none' },
    // --rows and --as joint, which the CLI has (issue 9 items 5 and 14's rows).
    { literal: '[[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]', rows: 'batch' },
    { literal: '[[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]', rows: 'pair', base: '2' },
    { literal: '[[10, 2], [3, 5]]', as: 'joint' },
    { literal: 'np.array([[0.1, 0.2], [0.3, 0.4]])', as: 'joint', base: '10' },
    { literal: '{"p": [[0.5, 0.5], [0.9, 0.1]], "q": [[0.9, 0.1], [0.5, 0.5]]}' },
    { literal: '[{"token": "Hi", "logprob": -0.1}, {"token": "!", "logprob": -2.3}]', base: '2' },
  ];

  for (const args of evaluations) {
    it(`evaluate ${JSON.stringify(args)} gives the CLI's --json object`, async () => {
      const expected = cliRun(['--json', ...flags(args), args.literal]).json;
      assert.ok(expected);
      const result = await call('evaluate', args);
      assert.notEqual(result.isError, true, textOf(result));
      assert.deepEqual(result.structuredContent, expected);
      // The text carries the same figures for a model that reads only text.
      const text = textOf(result);
      assert.match(text, new RegExp(`Unit: ${String(expected.unit)}`));
      for (const note of expected.notes as string[]) assert.ok(text.includes(note), note);
    });
  }

  it('rows and as: "joint" read as the CLI reads them, and a misuse is the CLI message', async () => {
    const batch = await call('evaluate', { literal: '[[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]', rows: 'batch' });
    assert.equal((batch.structuredContent as { kind: string }).kind, 'batch');
    const joint = await call('evaluate', { literal: '[[10, 2], [3, 5]]', as: 'joint' });
    assert.equal((joint.structuredContent as { kind: string }).kind, 'joint');
    for (const [args, cliArgs] of [
      [{ literal: '[[0.5, 0.5], [0.9, 0.1], [0.2, 0.8]]', rows: 'pair' }, ['--rows', 'pair']],
      [{ literal: '[[1, -2], [3, 4]]', as: 'joint' }, ['--as', 'joint']],
    ] as const) {
      const expected = cliRun([...cliArgs, args.literal]).message;
      assert.ok(expected, JSON.stringify(args));
      const result = await call('evaluate', args);
      assert.equal(result.isError, true);
      assert.equal(textOf(result), expected);
    }
    for (const args of [{ literal: '[1]', rows: 'pairs' }, { literal: '[1]', as: 'Joint' }]) {
      const result = await call('evaluate', args);
      assert.equal(result.isError, true, JSON.stringify(args));
      assert.match(textOf(result), /Input validation error/);
    }
  });

  it('compare gives the --json object of the same pair written as {"p": …, "q": …}', async () => {
    const cases = [
      { p: '[0.5, 0.5]', q: '[0.9, 0.1]' },
      { p: '[0.1, 0.2, 0.7]', q: '[0.3, 0.3, 0.4]', base: '2' },
      { p: '[1, 2, 3]', q: '[3, 2, 1]', as: 'logits' },
      { p: '[0.5, 0.5]', q: '[1, 0]' },
      { p: '[2, 2]', q: '[1, 3]', base: '10' },
    ];
    for (const args of cases) {
      const expected = cliRun(['--json', ...flags(args), `{"p": ${args.p}, "q": ${args.q}}`]).json;
      const result = await call('compare', args);
      assert.notEqual(result.isError, true, textOf(result));
      assert.deepEqual(result.structuredContent, expected, JSON.stringify(args));
    }
    // Each literal in any syntax the reader takes.
    const numpy = await call('compare', { p: 'np.array([2, 2])', q: '(1, 3)', base: '10' });
    assert.deepEqual(numpy.structuredContent, (await call('compare', cases[4])).structuredContent);
  });

  it('compare is never a loss, and names both KL directions in its text', async () => {
    const result = await call('compare', { p: '[1, 0]', q: '[0.8, 0.2]' });
    assert.equal((result.structuredContent as { kind: string }).kind, 'pair');
    const text = textOf(result);
    assert.match(text, /D_KL\(P‖Q\) = 0\.2231435513 nats \(Kullback–Leibler divergence of P from Q/);
    assert.match(text, /D_KL\(Q‖P\) = \+infinity nats/);
    assert.match(text, /not symmetric/);
  });

  it('bad numbers: isError with the CLI message and its line and column', async () => {
    for (const literal of ['[0.1,\n 0.2,\n foo]', '[0.5, "a"]', '[[1, 2], [3]]', '{"y": [1, 0], "y_pred": [0.5]}', '[0.2 0.3 ...]', '']) {
      const expected = cliRun([literal]).message;
      assert.ok(expected, literal);
      assert.match(expected, /\(line \d+, column \d+\)$/);
      const result = await call('evaluate', { literal });
      assert.equal(result.isError, true, literal);
      assert.equal(textOf(result), expected);
      assert.equal(result.structuredContent, undefined);
    }
  });

  it('compare places an error in p or q, at its line and column there', async () => {
    const inQ = await call('compare', { p: '[0.5, 0.5]', q: '[0.9,\n -0.1]', as: 'probs' });
    assert.equal(inQ.isError, true);
    assert.equal(textOf(inQ), 'q: element 1 of Q is negative (-0.1), but probabilities cannot be negative (line 2, column 2)');
    const inP = await call('compare', { p: '[0.5, -0.5]', q: '[0.9, 0.1]', as: 'probs' });
    assert.equal(textOf(inP), 'p: element 1 of P is negative (-0.5), but probabilities cannot be negative (line 1, column 7)');
    const mismatch = await call('compare', { p: '[0.5, 0.5]', q: '[0.2, 0.3, 0.5]' });
    assert.match(textOf(mismatch), /^q: P has 2 elements but Q has 3: .* \(line 1, column 1\)$/);
    const notAVector = await call('compare', { p: '[[1, 2], [3, 4]]', q: '[1, 2]' });
    assert.match(textOf(notAVector), /^p: P must be one vector of numbers .* \(line 1, column 1\)$/);
  });

  it('refuses an argument it does not know, a wrong type and a value the CLI flag refuses', async () => {
    for (const args of [{ literal: '[1]', bas: '2' }, { literal: 7 }, { literal: '[1]', base: '3' }, { literal: '[1]', as: 'prob' }, {}]) {
      const result = await call('evaluate', args);
      assert.equal(result.isError, true, JSON.stringify(args));
      assert.match(textOf(result), /Input validation error/);
    }
    const unknown = await call('evaluate', { literal: '[1]', bas: '2' });
    assert.match(textOf(unknown), /bas/);
  });

  it('answers a call to a tool it does not have with a JSON-RPC error, as MCP asks', async () => {
    await assert.rejects(call('entropy', { literal: '[1]' }), (error: unknown) => {
      assert.ok(error instanceof McpError);
      assert.equal(error.code, -32602);
      assert.match(error.message, /Unknown tool: "entropy"; the tools are evaluate and compare/);
      return true;
    });
  });

  it('survives 1,000 fuzzed bad calls and still answers a good one', async () => {
    const toolName = fc.oneof(fc.constantFrom('evaluate', 'compare'), fc.string({ maxLength: 12 }));
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 5 }), fc.object({ maxDepth: 2 }));
    const literalish = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(fc.oneof(fc.double(), fc.constantFrom('NaN', 'x', '[', ']', ',', '...')), { maxLength: 8 }).map((parts) => `[${parts.join(', ')}`),
    );
    const args = fc.oneof(
      fc.dictionary(fc.constantFrom('literal', 'p', 'q', 'base', 'as', 'loss', 'bas', 'extra'), value),
      fc.record({ literal: literalish, base: fc.oneof(fc.constantFrom('e', '2', '10', '3', 'E'), value) }, { requiredKeys: ['literal'] }),
      fc.record({ p: literalish, q: literalish }),
      fc.object({ maxDepth: 3 }),
    );
    let calls = 0;
    let protocolErrors = 0;
    await fc.assert(
      fc.asyncProperty(toolName, args, async (name, input) => {
        calls++;
        try {
          const result = (await client.callTool({ name, arguments: input })) as CallToolResult;
          if (result.isError) assert.ok(textOf(result).length > 0);
          else assert.ok(['distribution', 'pair', 'batch', 'loss'].includes((result.structuredContent as { kind: string }).kind));
        } catch (error) {
          // A JSON-RPC error is an answer too; a closed connection or a timeout is not.
          assert.ok(error instanceof McpError && error.code !== -32000 && error.code !== -32001, String(error));
          protocolErrors++;
        }
      }),
      { numRuns: 1000, seed: 11 },
    );
    assert.equal(calls, 1000);
    assert.ok(protocolErrors < calls, 'every call failed at the protocol level: the fuzz never reached the tools');
    const good = await call('evaluate', { literal: '[0.5, 0.5]', base: '2' });
    assert.equal((good.structuredContent as { entropy: number }).entropy, 1);
    assert.ok(transport.pid !== null);
  });
});

/** Raw lines on the server's standard input, and every line it writes back, parsed. */
async function exchange(lines: string[], answers: number): Promise<{ replies: Record<string, unknown>[]; stdout: string; exitCode: number | null }> {
  const child = spawn(process.execPath, [cli, 'mcp'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  const enough = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.split('\n').length > answers) resolve();
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (const line of lines) child.stdin.write(`${line}\n`);
  await enough;
  child.stdin.end();
  const exitCode = await exited;
  const replies = stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { replies, stdout, exitCode };
}

const INITIALIZE = JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } });
const INITIALIZED = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });

describe('MCP server: malformed requests', function () {
  this.timeout(30_000);

  it('answers them with JSON-RPC errors, keeps going, writes only protocol to stdout and exits when its input closes', async () => {
    const good = JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/call', params: { name: 'evaluate', arguments: { literal: '[1, 1]', base: '2' } } });
    const { replies, exitCode } = await exchange(
      [
        INITIALIZE,
        INITIALIZED,
        'this is not JSON',
        '{"id": 3, "method": 5}',
        JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: {} }),
        JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'evaluate', arguments: 'x' } }),
        JSON.stringify({ jsonrpc: '2.0', id: 6, method: 'no/such/method' }),
        JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'nope', arguments: {} } }),
        '',
        good,
      ],
      8,
    );
    assert.equal(exitCode, 0);
    for (const reply of replies) assert.equal(reply.jsonrpc, '2.0');
    const byId = (id: number | undefined) => replies.find((reply) => reply.id === id) as { error?: { code: number; message: string }; result?: CallToolResult } | undefined;
    assert.equal(byId(undefined)?.error?.code, -32700);
    assert.equal(byId(3)?.error?.code, -32600);
    assert.equal(byId(4)?.error?.code, -32602);
    assert.match(byId(4)!.error!.message, /params\.name/);
    assert.equal(byId(5)?.error?.code, -32602);
    assert.match(byId(5)!.error!.message, /params\.arguments/);
    assert.equal(byId(6)?.error?.code, -32601);
    assert.equal(byId(7)?.error?.code, -32602);
    assert.equal((byId(9)?.result?.structuredContent as { entropy: number }).entropy, 1);
  });

  it('exits when its input closes, with nothing on stdout when nothing was asked', async () => {
    const child = spawn(process.execPath, [cli, 'mcp'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdin.end();
    assert.equal(await exited, 0);
    assert.equal(stdout, '');
  });

  it('takes a literal of a million 17-digit numbers, a line longer than the SDK transport accepts', async () => {
    const literal = `[${Array.from({ length: 1_000_000 }, (_, i) => (0.1 + i / 3e6).toPrecision(17)).join(',')}]`;
    assert.ok(literal.length > 10 * 1024 * 1024);
    const call = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'evaluate', arguments: { literal } } });
    const { replies } = await exchange([INITIALIZE, INITIALIZED, call], 2);
    const answer = replies.find((reply) => reply.id === 1) as { result: CallToolResult };
    assert.equal((answer.result.structuredContent as { kind: string }).kind, 'distribution');
  });
});
