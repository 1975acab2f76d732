// The test-only extension that registers Debian's debugpy adapter under the Python Debugger's debug
// type (test/host/debugpy-adapter). code-server loads one development extension only, so it is
// packaged with vsce and installed into the run's extensions folder, beside Entropy Lens.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { installExtension } from './code-server.mjs';
import { ROOT } from './pins.mjs';

const FOLDER = join(ROOT, 'test', 'host', 'debugpy-adapter');

/** Packages the adapter extension into the run folder and installs it. @param {{ dir: string }} run */
export function installDebugpyAdapter(run) {
  const vsix = join(run.dir, 'debugpy-adapter.vsix');
  const vsce = join(ROOT, 'node_modules', '.bin', 'vsce');
  const packaged = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], {
    cwd: FOLDER, encoding: 'utf8', timeout: 120_000,
  });
  if (packaged.status !== 0) {
    throw new Error(`packaging ${FOLDER} failed (${packaged.status ?? packaged.signal ?? packaged.error?.message}):\n${packaged.stdout}\n${packaged.stderr}`);
  }
  return installExtension(run, vsix);
}
