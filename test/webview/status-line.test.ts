// Issue 14 items 1 and 2 in real headless Chromium: a literal that cannot be read for a moment keeps
// its last figures, dimmed, under a quiet line that says why and where; a selection with no literal
// leaves the panel as it was with a hint; nothing is an alert, and the polite live region speaks once
// per new text; a different literal starts at the top while the same one, evaluated again, keeps the
// reader's place (the host numbers each literal it shows; lines typed above one do not make it another).
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { StatusLine, ToWebview } from '../../src/shared/protocol';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromiumSuite, posted, screenshotPath, send, updateFor, updateWith } from './harness';

const PAIR = '{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}';
const STALE: StatusLine = { kind: 'stale', message: 'The literal cannot be read as it is now — unbalanced brackets: "[" is never closed. Below, its last figures.', line: 4, column: 10 };

function withStatus(message: ToWebview, status: StatusLine): ToWebview {
  return message.type === 'update' ? { ...message, status } : message;
}

function asLiteral(message: ToWebview, literal: number): ToWebview {
  return message.type === 'update' ? { ...message, literal } : message;
}

/** The top of the page, for the note (test-results/webview/<name>.png). */
async function shot(page: Page, name: string): Promise<void> {
  const path = screenshotPath(name);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, clip: { x: 0, y: 0, width: 900, height: 420 } });
}

const entropy = (page: Page) => page.locator('.figure[data-key="entropy"] .value').innerText();
const opacity = (page: Page, selector: string) => page.locator(selector).first().evaluate((node) => Number(getComputedStyle(node).opacity));

/** Counts every text the live region is given, from now on. */
async function countAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const region = document.getElementById('status-announcer')!;
    const said: string[] = [];
    (globalThis as unknown as { __said: string[] }).__said = said;
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => (globalThis as unknown as { __said: string[] }).__said.slice());
}

describe('a panel that keeps up (Chromium)', function () {
  this.timeout(60_000);
  const chromium = chromiumSuite();
  let page: Page;
  beforeEach(() => {
    page = chromium.page;
  });

  it('keeps the last figures, dimmed, under the reason and its place; the place is a link to it', async () => {
    await send(page, updateFor('[0.25, 0.75]'));
    const before = await entropy(page);
    assert.equal(await page.locator('.status-line').isVisible(), false, 'nothing to say yet');
    assert.equal(await opacity(page, '.model'), 1);
    await send(page, withStatus(updateFor('[0.25, 0.75]'), STALE));
    const line = page.locator('.status-line');
    assert.equal(await line.getAttribute('data-status'), 'stale');
    assert.match(await line.innerText(), /cannot be read as it is now.*"\[" is never closed/);
    assert.equal(await entropy(page), before, 'the figures stay');
    assert.ok((await opacity(page, '.model')) < 0.8, 'the figures are dimmed');
    await shot(page, 'status-stale');
    await line.getByRole('button', { name: 'Go to line 4, column 10' }).click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'reveal' });
    // Read again: the line goes, the figures are bright.
    await send(page, updateFor('[0.25, 0.75]'));
    assert.equal(await line.isVisible(), false);
    assert.equal(await opacity(page, '.model'), 1);
  });

  it('says quietly that a selection holds no literal, and leaves the figures as they were', async () => {
    await send(page, updateFor('[0.25, 0.75]'));
    await send(page, withStatus(updateFor('[0.25, 0.75]'), { kind: 'hint', message: 'The selection holds no literal — showing the last one.' }));
    assert.equal(await page.locator('.status-line').innerText(), 'The selection holds no literal — showing the last one.');
    assert.equal(await opacity(page, '.model'), 1, 'a hint does not dim');
    await shot(page, 'status-hint');
    assert.equal(await page.locator('[role="alert"]').count(), 0);
  });

  it('announces politely, once per new text: never an alert, not again for the same words', async () => {
    const region = page.locator('#status-announcer');
    assert.equal(await region.getAttribute('aria-live'), 'polite');
    assert.equal(await region.getAttribute('role'), 'status');
    const said = await countAnnouncements(page);
    const error = updateWith({ kind: 'error', error: { message: 'element 1: "x" is a string, not a number', code: 'not-a-number', fileName: 'a.py', line: 2, column: 7 } });
    await send(page, error);
    await send(page, error);
    await send(page, updateFor('[0.25, 0.75]'));
    await send(page, withStatus(updateFor('[0.25, 0.75]'), STALE));
    await send(page, withStatus(updateFor('[0.25, 0.75]'), STALE));
    assert.equal(await page.locator('[role="alert"]').count(), 0, 'no alert anywhere');
    const texts = (await said()).filter((text) => text !== '');
    assert.deepEqual(texts, ['This selection could not be read: element 1: "x" is a string, not a number (a.py, line 2, column 7)', STALE.message]);
  });

  it('starts a different literal at the top; the same literal evaluated again keeps the scroll position', async () => {
    await send(page, updateFor(PAIR, { source: { fileName: 'a.py', line: 3, endLine: 3 } }));
    const height = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    assert.ok(height > 700, `the page scrolls (${height} px)`);
    await page.evaluate(() => window.scrollTo(0, 600));
    await page.waitForFunction(() => Math.abs(window.scrollY - 600) < 1);
    // The same literal in bits, and again with its last figures kept under a stale line: the reader stays.
    await send(page, updateFor(PAIR, { source: { fileName: 'a.py', line: 3, endLine: 3 }, unit: 'bits' }));
    assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - 600) < 2, 'same literal, other unit: same place');
    // Kept under a stale line: the line above adds its height, and the reader's place is kept (the
    // block on screen does not move), whether by the scroll position or Chromium's scroll anchoring.
    const top = () => page.locator('[data-block="identity"]').evaluate((node) => node.getBoundingClientRect().top);
    const before = await top();
    await send(page, withStatus(updateFor(PAIR, { source: { fileName: 'a.py', line: 3, endLine: 3 }, unit: 'bits' }), STALE));
    assert.ok((await page.evaluate(() => window.scrollY)) >= 600, 'same literal, stale: not back at the top');
    assert.ok(Math.abs((await top()) - before) < 2, `same literal, stale: the block read stays where it was (${before} → ${await top()})`);
    // Another literal (another line of the file): its heading is at the top.
    await send(page, updateFor(PAIR, { source: { fileName: 'a.py', line: 9, endLine: 9 } }));
    assert.equal(await page.evaluate(() => window.scrollY), 0);
  });

  it('keeps the place when the host says it is the same literal, moved down by lines typed above it', async () => {
    const at = (line: number, literal: number) => asLiteral(updateFor(PAIR, { source: { fileName: 'a.py', line, endLine: line } }), literal);
    await send(page, at(3, 7));
    await page.evaluate(() => window.scrollTo(0, 600));
    await page.waitForFunction(() => Math.abs(window.scrollY - 600) < 1);
    await send(page, at(5, 7));
    assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - 600) < 2, 'the same literal two lines lower: same place');
    await send(page, at(9, 8));
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'another literal: the top');
  });
});
