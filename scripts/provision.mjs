#!/usr/bin/env node
// Installs what the real-VS-Code tests need into the git-ignored .vscode-test/ cache:
// Node 24 and code-server from npm, and (as root, when missing) Debian's chromium and the
// headers code-server's native modules compile against. Idempotent: a marker written only
// after a complete install makes a second run take seconds.
// See /work/shared/docs/real-vscode-offline.md for why each piece is needed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CACHE, PATHS, PINS } from './lib/pins.mjs';

const started = Date.now();
/** Bounded so a hung registry or dpkg lock fails CI with a message instead of timing it out. */
const STEP_TIMEOUT_MS = 20 * 60 * 1000;

/** @param {string} message */
function log(message) {
  console.log(`[provision ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

/** @param {string} message */
function fail(message) {
  console.error(`[provision] FAILED: ${message}`);
  process.exit(1);
}

/**
 * Runs a command with inherited output; rejects with a message naming `what` on failure.
 * @param {string} what @param {string} cmd @param {string[]} args @param {object} [options]
 */
function run(what, cmd, args, options = {}) {
  log(`${what}: ${cmd} ${args.join(' ')}`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true, ...options });
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      reject(new Error(`${what} timed out after ${STEP_TIMEOUT_MS / 60000} min`));
    }, STEP_TIMEOUT_MS);
    child.on('error', (error) => { clearTimeout(timer); reject(new Error(`${what}: ${error.message}`)); });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise();
      else reject(new Error(`${what} exited with ${code ?? signal}`));
    });
  });
}

/** The marker's content: a different pin invalidates it. */
function markerContent() {
  return JSON.stringify({ codeServer: PINS.codeServer, node: PINS.node, nodePackage: PINS.nodePackage }, null, 2);
}

/** @param {string} pkg */
function aptInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

async function ensureAptPackages() {
  const missing = PINS.apt.filter((pkg) => !aptInstalled(pkg));
  if (missing.length === 0) {
    log(`Debian packages present: ${PINS.apt.join(', ')}`);
    return;
  }
  if (process.getuid?.() !== 0) {
    fail(`missing Debian packages: ${missing.join(', ')}. Run as root or: sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Waiting for the dpkg lock beats failing when another apt run holds it.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  await run('apt-get update', 'apt-get', [...lock, 'update'], { env });
  await run(`apt-get install ${missing.join(' ')}`, 'apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...missing], { env });
  const still = missing.filter((pkg) => !aptInstalled(pkg));
  if (still.length > 0) fail(`apt-get did not install: ${still.join(', ')}`);
}

/** An npm prefix of its own, so npm never walks up into the repository's package.json. */
function preparePrefix(prefix) {
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
}

/** @param {string} bin @param {string[]} args */
function versionOf(bin, args = ['--version']) {
  if (!existsSync(bin)) return '';
  // Even `code-server --version` writes a default config.yaml: keep it out of $HOME.
  const xdg = join(CACHE, 'provision-xdg');
  const env = { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg };
  const result = spawnSync(bin, args, { encoding: 'utf8', timeout: 60_000, env });
  // code-server logs a line before the version: keep the last line only.
  return result.status === 0 ? result.stdout.trim().split('\n').pop() ?? '' : '';
}

function codeServerVersion() {
  return versionOf(PATHS.nodeBin, [PATHS.codeServerEntry, '--version']);
}

async function ensureNode() {
  if (versionOf(PATHS.nodeBin) === `v${PINS.node}`) {
    log(`Node ${PINS.node} present: ${PATHS.nodeBin}`);
    return;
  }
  rmSync(PATHS.nodePrefix, { recursive: true, force: true });
  preparePrefix(PATHS.nodePrefix);
  await run(`npm install ${PINS.nodePackage}@${PINS.node}`, 'npm', [
    'install', '--prefix', PATHS.nodePrefix, '--no-save', '--no-audit', '--no-fund', '--no-package-lock',
    `${PINS.nodePackage}@${PINS.node}`,
  ]);
  if (versionOf(PATHS.nodeBin) !== `v${PINS.node}`) fail(`Node ${PINS.node} is not runnable at ${PATHS.nodeBin}`);
}

/** Always a clean install: without the marker, a present folder may be a half-built one. */
async function ensureCodeServer() {
  rmSync(PATHS.codeServerPrefix, { recursive: true, force: true });
  preparePrefix(PATHS.codeServerPrefix);
  const env = {
    ...process.env,
    // npm's shebang (`env node`) then runs on Node 24: code-server's postinstall reads the Node
    // major from npm's user agent and builds its native modules for it.
    PATH: [join(PATHS.nodeHome, 'bin'), process.env.PATH].join(delimiter),
    // node-gyp takes the headers from here instead of downloading them (no internet).
    npm_config_nodedir: PATHS.nodeHome,
    // code-server's postinstall runs nested `npm install`s in its own folders, which no
    // project allowScripts policy covers; without this their native builds are skipped.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_foreground_scripts: 'true',
    npm_config_update_notifier: 'false',
  };
  await run(`npm install code-server@${PINS.codeServer} (compiles native modules, minutes)`, 'npm', [
    'install', '--prefix', PATHS.codeServerPrefix, '--no-save', '--no-audit', '--no-fund', '--no-package-lock',
    `code-server@${PINS.codeServer}`,
  ], { env });
  const version = codeServerVersion();
  if (!version.startsWith(`${PINS.codeServer} `)) {
    fail(`code-server ${PINS.codeServer} does not start with Node ${PINS.node} (got: ${version || 'no output'})`);
  }
  log(`code-server ${version.split(/\s+/)[0]} runs`);
}

async function main() {
  mkdirSync(CACHE, { recursive: true });
  await ensureAptPackages();
  if (existsSync(PATHS.marker) && readFileSync(PATHS.marker, 'utf8') === markerContent()
      && existsSync(PATHS.nodeBin) && existsSync(PATHS.codeServerEntry)) {
    log(`already provisioned (${PATHS.marker}); done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return;
  }
  rmSync(PATHS.marker, { force: true });
  await ensureNode();
  await ensureCodeServer();
  writeFileSync(PATHS.marker, markerContent());
  log(`provisioned in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

main().catch((error) => fail(error.message));
