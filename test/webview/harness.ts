// Serves the visualizer's real page (same pageHtml, same CSP, the BUILT dist/webview/visualizer.js)
// from a tiny HTTP server on 127.0.0.1, opens it in Debian's headless Chromium through
// playwright-core, and stands in for VS Code with a stub acquireVsCodeApi (a nonce'd script file)
// that records what the webview posts and lets a test post ToWebview messages.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { evaluateShaped, evaluateText, type EvaluateOptions, type Evaluation } from '../../src/core/evaluate';
import { selectLoss } from '../../src/core/loss-select';
import { readLiteral } from '../../src/core/reader';
import { shapeOf } from '../../src/core/shape';
import type { Unit } from '../../src/core/types';
import { contentSecurityPolicy, createNonce, pageHtml, PRELOADED_FONTS } from '../../src/extension/visualizer/html';
import { buildViewModel } from '../../src/shared/model/build';
import type { Content, FromWebview, PanelState, SettingsView, ToWebview, ViewName } from '../../src/shared/protocol';
import type { Strings } from '../../src/shared/strings';
import type { SourceView } from '../../src/shared/view-model';

export const ROOT = process.cwd();
export const CHROMIUM = process.env.ENTROPY_LENS_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  // Chromium writes ~/.config/chromium/Crash Reports even without a crash; GTK's dconf writes ~/.cache/dconf.
  '--disable-crash-reporter', '--disable-breakpad',
];

/**
 * A per-run home for Chromium under the git-ignored .vscode-test/, so a test run writes nothing to
 * the user's $HOME: HOME and the XDG folders all point into it (Chromium's crash-report settings and
 * GTK's dconf cache land there instead). Removed after the browser has exited.
 */
export function chromiumHome(): { dir: string; env: Record<string, string> } {
  const dir = join(ROOT, '.vscode-test', 'webview-home', `run-${process.pid}-${Date.now()}`);
  const env: Record<string, string> = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache'), XDG_DATA_HOME: join(dir, 'data') };
  for (const path of Object.values(env)) mkdirSync(path, { recursive: true });
  return { dir, env };
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.map': 'application/json', '.html': 'text/html',
};

/** What the init and stub scripts keep on `globalThis.__lens` in the page, for the tests to read. */
export interface Lens {
  violations: string[];
  errors: string[];
  posted: FromWebview[];
  state: PanelState | undefined;
  stateWrites: number;
  dialogs?: number;
  send(message: unknown): void;
  /** How many updates the page has drawn completely (its `data-rendered` signal). */
  rendered(): number;
}

declare global {
  var __lens: Lens;
}

/** Runs before any page script (through CDP, so outside the CSP): records violations, dialogs, errors. */
const INIT_SCRIPT = `
  window.__lens = { violations: [], errors: [] };
  document.addEventListener('securitypolicyviolation', (e) => window.__lens.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
  window.addEventListener('error', (e) => window.__lens.errors.push(String(e.message)));
`;

/** The stand-in for VS Code's webview API, served as a file and loaded with the page's nonce. */
const STUB_SCRIPT = `(() => {
  const params = new URLSearchParams(location.search);
  document.body.classList.add('vscode-' + (params.get('theme') || 'dark'));
  const lens = window.__lens || (window.__lens = { violations: [], errors: [] });
  // A state saved by an earlier page (?state=<json>): what VS Code hands a restored webview.
  lens.posted = []; lens.state = params.has('state') ? JSON.parse(params.get('state')) : undefined; lens.stateWrites = 0;
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi called twice');
    acquired = true;
    return {
      postMessage: (m) => lens.posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => lens.state,
      setState: (s) => { lens.state = s; lens.stateWrites++; return s; },
    };
  };
  lens.send = (m) => window.dispatchEvent(new MessageEvent('message', { data: m }));
  lens.rendered = () => Number(document.body.dataset.rendered || 0);
})();`;

export interface Harness {
  readonly browser: Browser;
  readonly origin: string;
  /**
   * A fresh page; `saved` is the state its getState() returns, as after a window reload. `build`
   * 'baseline' loads the harness's baseline bundle instead of dist/webview/visualizer.js.
   */
  open(theme?: 'dark' | 'light' | 'high-contrast', saved?: unknown, build?: 'current' | 'baseline'): Promise<Page>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Another build of visualizer.js (an older commit's, for the benchmark to compare against). */
  readonly baseline?: string;
  /** The page's words, as the host puts them in the page (a pseudo-translation, in a test). */
  readonly strings?: Strings;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(ROOT, 'dist/webview/visualizer.js'))) throw new Error('dist/webview/visualizer.js is missing: run `node esbuild.config.mjs` first');
  const nonce = createNonce();
  let origin = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      response.end(body);
    };
    if (url.pathname === '/') {
      const html = pageHtml({
        cspSource: origin,
        nonce,
        scriptUri: url.searchParams.get('build') === 'baseline' ? `${origin}/baseline/visualizer.js` : `${origin}/dist/webview/visualizer.js`,
        katexCssUri: `${origin}/dist/webview/katex/katex.min.css`,
        cssUri: `${origin}/media/visualizer.css`,
        fontUris: PRELOADED_FONTS.map((font) => `${origin}/dist/webview/katex/fonts/${font}`),
        preludeScriptUris: [`${origin}/test/stub.js`],
        preludeStyleUris: [`${origin}/test/theme.css`],
        ...(options.strings ? { strings: options.strings } : {}),
      });
      // The same policy as a header too: the page cannot loosen what the server sent.
      return send(200, 'text/html; charset=utf-8', html, { 'Content-Security-Policy': contentSecurityPolicy(origin, nonce) });
    }
    if (url.pathname === '/test/stub.js') return send(200, TYPES['.js'], STUB_SCRIPT);
    if (url.pathname === '/baseline/visualizer.js' && options.baseline) return send(200, TYPES['.js'], readFileSync(options.baseline));
    if (url.pathname === '/test/theme.css') return send(200, TYPES['.css'], readFileSync(join(ROOT, 'test/webview/theme.css')));
    const allowed = ['/dist/webview/', '/media/'];
    if (!allowed.some((prefix) => url.pathname.startsWith(prefix))) return send(404, 'text/plain', 'not found');
    const file = normalize(join(ROOT, decodeURIComponent(url.pathname)));
    if (!file.startsWith(ROOT + sep) || !existsSync(file)) return send(404, 'text/plain', 'not found');
    return send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  // playwright-core gives every launch a fresh, temporary --user-data-dir of its own (and refuses one
  // passed in args); it is removed when the browser closes. Everything else goes to `home`.
  const home = chromiumHome();
  const inherited = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, env: { ...inherited, ...home.env } });
  const pages: Page[] = [];
  return {
    browser,
    origin,
    async open(theme = 'dark', saved?: unknown, build = 'current') {
      const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
      pages.push(page);
      await page.addInitScript(INIT_SCRIPT);
      page.on('dialog', (dialog) => {
        void page.evaluate(() => (globalThis.__lens.dialogs = (globalThis.__lens.dialogs ?? 0) + 1)).catch(() => undefined);
        void dialog.dismiss();
      });
      const state = saved === undefined ? '' : `&state=${encodeURIComponent(JSON.stringify(saved))}`;
      await page.goto(`${origin}/?theme=${theme}${state}${build === 'baseline' ? '&build=baseline' : ''}`);
      await page.waitForFunction(() => (globalThis.__lens as Lens | undefined)?.posted?.length);
      return page;
    },
    async close() {
      for (const page of pages) await page.close().catch(() => undefined);
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(home.dir, { recursive: true, force: true });
    },
  };
}

/** The browser and the current test's page of a suite set up by {@link chromiumSuite}. */
export interface ChromiumSuite {
  readonly harness: Harness;
  readonly page: Page;
}

/**
 * The hooks every Chromium suite shares, registered in the calling `describe`: one browser for the
 * file, a fresh dark page for each test, and after each test the checks that hold whatever it drew —
 * the strict CSP blocked nothing and no script failed. A failed test leaves a screenshot.
 */
export function chromiumSuite(): ChromiumSuite {
  let harness: Harness | undefined;
  let page: Page | undefined;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    page = await harness!.open('dark');
  });
  afterEach(async function () {
    const current = page!;
    assert.deepEqual(await violations(current), [], 'CSP violations');
    assert.deepEqual(await pageErrors(current), [], 'page errors');
    if (this.currentTest?.state === 'failed') {
      const path = screenshotPath(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
      mkdirSync(dirname(path), { recursive: true });
      await current.screenshot({ path, fullPage: true });
    }
    await current.close();
  });
  return {
    get harness() {
      return harness!;
    },
    get page() {
      return page!;
    },
  };
}

export const SETTINGS: SettingsView = { unit: 'nats', interpretation: 'auto', loss: 'auto', precision: 6 };
const OPTIONS: EvaluateOptions = { unit: 'nats', as: 'auto', loss: 'auto' };

/** Evaluates a literal as the host does (the loss view reads a pair as targets and predictions). */
export function evaluate(text: string, view: ViewName = 'figures', options: Partial<EvaluateOptions> = {}): Evaluation {
  const all = { ...OPTIONS, ...options };
  if (view === 'loss') {
    const shaped = shapeOf(readLiteral(text));
    return shaped.kind === 'pair' ? selectLoss(shaped, all) : evaluateShaped(shaped, all);
  }
  return evaluateText(text, all);
}

export function state(view: ViewName = 'figures', locked = false): PanelState {
  return { version: 1, source: { uri: 'file:///work/a.py', start: { line: 0, character: 0 }, end: { line: 0, character: 10 } }, locked, view };
}

/** The `update` message the host sends for a literal. */
export function updateFor(text: string, options: { view?: ViewName; source?: SourceView; unit?: Unit } = {}): ToWebview {
  const view = options.view ?? 'figures';
  const evaluation = evaluate(text, view, options.unit ? { unit: options.unit } : {});
  const model = buildViewModel(evaluation, { source: options.source ?? { fileName: 'example.py', line: 3, endLine: 3 }, precision: 6, view });
  return { type: 'update', content: { kind: 'model', model }, settings: { ...SETTINGS, ...(options.unit ? { unit: options.unit } : {}) }, state: state(view) };
}

export function updateWith(content: Content): ToWebview {
  return { type: 'update', content, settings: SETTINGS, state: state() };
}

/** Posts a message to the webview and waits until it has been drawn (a frame after render). */
export async function send(page: Page, message: ToWebview): Promise<void> {
  const before = await page.evaluate(() => globalThis.__lens.rendered());
  await page.evaluate((m) => globalThis.__lens.send(m), message as unknown);
  if (message.type === 'update') await page.waitForFunction((n) => globalThis.__lens.rendered() > n, before);
}

/**
 * Does `action` (a key press, a drag) and waits until the page has drawn again and is complete: the
 * playground draws on the next frame, by itself, without a message from the host.
 */
export async function afterDraw(page: Page, action: () => Promise<void>): Promise<void> {
  const before = await page.evaluate(() => globalThis.__lens.rendered());
  await action();
  await page.waitForFunction((n) => {
    const body = (globalThis as unknown as { document: { body: { dataset: Record<string, string | undefined> } } }).document.body;
    return globalThis.__lens.rendered() > n && body.dataset.rendered === body.dataset.updates;
  }, before);
}

export async function posted(page: Page): Promise<FromWebview[]> {
  return page.evaluate(() => globalThis.__lens.posted);
}

export async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => globalThis.__lens.violations);
}

export async function pageErrors(page: Page): Promise<string[]> {
  return page.evaluate(() => globalThis.__lens.errors);
}

export function screenshotPath(name: string): string {
  return join(ROOT, 'test-results', 'webview', `${name}.png`);
}
