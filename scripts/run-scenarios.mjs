#!/usr/bin/env node
// User-level scenarios: packages the extension with vsce (so packaging and .vscodeignore are
// exercised), installs the .vsix into code-server, opens samples/ in Chromium and runs each
// test/scenarios/*.mjs against the workbench through playwright-core.
// Usage: node scripts/run-scenarios.mjs [name-substring ...]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  assertProvisioned, build, connectPage, createRun, installExtension, manifest, overallTimeoutMs, removeRun,
  runGuarded, startChromium, startCodeServer, workbenchUrl,
} from './lib/code-server.mjs';
import { CACHE, ROOT } from './lib/pins.mjs';
import { createWorkbench, SCREENSHOTS, waitForWorkbench } from './lib/workbench.mjs';

const NAME = 'test:scenarios';
const VSIX = join(CACHE, 'entropy-lens.vsix');
const started = Date.now();
/** One stuck scenario must fail alone, not eat the whole run's time. */
const SCENARIO_TIMEOUT_MS = 150_000;

/** @param {string} message */
function log(message) {
  console.log(`[${NAME} ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

/** Packages the production build; vsce's own checks on the manifest apply. */
function packageExtension() {
  build(['--production']);
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const args = [vsce, 'package', '--no-dependencies', '-o', VSIX];
  if (!manifest().repository) {
    // Without a repository vsce cannot rewrite README's relative links; that is a publishing
    // concern (the `package` script still reports it), not one for this throwaway test package.
    log('WARNING: package.json has no "repository"; packaging with placeholder base URLs');
    args.push('--allow-missing-repository', '--baseContentUrl', 'https://entropy-lens.invalid/', '--baseImagesUrl', 'https://entropy-lens.invalid/');
  }
  const result = spawnSync(process.execPath, args,
    { cwd: ROOT, encoding: 'utf8', timeout: 180_000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}\n${result.stderr}`);
  log(`packaged ${VSIX}`);
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

async function main() {
  assertProvisioned();
  const files = scenarioFiles();
  if (files.length === 0) throw new Error('no scenario matched');
  log('building and packaging the extension');
  packageExtension();
  const run = createRun('scn');
  log(installExtension(run, VSIX).split('\n').pop());
  const server = await startCodeServer(run, { smokeTestDriver: false });
  log(`code-server at ${server.url}`);
  const chromium = await startChromium(run);
  const { browser, page: firstPage } = await connectPage(chromium.wsUrl);
  await firstPage.close();
  const url = workbenchUrl(server.url, join(ROOT, 'samples'));
  // Scenarios change user settings (the colour theme picker writes one): each starts from the defaults.
  const userSettingsFile = join(run.userData, 'User', 'settings.json');
  const defaultSettings = readFileSync(userSettingsFile, 'utf8');
  mkdirSync(SCREENSHOTS, { recursive: true });

  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const name = basename(file, '.mjs');
    const scenario = await import(pathToFileURL(file).href);
    const title = scenario.title ?? name;
    writeFileSync(userSettingsFile, defaultSettings);
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
      const message = String(error instanceof Error ? error.message : error).replace(/\x1b\[[0-9;]*m/g, '');
      console.log(`  ✘ ${title} (${((Date.now() - t0) / 1000).toFixed(1)}s)\n      ${message}\n      screenshot: ${shot}`);
    } finally {
      clearTimeout(timer);
      // Ends whatever a timed-out scenario was still waiting for.
      await context.close().catch(() => {});
    }
  }
  log(`screenshots in ${SCREENSHOTS}`);
  console.log(`${passed} passed, ${failed} failed`);
  if (failed === 0) removeRun(run);
  else log(`run folder kept for its logs: ${run.dir}`);
  return failed === 0 ? 0 : 1;
}

const code = await runGuarded(NAME, overallTimeoutMs(900), main);
console.log(`[${NAME}] finished in ${((Date.now() - started) / 1000).toFixed(1)}s with exit code ${code}`);
process.exit(code);
