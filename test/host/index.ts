// Entry point the extension host loads (test-electron convention: `run()` rejects on failure).
// Used by scripts/run-host-tests.mjs through code-server's smoke-test payload; under
// @vscode/test-cli (.vscode-test.mjs) the CLI runs the same *.test.js files with its own mocha.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Runs every bundled suite next to this file (`*.test.js`) with mocha's BDD interface. */
export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    // The extension host has no TTY: colour codes would only clutter the streamed log.
    color: false,
    timeout: 30_000,
    ...(process.env.ENTROPY_LENS_HOST_GREP ? { grep: process.env.ENTROPY_LENS_HOST_GREP } : {}),
  });
  const files = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
