import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { row } from './measure';

/**
 * activate()'s cost in the real extension host (code-server): runs the "activation cost" host suite
 * alone and reads the figure it prints. Needs `npm run provision`; skipped, with a note, without it.
 */
export function activationBench(): void {
  console.log('\nactivation in the real extension host (code-server, Node 24)');
  if (!existsSync('.vscode-test/provisioned.json')) {
    row('activation', 'skipped', 'run `npm run provision` first');
    return;
  }
  const result = spawnSync(process.execPath, ['scripts/run-host-tests.mjs'], {
    env: { ...process.env, ENTROPY_LENS_HOST_GREP: 'activation cost' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  const match = /ENTROPY_LENS_ACTIVATION_MS=([\d.]+),([\d.]+)/.exec(`${result.stdout}\n${result.stderr}`);
  if (!match) {
    row('activation', 'failed', `the host run printed no figure (exit ${result.status})`);
    return;
  }
  row('evaluating dist/extension.js', `${Number(match[1]).toFixed(1)} ms`, 'one cold start');
  row('activate()', `${Number(match[2]).toFixed(1)} ms`, 'one cold start');
}
