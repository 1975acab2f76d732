#!/usr/bin/env node
// User-level scenarios: packages the extension as `npm run package` does (so packaging and
// .vscodeignore are exercised), installs the .vsix into code-server, opens a copy of samples/ in Chromium and
// runs each test/scenarios/*.mjs against the workbench through playwright-core. A scenario that
// exports `vsix = 'fresh-clone'` gets the .vsix built on a fresh clone of the committed project
// (git clone, npm ci, npm run package) in a code-server of its own; `settings` are user settings
// written before its workbench opens.
// Usage: node scripts/run-scenarios.mjs [name-substring ...]
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  assertProvisioned, connectPage, createRun, installExtension, overallTimeoutMs, removeRun,
  runGuarded, startChromium, startCodeServer, stopGroup, workbenchUrl,
} from './lib/code-server.mjs';
import { packageFreshClone, packageVsix } from './lib/package.mjs';
import { CACHE, ROOT } from './lib/pins.mjs';
import { createWorkbench, SCREENSHOTS, waitForWorkbench } from './lib/workbench.mjs';

const NAME = 'test:scenarios';
const started = Date.now();
/** One stuck scenario must fail alone, not eat the whole run's time. */
const SCENARIO_TIMEOUT_MS = 150_000;

/** @param {string} message */
function log(message) {
  console.log(`[${NAME} ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

/**
 * The .vsix for one group of scenarios: the working tree's, as `npm run package` builds it, or
 * one built on a fresh clone of the committed project.
 * @param {string} source 'working-tree' | 'fresh-clone'
 */
function packageFor(source) {
  if (source === 'fresh-clone') {
    const built = packageFreshClone(ROOT, join(CACHE, 'fresh-clone'), { log });
    log(`packaged ${built.path} (${(built.bytes / 1024).toFixed(0)} KB) from a fresh clone of ${built.commit.slice(0, 7)}`);
    return built.path;
  }
  if (source !== 'working-tree') throw new Error(`unknown vsix source "${source}" (a scenario's \`vsix\` export)`);
  const built = packageVsix(ROOT, { log });
  log(`packaged ${built.path} (${(built.bytes / 1024).toFixed(0)} KB)`);
  return built.path;
}

/** Scenario modules, filtered by the command-line substrings. */
function scenarioFiles() {
  const dir = join(ROOT, 'test', 'scenarios');
  const filters = process.argv.slice(2);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mjs'))
    .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Runs `scenarios` (loaded modules) in one code-server with `vsix` installed; returns the counts.
 * @param {string} vsix @param {{ name: string, module: any }[]} scenarios @param {string} kind run folder label
 */
async function runGroup(vsix, scenarios, kind) {
  const run = createRun(kind);
  log(installExtension(run, vsix).split('\n').pop());
  const server = await startCodeServer(run, { smokeTestDriver: false });
  log(`code-server at ${server.url}`);
  const chromium = await startChromium(run);
  const { browser, page: firstPage } = await connectPage(chromium.wsUrl);
  await firstPage.close();
  // A copy of samples/ (same folder name, as the pictures show it): scenarios type into files, and
  // nothing they do may reach the project's own samples.
  const workspace = join(run.dir, 'samples');
  cpSync(join(ROOT, 'samples'), workspace, { recursive: true });
  const url = workbenchUrl(server.url, workspace);
  // Scenarios change user settings (the colour theme picker writes one): each starts from the
  // defaults, plus its own `settings`, read when its workbench opens.
  const userSettingsFile = join(run.userData, 'User', 'settings.json');
  const defaultSettings = JSON.parse(readFileSync(userSettingsFile, 'utf8'));
  mkdirSync(SCREENSHOTS, { recursive: true });

  let passed = 0;
  let failed = 0;
  for (const { name, module: scenario } of scenarios) {
    const title = scenario.title ?? name;
    writeFileSync(userSettingsFile, JSON.stringify({ ...defaultSettings, ...scenario.settings }, null, 2));
    // The folder shows the last run of each scenario, not a stale failure from an earlier one.
    for (const shot of readdirSync(SCREENSHOTS, { withFileTypes: true })) {
      if (shot.isFile() && shot.name.startsWith(`${name}-`) && shot.name.endsWith('.png')) rmSync(join(SCREENSHOTS, shot.name));
    }
    // A fresh browser context per scenario: the web workbench keeps its editors, panels (the
    // visualizer's serializer would bring the panel back) and view state in the browser's
    // storage, so a new context is a new workbench with nothing carried over.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const ui = createWorkbench(page, name);
    const t0 = Date.now();
    let timer;
    try {
      const response = await page.goto(url, { timeout: 60_000 });
      if (response?.status() !== 200) throw new Error(`workbench page answered HTTP ${response?.status()}`);
      await waitForWorkbench(page);
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`scenario timed out after ${SCENARIO_TIMEOUT_MS / 1000}s`)), SCENARIO_TIMEOUT_MS);
      });
      await Promise.race([scenario.default(ui), timeout]);
      passed += 1;
      console.log(`  ✔ ${title} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    } catch (error) {
      failed += 1;
      const shot = await ui.screenshot('failure').catch(() => 'none');
      // Playwright colours its call logs; the runner's output may be a file.
      // eslint-disable-next-line no-control-regex
      const message = String(error instanceof Error ? error.message : error).replace(/\x1b\[[0-9;]*m/g, '');
      console.log(`  ✘ ${title} (${((Date.now() - t0) / 1000).toFixed(1)}s)\n      ${message}\n      screenshot: ${shot}`);
    } finally {
      clearTimeout(timer);
      // Ends whatever a timed-out scenario was still waiting for.
      await context.close().catch(() => {});
    }
  }
  await browser.close().catch(() => {});
  await stopGroup(chromium.child);
  await stopGroup(server.child);
  if (failed === 0) removeRun(run);
  else log(`run folder kept for its logs: ${run.dir}`);
  return { passed, failed };
}

async function main() {
  assertProvisioned();
  const files = scenarioFiles();
  if (files.length === 0) throw new Error('no scenario matched');
  /** Scenarios by where their .vsix comes from, the working tree's group first. */
  const groups = new Map([['working-tree', []]]);
  for (const file of files) {
    const module = await import(pathToFileURL(file).href);
    const source = module.vsix ?? 'working-tree';
    if (!groups.has(source)) groups.set(source, []);
    groups.get(source).push({ name: basename(file, '.mjs'), module });
  }
  let passed = 0;
  let failed = 0;
  for (const [source, scenarios] of groups) {
    if (scenarios.length === 0) continue;
    log(`building and packaging the extension (${source})`);
    const counts = await runGroup(packageFor(source), scenarios, source === 'working-tree' ? 'scn' : 'scf');
    passed += counts.passed;
    failed += counts.failed;
  }
  log(`screenshots in ${SCREENSHOTS}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

const code = await runGuarded(NAME, overallTimeoutMs(900), main);
console.log(`[${NAME}] finished in ${((Date.now() - started) / 1000).toFixed(1)}s with exit code ${code}`);
process.exit(code);
