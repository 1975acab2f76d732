#!/usr/bin/env node
// Runs the mocha suites of test/host inside code-server's real extension host: the extension is
// loaded from the working tree (extensionDevelopmentPath), samples/ is the open folder, and
// mocha's output streams back through the smoke-test driver's codeAutomationLog.
// Exits with the suites' status. Every process started here is stopped on the way out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  assertProvisioned, build, connectPage, createRun, overallTimeoutMs, remoteUri, removeRun,
  runGuarded, startChromium, startCodeServer, workbenchUrl,
} from './lib/code-server.mjs';
import { installDebugpyAdapter } from './lib/debugpy-adapter.mjs';
import { ROOT } from './lib/pins.mjs';

const NAME = 'test:host';
const started = Date.now();

/** @param {string} message */
function log(message) {
  console.log(`[${NAME} ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

/**
 * Writes VS Code's own log files (sent with codeAutomationExit) into the run folder.
 * @param {string} dir @param {{ relativePath: string, contents: string }[]} logs
 */
function saveLogs(dir, logs) {
  for (const { relativePath, contents } of logs ?? []) {
    const file = join(dir, 'vscode-logs', relativePath.replace(/^(\.\.\/)+/, ''));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
}

async function main() {
  assertProvisioned();
  log('building the extension and the suites');
  build(['--tests']);
  const run = createRun('host');
  log(`run folder ${run.dir}`);
  // The live-value suites debug Python through debugpy, registered by this test-only extension.
  installDebugpyAdapter(run);
  const server = await startCodeServer(run);
  log(`code-server at ${server.url}`);
  const browser = await startChromium(run);
  const { page } = await connectPage(browser.wsUrl);

  /** @type {(value: { code: number, logs: any[] }) => void} */
  let finish = () => {};
  const exited = new Promise((resolve) => { finish = resolve; });
  // Both must exist before the page loads: the workbench looks them up once.
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    console.log(...(Array.isArray(args) ? args : [args]));
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => finish({ code, logs }));

  const payload = [
    ['extensionDevelopmentPath', remoteUri(server.port, ROOT)],
    ['extensionTestsPath', remoteUri(server.port, join(ROOT, 'out', 'test', 'host', 'index.js'))],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const response = await page.goto(workbenchUrl(server.url, join(ROOT, 'samples'), payload), { timeout: 60_000 });
  if (response?.status() !== 200) throw new Error(`workbench page answered HTTP ${response?.status()}`);
  log('workbench loaded; running the suites in the extension host');

  const { code, logs } = await exited;
  if (code !== 0) {
    saveLogs(run.dir, logs);
    log(`suites FAILED (exit ${code}); VS Code logs kept in ${join(run.dir, 'vscode-logs')}`);
    return code || 1;
  }
  log('suites passed');
  removeRun(run);
  return 0;
}

// The suites take 1–3 min on 2 busy cores; the limit only catches a hung workbench.
const code = await runGuarded(NAME, overallTimeoutMs(900), main);
console.log(`[${NAME}] finished in ${((Date.now() - started) / 1000).toFixed(1)}s with exit code ${code}`);
process.exit(code);
