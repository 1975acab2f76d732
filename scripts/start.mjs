#!/usr/bin/env node
// `npm start`: builds, then opens the extension from the working tree on samples/ in a real
// VS Code — desktop `code` when it is on PATH, otherwise code-server on 127.0.0.1 (printing
// the URL to open), provisioning it first if needed (`npm run provision`: minutes the first time,
// a fraction of a second after). Ctrl+C stops code-server and everything it forked.
// Options: PORT=8080 for a fixed port (default: a free one).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  assertProvisioned, build, createRun, remoteUri, removeRun, runGuarded, startCodeServer, stopping, workbenchUrl,
} from './lib/code-server.mjs';
import { ROOT } from './lib/pins.mjs';

const NAME = 'start';
const SAMPLES = join(ROOT, 'samples');
/** A dev session still ends some day: bounded like everything else. */
const MAX_SESSION_MS = 12 * 60 * 60 * 1000;

/** True when a desktop VS Code CLI is on PATH. */
function hasDesktopCode() {
  return spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
}

/** Desktop VS Code manages its own windows: hand over and return. */
function startDesktop() {
  console.log(`[${NAME}] opening ${SAMPLES} in VS Code with the extension from ${ROOT}`);
  const result = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, SAMPLES], { stdio: 'inherit', timeout: 60_000 });
  return result.status ?? 1;
}

/** Runs `npm run provision`, whose steps print as they go; it returns at once when all is there. */
function provision() {
  console.log(`[${NAME}] no desktop \`code\` on PATH: making sure code-server is provisioned in .vscode-test/ (npm run provision)`);
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'provision.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('provisioning failed (its message is above); `npm run provision` retries it');
}

async function startServer() {
  provision();
  assertProvisioned();
  const run = createRun('start');
  removeRun(run);
  const server = await startCodeServer(run, { port: Number(process.env.PORT ?? 0) });
  // The payload loads the extension from the working tree as an Extension Development Host:
  // rebuild (`npm run build`) and reload the window (Developer: Reload Window) to see changes.
  const url = workbenchUrl(server.url, SAMPLES, [['extensionDevelopmentPath', remoteUri(server.port, ROOT)]]);
  console.log(`\n[${NAME}] code-server is running. Open this URL in a browser on this machine:\n\n  ${url}\n\n[${NAME}] Ctrl+C stops it.`);
  const code = await new Promise((resolve) => server.child.once('exit', (c) => resolve(c ?? 1)));
  if (stopping()) return 130;
  console.error(`[${NAME}] code-server exited (${code}):\n${server.output.join('').slice(-2000)}`);
  return 1;
}

build();
if (hasDesktopCode()) {
  process.exit(startDesktop());
} else {
  process.exit(await runGuarded(NAME, MAX_SESSION_MS, startServer));
}
