import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

interface Check { messages: number; calls: number; missing: string[]; unused: string[]; dynamic: string[] }

describe('runtime strings (vscode.l10n)', () => {
  it('every message passed to vscode.l10n.t in src/extension is in l10n/bundle.l10n.json, and every one there is used', () => {
    // scripts/l10n.mjs --check scans the sources the way `npm run l10n` writes the bundle.
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'l10n.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    const check = JSON.parse(run.stdout) as Check;
    assert.deepEqual(check.missing, [], 'messages in the code, missing from the bundle (npm run l10n)');
    assert.deepEqual(check.unused, [], 'messages in the bundle that no code uses');
    assert.deepEqual(check.dynamic, [], 'l10n.t calls whose message is not a string literal');
    assert.equal(run.status, 0);
    // The scan found the host's messages: the notifications' common form among them.
    assert.ok(check.messages >= 30, `only ${check.messages} messages found`);
    assert.ok('Entropy Lens: {0}' in (JSON.parse(readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>));
  });

  it('the hover, the live-value messages and the visualizer page’s words are in the bundle', () => {
    const bundle = JSON.parse(readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const expected = [
      // hover.ts: the links and their titles; figure-lines.ts (through ./l10n): the words around the figures
      'Read rows as a batch',
      'Show formulas and charts beside the editor',
      'max entropy ({0})',
      'H(row {0})',
      // live/: paused-frame.ts (vscode.l10n), expression.ts and capture.ts (./l10n)
      '"{0}" is running: pause it, or stop at a breakpoint, to read a live value.',
      '"{0}" {1}; Entropy Lens reads one expression and changes nothing in the program.',
      '{0} could not be read: {1}',
      // targets/notebook-source.ts, visualizer/live-follow.ts
      'the output of cell {0} in {1}',
      'live value, paused at {0}',
      // visualizer/webview-strings.ts: the page's catalogue as the host fills it
      'Playground',
      '{0}: {1} stops. The values are in the table below.',
    ];
    assert.deepEqual(expected.filter((message) => bundle[message] !== message), []);
  });

  it('the manifest points VS Code at the bundle', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { l10n?: string };
    assert.equal(manifest.l10n, './l10n');
  });
});
