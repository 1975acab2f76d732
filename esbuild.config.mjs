// One build script for every bundle: the Node extension, the web extension, the CLI, the
// webview, and (with --tests) the unit tests, extension-host suites and the benchmark.
// Type checking is a separate step (`npm run typecheck`); esbuild only strips types.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const withTests = args.has('--tests');
const production = args.has('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
};

/** Every `*.ts` file directly inside `dir` (sorted, so bundles are reproducible). */
function entries(dir, suffix = '.ts') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => join(dir, name));
}

// Test and benchmark hooks (src/extension/test-hooks.ts, the activation clock) exist only in the
// development bundles the host suites and the benchmark load; `--production` (the .vsix) compiles
// them out. The clock is the bundle's first statement, so activation cost includes loading it.
const testHooks = { ENTROPY_LENS_TEST_HOOKS: String(!production) };
const activationClock = production ? {} : { banner: { js: 'var ENTROPY_LENS_LOAD_START = typeof performance === "object" ? performance.now() : undefined;' } };

const builds = [
  // Extension host (desktop VS Code and code-server's Node host).
  // Activation loads only extension.js; the features (the core, commands, visualizer host) are
  // dist/features.js, required on first use, and the formula renderer its own file after that.
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode', './features.js'], define: { FEATURES_FETCHED: 'false', ...testHooks }, ...activationClock },
  { ...common, entryPoints: ['src/extension/features.ts'], outfile: 'dist/features.js', platform: 'node', format: 'cjs', external: ['vscode', './formula-image.js'], define: { FORMULA_FETCHED: 'false' } },
  // The formula renderer needs nothing from either host: one browser-platform file serves both
  // (the Node host requires it, the web host fetches it).
  { ...common, entryPoints: ['src/extension/formula-image.ts'], outfile: 'dist/formula-image.js', platform: 'browser', format: 'cjs' },
  // Web extension (vscode.dev, the browser host): same entry, nothing Node-only may be on its path.
  // The host evaluates only this file; the features (dist/web/features.js) are fetched on first
  // use and the formula renderer (dist/formula-image.js) on the first hover: src/extension/web-module.ts.
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'], define: { FEATURES_FETCHED: 'true', ...testHooks }, ...activationClock },
  { ...common, entryPoints: ['src/extension/features.ts'], outfile: 'dist/web/features.js', platform: 'browser', format: 'cjs', external: ['vscode'], define: { FORMULA_FETCHED: 'true' } },
  // CLI.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' }, define: { ENTROPY_LENS_VERSION: JSON.stringify(version) } },
  // `entropy-lens mcp`'s server and the MCP SDK, which dist/cli.js requires for that subcommand only.
  { ...common, entryPoints: ['src/cli/mcp/server.ts'], outfile: 'dist/mcp.js', platform: 'node', format: 'cjs' },
];

if (existsSync('src/webview/main.ts')) {
  builds.push({ ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview/visualizer.js', platform: 'browser', format: 'iife' });
}

if (withTests) {
  const testEntries = [...entries('test/unit', '.test.ts')];
  if (testEntries.length > 0) {
    builds.push({ ...common, entryPoints: testEntries, outdir: 'out/test/unit', platform: 'node', format: 'cjs', external: ['mocha', 'fast-check', 'katex', 'esbuild'] });
  }
  const hostEntries = entries('test/host');
  if (hostEntries.length > 0) {
    builds.push({ ...common, entryPoints: hostEntries, outdir: 'out/test/host', platform: 'node', format: 'cjs', external: ['vscode', 'mocha'] });
  }
  // The visualizer's Chromium tests (test/webview): Node-side mocha files driving the built webview.
  const webviewEntries = entries('test/webview', '.test.ts');
  if (webviewEntries.length > 0) {
    builds.push({ ...common, entryPoints: webviewEntries, outdir: 'out/test/webview', platform: 'node', format: 'cjs', external: ['mocha', 'playwright-core'] });
  }
  // One benchmark entry; it imports each section, so `npm run bench` prints them side by side.
  if (existsSync('bench/bench.ts')) {
    builds.push({ ...common, sourcemap: false, entryPoints: ['bench/bench.ts'], outdir: 'out/bench', platform: 'node', format: 'cjs', external: ['playwright-core', 'katex', 'vscode', 'esbuild'] });
  }
}

/** KaTeX's stylesheet and its woff2 fonts only: Chromium never asks for woff or ttf. */
function copyKatexAssets() {
  const from = 'node_modules/katex/dist';
  if (!existsSync(from)) return;
  const to = 'dist/webview/katex';
  rmSync(to, { recursive: true, force: true });
  mkdirSync(join(to, 'fonts'), { recursive: true });
  cpSync(join(from, 'katex.min.css'), join(to, 'katex.min.css'));
  for (const font of readdirSync(join(from, 'fonts')).filter((f) => f.endsWith('.woff2'))) {
    cpSync(join(from, 'fonts', font), join(to, 'fonts', font));
  }
}

copyKatexAssets();
if (args.has('--watch')) {
  // `npm run watch`: every bundle rebuilds on save; type checking stays `npm run typecheck`.
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log(`watching ${contexts.length} bundles; Ctrl+C to stop`);
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
