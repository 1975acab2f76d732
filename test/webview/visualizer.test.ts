// The built webview (dist/webview/visualizer.js) in real headless Chromium, under the panel's real
// CSP: the handshake, formulas, the loss preview, errors, hostile input, the keyboard and the themes.
// The charts have their own file (charts.test.ts).
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { PRELOADED_FONTS } from '../../src/extension/visualizer/html';
import { figuresOf } from '../../src/core/figures';
import { chromiumSuite, evaluate, posted, screenshotPath, send, updateFor, updateWith, violations } from './harness';

describe('visualizer webview (Chromium)', function () {
  this.timeout(60_000);
  const chromium = chromiumSuite();
  let page: Page;
  beforeEach(() => {
    page = chromium.page;
  });

  it('starts with the ready handshake and keeps the panel state the host sends', async () => {
    const first = await posted(page);
    assert.deepEqual(first, [{ type: 'ready' }]);
    await send(page, updateFor('[0.2, 0.8]'));
    const state = await page.evaluate(() => window.__lens.state);
    assert.equal(state?.version, 1);
    assert.equal(state.source?.uri, 'file:///work/a.py');
  });

  it('preloads exactly the KaTeX fonts its views draw with, each fetched once', async () => {
    await send(page, updateFor('{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}'));
    await send(page, updateFor('{"y": [1, 0, 1], "y_pred": [0.9, 0.2, 0.6]}', { view: 'loss' }));
    await send(page, updateFor('{"labels": [2, 0], "logits": [[0.1, 0.2, 3.0], [2.0, -1.0, 0.5]]}', { view: 'loss' }));
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const used = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family}-${f.style === 'italic' ? 'Italic' : 'Regular'}.woff2`).sort(),
    );
    assert.deepEqual(used, [...PRELOADED_FONTS].sort());
    // A preload whose CORS mode differs from the font request's is not reused: the file would come twice.
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()!).filter((name) => name.endsWith('.woff2')));
    for (const font of PRELOADED_FONTS) assert.equal(fetched.filter((name) => name === font).length, 1, `${font} fetched ${fetched.filter((name) => name === font).length} times`);
  });

  it('renders a pair: six figures, KaTeX without errors, both KL directions side by side, the identity', async () => {
    await send(page, updateFor('{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}'));
    assert.equal(await page.locator('.figure').count(), 6);
    assert.ok((await page.locator('.katex').count()) > 10);
    assert.equal(await page.locator('.katex-error').count(), 0);
    assert.equal(await page.locator('.kl-directions .side-by-side > .formula').count(), 2);
    assert.equal(await page.locator('.kl-directions [data-formula="klPQ"] .katex').count() > 0, true);
    assert.equal(await page.locator('.kl-directions [data-formula="klQP"] .katex').count() > 0, true);
    // The identity with numbers substituted: H(P,Q) − H(P) = D_KL(P‖Q) on these figures.
    const identity = await page.locator('[data-formula="identity"] .substituted annotation').textContent();
    assert.match(identity ?? '', /1\.0026 - 0\.801819 = 0\.200777/);
    const klPQ = await page.locator('.figure[data-key="klPQ"] .value').textContent();
    const klQP = await page.locator('.figure[data-key="klQP"] .value').textContent();
    assert.equal(klPQ, '0.200777');
    assert.equal(klQP, '0.227377');
    // The KaTeX fonts loaded from the webview's own origin (font-src allows them). A font loads in its
    // own time after the render that asked for it (send() does not wait for it): let the loads settle.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    assert.ok(await page.evaluate(() => document.fonts.check('16px KaTeX_Main')));
  });

  it('keeps both KL directions in one row in a half-width panel (480 and 420 px)', async () => {
    await send(page, updateFor('{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}'));
    for (const width of [480, 420]) {
      await page.setViewportSize({ width, height: 900 });
      // The page has the new width (the layout reads below lay it out as they read).
      await page.waitForFunction((w) => innerWidth === w, width);
      const boxes = await page.locator('.kl-directions .side-by-side > .formula').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
      assert.equal(boxes.length, 2);
      assert.equal(boxes[0].top, boxes[1].top, `at ${width} px the two cards share a row`);
      assert.ok(boxes[0].right <= boxes[1].left, `at ${width} px the cards sit side by side`);
      // A formula wider than its card scrolls inside the card: the page itself does not scroll sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `at ${width} px the page is not wider than the panel`);
    }
  });

  it('keeps unchanged formulas as they were and redraws only the changed ones on a new literal', async () => {
    await send(page, updateFor('{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}'));
    // Tag the live nodes: a node that survives the next update keeps its tag, a new one has none.
    await page.evaluate(() => {
      for (const node of document.querySelectorAll('.math, .figure .value')) (node as Element & { __old?: boolean }).__old = true;
    });
    await send(page, updateFor('{"p": [0.25, 0.25, 0.5], "q": [0.5, 0.25, 0.25]}'));
    const kept = (selector: string) => page.locator(selector).evaluate((node) => (node as Element & { __old?: boolean }).__old === true);
    assert.equal(await kept('[data-formula="klPQ"] > .math-display'), true, 'the symbolic KL formula is the same node');
    assert.equal(await kept('.figure[data-key="klPQ"] dt .math'), true, 'the figure label is the same node');
    assert.equal(await kept('[data-formula="klPQ"] .substituted .math'), false, 'the substituted formula is new');
    // ...and shows the new numbers, as does the kept figure cell: D_KL = ¼ ln 2 here.
    assert.match((await page.locator('[data-formula="identity"] .substituted annotation').textContent()) ?? '', /= 0\.173287$/);
    assert.equal(await page.locator('.figure[data-key="klPQ"] .value').textContent(), '0.173287');
    assert.equal(await page.locator('.katex-error').count(), 0);
    assert.equal(await page.locator('.figure').count(), 6);
    // A different kind of literal replaces what no longer fits: one card per figure of a distribution.
    await send(page, updateFor('[0.3, 0.7]'));
    assert.equal(await page.locator('.figure').count(), figuresOf(evaluate('[0.3, 0.7]')).length);
    assert.equal(await page.locator('.kl-directions').count(), 0);
    assert.equal(await page.locator('[data-chart="kl"]').count(), 0);
  });

  it('paints what is on screen first and builds the blocks below the fold right after', async () => {
    await page.setViewportSize({ width: 900, height: 500 });
    const literal = '{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}';
    // At the "painted" signal: which blocks are still placeholders, and whether any is on screen.
    const atPaint = await page.evaluate(
      (m) =>
        new Promise<{ deferred: string[]; onScreen: number; tables: number }>((resolve) => {
          document.addEventListener(
            'entropylens:painted',
            () => {
              const placeholders = [...document.querySelectorAll<HTMLElement>('[data-deferred]')];
              const onScreen = placeholders.filter((p) => {
                const r = p.getBoundingClientRect();
                return r.bottom > 0 && r.top < innerHeight;
              }).length;
              resolve({ deferred: placeholders.map((p) => p.dataset.deferred!), onScreen, tables: document.querySelectorAll('table').length });
            },
            { once: true },
          );
          window.__lens.send(m);
        }),
      updateFor(literal) as unknown,
    );
    assert.deepEqual(atPaint.deferred, ['charts', 'formulas'], 'the charts and the other formulas wait');
    assert.equal(atPaint.onScreen, 0, 'no placeholder inside the viewport when "painted" is signalled');
    assert.equal(atPaint.tables, 0);
    // Then the page completes by itself, without scrolling.
    await page.waitForFunction(() => document.body.dataset.rendered === document.body.dataset.updates);
    assert.equal(await page.locator('[data-deferred]').count(), 0);
    assert.equal(await page.locator('[data-chart="pq"] rect.bar').count(), 6);
    assert.equal(await page.locator('.formulas [data-formula="entropy"] .katex').count() > 0, true);
    // Scrolled down to the charts, a new update (say, a toggle) draws them at once and keeps the place.
    await page.locator('[data-chart="kl"]').scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => scrollY);
    assert.ok(scrolled > 0);
    const again = await page.evaluate(
      (m) =>
        new Promise<{ chartsDeferred: number; y: number }>((resolve) => {
          document.addEventListener('entropylens:painted', () => resolve({ chartsDeferred: document.querySelectorAll('.charts [data-deferred]').length, y: scrollY }), { once: true });
          window.__lens.send(m);
        }),
      updateFor(literal, { unit: 'bits' }) as unknown,
    );
    assert.equal(again.chartsDeferred, 0, 'the charts on screen are not replaced by a placeholder');
    assert.equal(again.y, scrolled, 'the page did not jump');
  });

  it('keeps hostile keys and file names as inert, visible text', async () => {
    const img = '<img src=x onerror=alert(1)>';
    const tex = String.raw`\href{javascript:alert(1)}{x}`;
    const literal = JSON.stringify({ [img]: 0.25, [tex]: 0.25, '$\\alert$': 0.5 });
    await send(page, updateFor(literal, { source: { fileName: `${img}.py`, line: 1, endLine: 1 } }));
    await page.waitForTimeout(200);
    assert.equal(await page.locator('img').count(), 0, 'no <img> was created');
    assert.equal(await page.locator('a[href^="javascript"]').count(), 0);
    assert.equal(await page.evaluate(() => window.__lens.dialogs ?? 0), 0, 'no alert');
    assert.equal(await page.locator('.file-name').textContent(), `${img}.py`);
    await page.locator('[data-chart="pq"] details summary').click();
    // The table is built on the details' toggle event, which fires after the click returns.
    await page.locator('[data-chart="pq"] table.data').waitFor();
    const rows = await page.locator('[data-chart="pq"] table.data tbody th').allTextContents();
    assert.deepEqual(rows, [img, tex, '$\\alert$']);
    const body = await page.locator('body').innerText();
    assert.ok(body.includes(`${img}.py`), 'the file name is visible as text');
    // The labels never went through TeX: no KaTeX node carries them.
    const inKatex = await page.locator('.katex').evaluateAll((nodes, key) => nodes.some((n) => (n.textContent ?? '').includes(key)), 'javascript');
    assert.equal(inKatex, false);
  });

  it('says each thing once: the identity heading, the loss reason, the loss formula', async () => {
    await send(page, updateFor('{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}'));
    assert.equal(await page.locator('.identity h2').textContent(), 'KL divergence is cross-entropy minus entropy');
    assert.equal(await page.locator('.identity h3').count(), 0, 'the card does not repeat the heading');
    await send(page, updateFor('{"y": [1, 0, 1, 1], "y_pred": [0.9, 0.2, 0.6, 0.99]}'));
    const reason = ((await page.locator('.distribution .reason').textContent()) ?? '').replace(/^Why: /, '');
    assert.match(reason, /0 or 1/);
    const notes = await page.locator('.read .notes li').allTextContents();
    assert.ok(!notes.some((n) => n.toLowerCase().includes(reason.toLowerCase())), `the reason is not also a note: ${notes.join(' | ')}`);
    // "The loss on these numbers" shows the numbers substituted; the general formula is step 3 above.
    const card = page.locator('.loss-formula [data-formula]');
    assert.equal(await card.locator('.math-display').count(), 1);
    assert.match((await card.locator('annotation').textContent()) ?? '', /0\.9/);
    const step3 = (await page.locator('.derivation [data-step="2"] annotation').textContent()) ?? '';
    assert.notEqual(await card.locator('annotation').textContent(), step3);
  });

  it('previews BCE: Bernoulli, the derivation with captions, per-sample bars and −log p marks', async () => {
    await send(page, updateFor('{"y": [1, 0, 1, 1], "y_pred": [0.9, 0.2, 0.6, 0.99]}'));
    assert.match((await page.locator('.distribution h2').textContent()) ?? '', /Bernoulli/);
    assert.match((await page.locator('.distribution .reason').textContent()) ?? '', /0 or 1/);
    assert.equal(await page.locator('.derivation .steps > li').count(), 4);
    assert.equal(await page.locator('.derivation .steps > li .step-caption').count(), 4);
    assert.equal(await page.locator('.derivation .katex').count() >= 4, true);
    assert.equal(await page.locator('[data-chart="perSample"] rect.bar').count(), 4);
    assert.equal(await page.locator('[data-chart="lossCurve"] circle.mark').count(), 4);
    assert.equal(await page.locator('.katex-error').count(), 0);
  });

  it('shows two-class CCE = BCE, and both halves of the Normal NLL', async () => {
    await send(page, updateFor('{"y": [0, 1], "logits": [[2, 1], [0.5, 1.5]]}'));
    assert.match((await page.locator('.distribution h2').textContent()) ?? '', /Multinoulli/);
    assert.equal(await page.locator('.equivalence').count(), 1);
    assert.match((await page.locator('.equivalence annotation').textContent()) ?? '', /CCE\}\} = 0\.313262 .*BCE\}\} = 0\.313262/);
    await send(page, updateFor('{"y": [1.5, 2, -1], "yhat": [1.2, 2.4, 0]}'));
    assert.match((await page.locator('.distribution h2').textContent()) ?? '', /Normal/);
    const nll = (await page.locator('.equivalence annotation').textContent()) ?? '';
    assert.match(nll, /\\tfrac12 \\ln 2\\pi\}_\{0\.918939\}/);
    assert.match(nll, /\\tfrac12\\,\\mathrm\{MSE\}\}_\{/);
    assert.equal(await page.locator('[data-chart="lossCurve"] path.line').count(), 2, 'MSE parabola and the NLL');
    assert.equal(await page.locator('[data-chart="lossCurve"] circle.mark').count(), 3);
  });

  it('shows a malformed selection as an error with its message and line/column', async () => {
    await send(page, updateWith({ kind: 'error', error: { message: 'element 2: "x" is a string, not a number', code: 'not-a-number', fileName: 'data.json', line: 3, column: 5 } }));
    // Quiet (issue 14): no alert box; the polite status region says it once (test/webview/status-line.test.ts).
    assert.equal(await page.locator('[role="alert"]').count(), 0);
    const alert = page.locator('section.error');
    assert.match((await alert.textContent()) ?? '', /"x" is a string/);
    assert.match((await alert.textContent()) ?? '', /data\.json, line 3, column 5/);
    await alert.locator('button').click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'reveal' });
  });

  // The toolbar's keyboard, layout and names: toolbar.test.ts.

  it('ignores messages that are not the protocol', async () => {
    await send(page, updateFor('[0.2, 0.8]'));
    await page.evaluate(() => window.__lens.send({ type: 'update', content: '<img src=x onerror=alert(1)>' }));
    await page.evaluate(() => window.__lens.send('<b>hi</b>'));
    // Still the distribution's figures, one card each.
    assert.equal(await page.locator('.figure').count(), figuresOf(evaluate('[0.2, 0.8]')).length);
    assert.equal(await page.locator('img, b').count(), 0);
  });

  it('looks right in dark, light and high-contrast themes (screenshots in test-results/webview)', async function () {
    this.timeout(240_000);
    const long = `[${Array.from({ length: 10_000 }, (_, i) => (i === 5 ? 1000 : (i % 7) + 1)).join(', ')}]`;
    const literals: [string, string][] = [
      ['pair', '{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}'],
      ['bce', '{"y": [1, 0, 1, 1], "y_pred": [0.9, 0.2, 0.6, 0.99]}'],
      ['cce', '{"y": [0, 2, 1], "logits": [[2, 1, 0.1], [0.5, 0.2, 1.5], [0.3, 2.2, 0.1]]}'],
      ['mse', '{"y": [1.5, 2, -1], "yhat": [1.2, 2.4, 0]}'],
      ['long', long],
    ];
    for (const theme of ['dark', 'light', 'high-contrast'] as const) {
      for (const [name, literal] of literals) {
        const themed = await chromium.harness.open(theme);
        await send(themed, updateFor(literal));
        // The page background comes from the theme variable, not a default.
        const background = await themed.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.equal(background, theme === 'light' ? 'rgb(255, 255, 255)' : theme === 'dark' ? 'rgb(31, 31, 31)' : 'rgb(0, 0, 0)');
        // Nothing sticks out of the page sideways: wide formulas and charts scroll inside their box.
        const overflow = await themed.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `${name} (${theme}) is wider than the panel`);
        // The whole page in one viewport, so off-screen sections (content-visibility: auto) are painted.
        const height = await themed.evaluate(() => document.documentElement.scrollHeight);
        const tall = Math.min(height, 6000);
        await themed.setViewportSize({ width: 900, height: tall });
        // Chromium un-skips a section that came into view in a frame after the resize: wait until no
        // section inside the viewport is still skipped (its heading is hidden by content-visibility).
        await themed.waitForFunction(
          (h) => innerHeight === h && [...document.querySelectorAll('.block')].every((block) => block.getBoundingClientRect().top >= h || block.querySelector('h2')!.checkVisibility({ contentVisibilityAuto: true })),
          tall,
        );
        const path = screenshotPath(`${name}-${theme === 'high-contrast' ? 'hc' : theme}`);
        mkdirSync(dirname(path), { recursive: true });
        await themed.screenshot({ path, fullPage: true });
        assert.deepEqual(await violations(themed), []);
        await themed.close();
      }
    }
  });
});
