// @ts-check
// The extension-host suites (test/host/*.test.ts, built to out/test/host/) under
// @vscode/test-cli + @vscode/test-electron, for machines with a display and network access:
// `npm run test:electron` downloads VS Code into .vscode-test/ and runs them there.
// Offline, `npm run test:host` runs the same suites in code-server (see docs/testing.md).
import { defineConfig } from '@vscode/test-cli';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  label: 'host',
  files: 'out/test/host/**/*.test.js',
  // Same VS Code as the pinned code-server 4.139.1; set ENTROPY_LENS_VSCODE_VERSION=1.100.0
  // to try the oldest version engines.vscode allows.
  version: process.env.ENTROPY_LENS_VSCODE_VERSION ?? '1.139.1',
  extensionDevelopmentPath: root,
  workspaceFolder: join(root, 'samples'),
  launchArgs: ['--disable-extensions', '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust'],
  mocha: { ui: 'bdd', timeout: 30_000, color: true },
});
