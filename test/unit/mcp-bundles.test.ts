import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** The built bundles, as `npm run build:tests` leaves them (the unit run builds them first). */
const root = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Strings the MCP SDK and zod bring into any bundle they are in, minified or not. */
const SDK_MARKERS = /notifications\/initialized|io\.modelcontextprotocol\/related-task|ZodError/;

describe('MCP SDK bundling', () => {
  it('the CLI leaves the MCP SDK to dist/mcp.js; the two files alone in a folder serve a tool call', () => {
    // Every plain evaluation parses dist/cli.js: the SDK is not in it.
    assert.doesNotMatch(read('dist/cli.js'), SDK_MARKERS);
    assert.match(read('dist/mcp.js'), SDK_MARKERS);
    // Far from node_modules, so nothing can be resolved but Node's built-ins and each other.
    const folder = mkdtempSync(path.join(tmpdir(), 'entropy-lens-cli-'));
    const alone = path.join(folder, 'cli.js');
    copyFileSync(path.join(root, 'dist/cli.js'), alone);
    copyFileSync(path.join(root, 'dist/mcp.js'), path.join(folder, 'mcp.js'));
    const lines = [
      { jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'alone', version: '0' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'evaluate', arguments: { literal: '[0.25, 0.25, 0.25, 0.25]', base: '2' } } },
    ];
    const result = spawnSync(process.execPath, [alone, 'mcp'], { input: lines.map((line) => `${JSON.stringify(line)}\n`).join(''), encoding: 'utf8', cwd: path.dirname(alone) });
    assert.equal(result.status, 0, result.stderr);
    const answer = result.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { id?: number; result?: { structuredContent?: { entropy?: number } } })
      .find((reply) => reply.id === 1);
    assert.equal(answer?.result?.structuredContent?.entropy, 2);
  });

  it('no extension bundle carries the MCP SDK or zod', () => {
    for (const file of ['dist/extension.js', 'dist/features.js', 'dist/web/extension.js']) {
      assert.doesNotMatch(read(file), SDK_MARKERS, file);
    }
  });
});
