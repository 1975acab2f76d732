// Shared launch code for every runner that needs a real VS Code: a per-run folder, code-server,
// Chromium, a playwright page, and cleanup of every process group started here.
// The recipe and its pitfalls: /work/shared/docs/real-vscode-offline.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, PATHS, PINS, ROOT } from './pins.mjs';

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */

/** Every process group started by this module; `stopAll` ends them. */
const started = new Set();
/** Set once a signal or timeout asked everything to stop: an exit then is expected. */
let stopRequested = false;

/** True once the runner is shutting down on purpose (Ctrl+C, timeout, end of run). */
export function stopping() {
  return stopRequested;
}

/** Quiet workbench: no telemetry, no update checks, no welcome page, no git scanning. */
const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'window.restoreWindows': 'none',
  // The chat side bar would take a third of every screenshot.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Fails with a clear message when `npm run provision` has not completed. */
export function assertProvisioned() {
  if (!existsSync(PATHS.marker) || !existsSync(PATHS.codeServerEntry) || !existsSync(PATHS.nodeBin)) {
    throw new Error(`code-server ${PINS.codeServer} / Node ${PINS.node} are not provisioned in ${CACHE}: run \`npm run provision\` first`);
  }
  if (!existsSync(PATHS.chromium)) {
    throw new Error(`${PATHS.chromium} is missing: run \`npm run provision\` as root (installs Debian's chromium)`);
  }
}

/**
 * A fresh folder for one run under .vscode-test/runs/, with its own HOME, XDG dirs and TMPDIR,
 * so nothing lands in $HOME or /tmp. Names stay short: unix socket paths must fit in 108 bytes.
 * @param {string} kind short label, e.g. 'host'
 */
export function createRun(kind) {
  pruneRuns();
  const dir = join(PATHS.runs, `${kind}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const sub = (name) => { const path = join(dir, name); mkdirSync(path, { recursive: true }); return path; };
  const run = {
    dir,
    home: sub('home'),
    tmp: sub('t'),
    userData: sub('user-data'),
    extensions: sub('extensions'),
    chromiumProfile: sub('chromium'),
    env: {},
  };
  run.env = {
    ...process.env,
    HOME: run.home,
    XDG_CONFIG_HOME: sub('xdg/config'),
    XDG_DATA_HOME: sub('xdg/data'),
    XDG_CACHE_HOME: sub('xdg/cache'),
    XDG_STATE_HOME: sub('xdg/state'),
    // VS Code puts its IPC sockets here: the short folder keeps their paths under 108 bytes.
    XDG_RUNTIME_DIR: run.tmp,
    TMPDIR: run.tmp,
    // No gallery look-ups; local .vsix installs still work.
    EXTENSIONS_GALLERY: '{}',
  };
  const socketPath = join(run.tmp, 'vscode-ipc-00000000-0000-0000-0000-000000000000.sock');
  if (socketPath.length > 107) {
    console.warn(`[code-server] warning: the checkout path is long; ${socketPath.length}-byte socket paths exceed the 107-byte limit`);
  }
  mkdirSync(join(run.userData, 'User'), { recursive: true });
  writeFileSync(join(run.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  return run;
}

/** Failed runs keep their folder for its logs; drop those whose runner process is gone. */
function pruneRuns() {
  if (!existsSync(PATHS.runs)) return;
  for (const name of readdirSync(PATHS.runs)) {
    const pid = Number(name.split('-').pop());
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try { process.kill(pid, 0); } catch { rmSync(join(PATHS.runs, name), { recursive: true, force: true }); }
  }
}

/** Run folders to remove once every process is stopped (Chromium writes until it exits). */
const runsToRemove = [];

/** Removes a run folder after `stopAll` (failed runs keep theirs for the logs). @param {{dir: string}} run */
export function removeRun(run) {
  runsToRemove.push(run.dir);
}

function removeRunsNow() {
  for (const dir of runsToRemove.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** @param {ChildProcess} child */
function groupAlive(child) {
  try { process.kill(-child.pid, 0); return true; } catch { return false; }
}

/**
 * Spawns `cmd` as the leader of its own process group (so its forks can be stopped with it).
 * @param {string} cmd @param {string[]} args @param {object} options
 */
function spawnGroup(cmd, args, options) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
  started.add(child);
  return child;
}

/**
 * Resolves with the first match of `pattern` in the child's output, or rejects on exit/timeout.
 * All output is kept in `sink` for error messages.
 * @param {ChildProcess} child @param {RegExp} pattern @param {number} timeoutMs @param {string} what
 * @param {string[]} sink
 */
function waitForOutput(child, pattern, timeoutMs, what, sink) {
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      const text = chunk.toString();
      sink.push(text);
      const match = sink.join('').match(pattern);
      if (match) { cleanup(); resolve(match); }
    };
    const onExit = (code, signal) => {
      cleanup();
      reject(new Error(`${what} exited (${code ?? signal}) before it was ready:\n${sink.join('').slice(-4000)}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${what} was not ready after ${timeoutMs / 1000}s:\n${sink.join('').slice(-4000)}`));
    }, timeoutMs);
    function cleanup() {
      clearTimeout(timer);
      child.off('exit', onExit);
    }
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Arguments every code-server invocation shares. @param {ReturnType<typeof createRun>} run */
function commonServerArgs(run) {
  return ['--user-data-dir', run.userData, '--extensions-dir', run.extensions];
}

/**
 * Installs a .vsix into the run's extensions folder (the CLI mode exits by itself).
 * @param {ReturnType<typeof createRun>} run @param {string} vsix
 */
export function installExtension(run, vsix) {
  const result = spawnSync(PATHS.nodeBin, [PATHS.codeServerEntry, ...commonServerArgs(run), '--install-extension', vsix, '--force'],
    { env: run.env, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed (${result.status ?? result.signal ?? result.error?.message}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout.trim();
}

/**
 * Starts code-server on 127.0.0.1 (a free port) and resolves once its workbench answers HTTP 200.
 * @param {ReturnType<typeof createRun>} run
 * @param {{ smokeTestDriver?: boolean, port?: number, timeoutMs?: number }} [options]
 * @returns {Promise<{ child: ChildProcess, url: string, port: number, output: string[] }>}
 */
export async function startCodeServer(run, { smokeTestDriver = true, port = 0, timeoutMs = 90_000 } = {}) {
  const configFile = join(run.dir, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    PATHS.codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--config', configFile,
    ...commonServerArgs(run),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened',
    // Without it, a built workbench silently ignores the `payload` query parameter.
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const output = [];
  const child = spawnGroup(PATHS.nodeBin, args, { env: run.env, cwd: run.dir });
  const match = await waitForOutput(child, /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//, timeoutMs, 'code-server', output);
  // Keep draining its output so a full pipe never blocks it.
  const actualPort = Number(match[1]);
  const url = `http://127.0.0.1:${actualPort}/`;
  // "listening" does not mean the workbench works (on a too-old Node every page is a 500).
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (response.status !== 200) {
    throw new Error(`code-server answered HTTP ${response.status} at ${url}:\n${output.join('').slice(-4000)}`);
  }
  return { child, url, port: actualPort, output };
}

/**
 * Starts Debian's Chromium headless with remote debugging on 127.0.0.1; resolves its CDP URL.
 * @param {ReturnType<typeof createRun>} run @param {{ timeoutMs?: number }} [options]
 */
export async function startChromium(run, { timeoutMs = 60_000 } = {}) {
  const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage', '--disable-features=Translate,MediaRouter',
    '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0',
    `--user-data-dir=${run.chromiumProfile}`, '--window-size=1400,900', 'about:blank',
  ];
  const output = [];
  const child = spawnGroup(PATHS.chromium, args, { env: run.env, cwd: run.dir });
  const match = await waitForOutput(child, /DevTools listening on (ws:\/\/\S+)/, timeoutMs, 'chromium', output);
  return { child, wsUrl: match[1], output };
}

/**
 * Attaches playwright-core over CDP and returns a fresh page sized like a laptop screen.
 * @param {string} wsUrl
 */
export async function connectPage(wsUrl) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.connectOverCDP(wsUrl, { timeout: 30_000 });
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  return { browser, page };
}

/**
 * A URI the web workbench resolves on the code-server host.
 * @param {number} port @param {string} absolutePath
 */
export function remoteUri(port, absolutePath) {
  return `vscode-remote://127.0.0.1:${port}${absolutePath}`;
}

/**
 * The workbench URL for `folder`, with an optional smoke-test `payload` (array of [key, value]).
 * @param {string} baseUrl @param {string} folder @param {[string, string][]} [payload]
 */
export function workbenchUrl(baseUrl, folder, payload) {
  const url = new URL(baseUrl);
  url.searchParams.set('folder', folder);
  if (payload) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/**
 * SIGTERM to a process group, then SIGKILL after `graceMs` if any member is left.
 * @param {ChildProcess} child @param {number} [graceMs]
 */
export async function stopGroup(child, graceMs = 5_000) {
  started.delete(child);
  if (!child.pid || !groupAlive(child)) return;
  try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && groupAlive(child)) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(child)) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone meanwhile */ }
  }
}

/** Stops every process group started here (newest first: the browser before the server). */
export async function stopAll() {
  stopRequested = true;
  for (const child of [...started].reverse()) await stopGroup(child);
}

/** Synchronous last resort for `process.on('exit')`: no awaiting is possible there. */
function killAllNow() {
  for (const child of started) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  }
}

/**
 * Runs `main` with an overall timeout; on timeout, Ctrl+C or an error it stops every process
 * group and exits non-zero with a clear message. `main` resolves to the exit code.
 * @param {string} name @param {number} timeoutMs @param {() => Promise<number>} main
 */
export async function runGuarded(name, timeoutMs, main) {
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, async () => {
      console.error(`\n[${name}] ${signal}: stopping code-server and chromium`);
      await stopAll();
      removeRunsNow();
      process.exit(130);
    });
  }
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`overall timeout of ${timeoutMs / 1000}s reached (set ENTROPY_LENS_TEST_TIMEOUT_S to change it)`)), timeoutMs);
  });
  let code;
  try {
    code = await Promise.race([main(), timeout]);
  } catch (error) {
    console.error(`[${name}] FAILED: ${error instanceof Error ? error.message : error}`);
    code = 1;
  } finally {
    clearTimeout(timer);
    await stopAll();
    try { removeRunsNow(); } catch (error) { console.error(`[${name}] could not remove the run folder: ${error.message}`); }
  }
  return code;
}

/** Overall timeout in ms: ENTROPY_LENS_TEST_TIMEOUT_S or the given default. @param {number} defaultSeconds */
export function overallTimeoutMs(defaultSeconds) {
  const fromEnv = Number(process.env.ENTROPY_LENS_TEST_TIMEOUT_S);
  return (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : defaultSeconds) * 1000;
}

/**
 * Runs the project build (`node esbuild.config.mjs ...args`) with inherited output.
 * @param {string[]} args
 */
export function build(args = []) {
  const result = spawnSync(process.execPath, ['esbuild.config.mjs', ...args], { cwd: ROOT, stdio: 'inherit', timeout: 180_000 });
  if (result.status !== 0) throw new Error(`build failed: node esbuild.config.mjs ${args.join(' ')}`);
}

/** The manifest, for ids and titles. */
export function manifest() {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
}
