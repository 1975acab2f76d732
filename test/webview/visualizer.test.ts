// The built webview (dist/webview/visualizer.js) in real headless Chromium, under the panel's real
// CSP: formulas, charts, the loss preview, errors, hostile input and the keyboard.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { PRELOADED_FONTS } from '../../src/extension/visualizer/html';
import { MAX_BARS } from '../../src/extension/visualizer/view-model/bars';
import { pageErrors, posted, screenshotPath, send, startHarness, updateFor, updateWith, violations, type Harness } from './harness';

describe('visualizer webview (Chromium)', function () {
  this.timeout(60_000);
  let harness: Harness;
  let page: Page;

  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    page = await harness.open('dark');
  });
  afterEach(async function () {
    // Every test, whatever it drew: the strict CSP blocked nothing and no script failed.
    assert.deepEqual(await violations(page), [], 'CSP violations');
    assert.deepEqual(await pageErrors(page), [], 'page errors');
    if (this.currentTest?.state === 'failed') {
      const path = screenshotPath(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
      mkdirSync(dirname(path), { recursive: true });
      await page.screenshot({ path, fullPage: true });
    }
    await page.close();
  });

  it('starts with the ready handshake and keeps the panel state the host sends', async () => {
    const first = await posted(page);
    assert.deepEqual(first, [{ type: 'ready' }]);
    await send(page, updateFor('[0.2, 0.8]'));
    const state = await page.evaluate(() => (window as any).__lens.state);
    assert.equal(state.version, 1);
    assert.equal(state.source.uri, 'file:///work/a.py');
  });

  it('preloads exactly the KaTeX fonts its views draw with, each fetched once', async () => {
    await send(page, updateFor('{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}'));
    await send(page, updateFor('{"y": [1, 0, 1], "y_pred": [0.9, 0.2, 0.6]}', { view: 'loss' }));
    await send(page, updateFor('{"labels": [2, 0], "logits": [[0.1, 0.2, 3.0], [2.0, -1.0, 0.5]]}', { view: 'loss' }));
    await page.evaluate(() => (document as any).fonts.ready);
    const used = await page.evaluate(() =>
      [...(document as any).fonts].filter((f: any) => f.status === 'loaded').map((f: any) => `${f.family}-${f.style === 'italic' ? 'Italic' : 'Regular'}.woff2`).sort(),
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
      assert.equal(boxes[0]!.top, boxes[1]!.top, `at ${width} px the two cards share a row`);
      assert.ok(boxes[0]!.right <= boxes[1]!.left, `at ${width} px the cards sit side by side`);
      // A formula wider than its card scrolls inside the card: the page itself does not scroll sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `at ${width} px the page is not wider than the panel`);
    }
  });

  it('draws grouped P/Q bars and signed KL-term bars with one label per element, and a data table', async () => {
    await send(page, updateFor('{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}'));
    const pq = page.locator('[data-chart="pq"]');
    assert.equal(await pq.locator('rect.bar').count(), 6);
    assert.equal(await pq.locator('rect.bar.series-0').count(), 3);
    assert.equal(await pq.locator('rect.bar.series-1').count(), 3);
    assert.deepEqual(await pq.locator('text.x-label').allTextContents(), ['0', '1', '2']);
    // Single-character labels stand upright under their group.
    assert.deepEqual(await pq.locator('text.x-label').evaluateAll((ts) => ts.map((t) => t.getAttribute('transform'))), [null, null, null]);
    // The data table is built when its <details> opens: closed, only the summary is there, and the
    // keyboard (and so a screen reader) reaches it; Enter opens it and the rows appear.
    assert.equal(await pq.locator('table').count(), 0, 'no table before the details opens');
    const summary = pq.locator('details.data-table summary');
    assert.equal(await summary.textContent(), 'Data table (3 rows)');
    await summary.focus();
    await page.keyboard.press('Enter');
    await pq.locator('table.data').waitFor();
    assert.equal(await pq.locator('table.data tbody tr').count(), 3);
    assert.deepEqual(await pq.locator('table.data tbody th').allTextContents(), ['0', '1', '2']);
    assert.deepEqual(await pq.locator('table.data tbody tr').first().locator('td').allTextContents(), ['0.1', '0.3']);
    // Closing and opening again does not build a second table. The `open` attribute flips during the
    // key press, but the toggle events (whose handler builds the table) fire after it: read once the
    // reopening one has fired (the two may be coalesced into one, which says "open" too).
    await pq.locator('details.data-table').evaluate((details) => {
      const toggles: string[] = ((window as any).__toggles = []);
      details.addEventListener('toggle', (event) => toggles.push((event as ToggleEvent).newState));
    });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as any).__toggles.at(-1) === 'open' && document.querySelector('[data-chart="pq"] details')!.hasAttribute('open'));
    assert.equal(await pq.locator('table').count(), 1);
    const kl = page.locator('[data-chart="kl"]');
    assert.equal(await kl.locator('rect.bar').count(), 6);
    // p₀ log(p₀/q₀) < 0 here: its bar hangs below the zero line, the others stand on it.
    const bars = await kl.locator('rect.bar.series-0').evaluateAll((rects) => rects.map((r) => ({ y: Number(r.getAttribute('y')), h: Number(r.getAttribute('height')) })));
    const axis = await kl.locator('line.axis').evaluate((l) => Number(l.getAttribute('y1')));
    assert.ok(Math.abs(bars[0]!.y - axis) < 0.5, 'negative term starts at the axis');
    assert.ok(Math.abs(bars[2]!.y + bars[2]!.h - axis) < 0.5, 'positive term ends at the axis');
    assert.equal(await page.locator('svg.chart[role="img"][aria-label]').count(), 2);
  });

  it('paints Q opaque and contrasting even where the theme’s charts-orange is translucent', async function () {
    this.timeout(120_000);
    // The colour a node is painted with, as RGBA bytes: drawn on a canvas, so any CSS colour syntax
    // (rgb(), color(srgb …), color-mix()) comes out the same way.
    const paint = (locator: ReturnType<Page['locator']>, property: 'fill' | 'backgroundColor') =>
      locator.evaluate((node, prop) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 1;
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = getComputedStyle(node)[prop as 'fill'];
        ctx.fillRect(0, 0, 1, 1);
        return [...ctx.getImageData(0, 0, 1, 1).data];
      }, property);
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    for (const theme of ['dark', 'light', 'high-contrast'] as const) {
      for (const modern of [false, true]) {
        const themed = await harness.open(theme);
        if (modern) await themed.evaluate(() => document.body.classList.add('modern-theme'));
        await send(themed, updateFor('{"p": [0.4, 0.6], "q": [0.5, 0.5]}'));
        const background = await paint(themed.locator('body'), 'backgroundColor');
        const what = `${theme}${modern ? ' (modern, translucent charts-orange)' : ''}`;
        for (const [name, locator, property] of [
          ['Q bar', themed.locator('[data-chart="pq"] rect.bar.series-1').first(), 'fill'],
          ['Q legend swatch', themed.locator('[data-chart="pq"] .legend .swatch.series-1'), 'backgroundColor'],
          ['D_KL(Q‖P) term bar', themed.locator('[data-chart="kl"] rect.bar.series-1').first(), 'fill'],
          ['P bar', themed.locator('[data-chart="pq"] rect.bar.series-0').first(), 'fill'],
          ['Q mark', themed.locator('[data-chart="binaryEntropy"] circle.mark').last(), 'fill'],
        ] as const) {
          const rgba = await paint(locator, property);
          assert.equal(rgba[3], 255, `${name} is opaque in ${what}: ${rgba.join(', ')}`);
          assert.ok(contrast(rgba, background) >= 3, `${name} contrasts with the background in ${what}: ${contrast(rgba, background).toFixed(2)}`);
        }
        assert.deepEqual(await violations(themed), []);
        await themed.close();
      }
    }
  });

  it('puts axis ticks at round numbers, the axis reaching the first tick above the largest value', async () => {
    // Ticks of one chart's value axis (the y ticks: right-aligned, left of the plot), as numbers.
    const ticksOf = async (chart: string) =>
      (await page.locator(`[data-chart="${chart}"] text.tick[text-anchor="end"]:not(.reference-label):not(.broken-label)`).allTextContents()).map((t) => Number(t.replace('−', '-'))).sort((a, b) => a - b);
    const assertRound = (ticks: number[], max: number, what: string) => {
      assert.ok(ticks.length >= 3, `${what}: ${ticks.join(', ')}`);
      const step = ticks[1]! - ticks[0]!;
      const mantissa = Number((step / Math.pow(10, Math.floor(Math.log10(step)))).toPrecision(6));
      assert.ok([1, 2, 2.5, 5].includes(mantissa), `${what}: step ${step} is 1, 2, 2.5 or 5 × 10^k (${ticks.join(', ')})`);
      for (const [k, t] of ticks.entries()) {
        assert.ok(Math.abs(t / step - Math.round(t / step)) < 1e-6, `${what}: ${t} is a multiple of ${step}`);
        if (k > 0) assert.ok(Math.abs(t - ticks[k - 1]! - step) < step * 1e-6, `${what}: evenly spaced (${ticks.join(', ')})`);
      }
      assert.ok(ticks.at(-1)! > max, `${what}: the top tick ${ticks.at(-1)} is above the largest value ${max}`);
    };
    await send(page, updateFor('{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}'));
    assert.deepEqual(await ticksOf('pq'), [0, 0.2, 0.4, 0.6, 0.8]);
    assert.deepEqual(await ticksOf('kl'), [-0.4, -0.2, 0, 0.2, 0.4]);
    await send(page, updateFor('{"p": [0.4, 0.6], "q": [0.5, 0.5]}'));
    assertRound(await ticksOf('pq'), 0.6, 'P and Q');
    assertRound(await ticksOf('kl'), 0.112, 'KL terms');
    assertRound(await ticksOf('binaryEntropy'), Math.LN2, 'binary entropy');
    assert.deepEqual(await page.locator('[data-chart="binaryEntropy"] text.tick[text-anchor="middle"]').allTextContents(), ['0', '0.25', '0.5', '0.75', '1']);
    // The largest squared error is exactly 1: the axis still goes one round step beyond it.
    await send(page, updateFor('{"y": [1.5, 2, -1], "yhat": [1.2, 2.4, 0]}'));
    assertRound(await ticksOf('perSample'), 1, 'per-sample MSE');
    await send(page, updateFor('{"y": [1, 0, 1, 1], "y_pred": [0.9, 0.2, 0.6, 0.99]}'));
    assertRound(await ticksOf('perSample'), -Math.log(0.6), 'per-sample BCE');
    assertRound(await ticksOf('lossCurve'), -Math.log(0.6), 'loss curve');
  });

  it('marks p on the binary-entropy curve for a two-element distribution', async () => {
    await send(page, updateFor('[0.3, 0.7]'));
    const curve = page.locator('[data-chart="binaryEntropy"]');
    assert.equal(await curve.locator('path.line').count(), 1);
    assert.equal(await curve.locator('circle.mark').count(), 1);
    assert.deepEqual(await curve.locator('text.mark-label').allTextContents(), ['P']);
    assert.equal(await page.locator('[data-chart="pq"] rect.bar').count(), 2);
  });

  it('names the P and Q dots on the binary-entropy curve, beside the dots and in the legend', async () => {
    await send(page, updateFor('{"p": [0.4, 0.6], "q": [0.5, 0.5]}'));
    const curve = page.locator('[data-chart="binaryEntropy"]');
    assert.equal(await curve.locator('circle.mark').count(), 2);
    const dots = await curve.locator('circle.mark').evaluateAll((cs) => cs.map((c) => ({ cls: c.getAttribute('class'), x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) })));
    const labels = await curve.locator('text.mark-label').evaluateAll((ts) => ts.map((t) => ({ text: t.textContent, cls: t.getAttribute('class'), box: (({ x, y, width, height }) => ({ x, y, width, height }))((t as SVGTextElement).getBBox()) })));
    assert.deepEqual(labels.map((l) => l.text).sort(), ['P', 'Q']);
    // Each name sits next to its own dot (within 20 px), in the dot's colour class, and the two do not overlap.
    for (const [name, series] of [['P', 'series-0'], ['Q', 'series-1']] as const) {
      const dot = dots.find((d) => d.cls?.includes(series))!;
      const label = labels.find((l) => l.text === name)!;
      assert.ok(label.cls?.includes(series), `${name} label coloured as ${series}`);
      const dx = Math.max(label.box.x - dot.x, dot.x - (label.box.x + label.box.width), 0);
      const dy = Math.max(label.box.y - dot.y, dot.y - (label.box.y + label.box.height), 0);
      assert.ok(Math.hypot(dx, dy) < 20, `${name} label is beside its dot (${dx}, ${dy})`);
    }
    const [a, b] = labels.map((l) => l.box);
    assert.ok(a!.x + a!.width <= b!.x || b!.x + b!.width <= a!.x, 'the two names do not overlap');
    const legend = await curve.locator('.legend li').allTextContents();
    assert.deepEqual(legend, ['H(p)', 'p = 0.6 (P)', 'q = 0.5 (Q)']);
  });

  it('summarises 10,000 elements into the largest bars plus "the other N"', async () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (i === 5 ? 1000 : (i % 7) + 1));
    await send(page, updateFor(`[${values.join(', ')}]`));
    const labels = await page.locator('[data-chart="pq"] text.x-label').allTextContents();
    assert.equal(labels.length, MAX_BARS);
    assert.ok(labels.includes('5'), `the dominant element is kept: ${labels.join(' ')}`);
    assert.equal(await page.locator('[data-chart="pq"] text.x-label.other').textContent(), 'the other 9,969');
    assert.equal(await page.locator('[data-chart="pq"] rect.bar').count(), MAX_BARS);
    // The folded bar holds ~97 % of the mass: the axis fits the kept bars and the folded one is drawn
    // broken with its value, so the kept bars stay visible (the tallest reaches most of the plot).
    const pq = page.locator('[data-chart="pq"]');
    assert.equal(await pq.locator('line.bar-break').count(), 2);
    assert.equal(await pq.locator('text.broken-label').textContent(), await page.locator('[data-chart="pq"] rect.bar.other title').evaluate((t) => t.textContent!.split(' = ')[1]));
    const tallest = await pq.locator('rect.bar:not(.other)').evaluateAll((rects) => Math.max(...rects.map((r) => Number(r.getAttribute('height')))));
    assert.ok(tallest > 150, `the largest kept bar is ${tallest} px tall`);
    // 32 groups fit a 900 px page without scrolling the chart.
    assert.ok(Number(await pq.locator('svg').getAttribute('width')) <= 868);
  });

  it('keeps unchanged formulas as they were and redraws only the changed ones on a new literal', async () => {
    await send(page, updateFor('{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}'));
    // Tag the live nodes: a node that survives the next update keeps its tag, a new one has none.
    await page.evaluate(() => {
      for (const node of document.querySelectorAll('.math, .figure .value')) (node as any).__old = true;
    });
    await send(page, updateFor('{"p": [0.25, 0.25, 0.5], "q": [0.5, 0.25, 0.25]}'));
    const kept = (selector: string) => page.locator(selector).evaluate((node) => (node as any).__old === true);
    assert.equal(await kept('[data-formula="klPQ"] > .math-display'), true, 'the symbolic KL formula is the same node');
    assert.equal(await kept('.figure[data-key="klPQ"] dt .math'), true, 'the figure label is the same node');
    assert.equal(await kept('[data-formula="klPQ"] .substituted .math'), false, 'the substituted formula is new');
    // ...and shows the new numbers, as does the kept figure cell: D_KL = ¼ ln 2 here.
    assert.match((await page.locator('[data-formula="identity"] .substituted annotation').textContent()) ?? '', /= 0\.173287$/);
    assert.equal(await page.locator('.figure[data-key="klPQ"] .value').textContent(), '0.173287');
    assert.equal(await page.locator('.katex-error').count(), 0);
    assert.equal(await page.locator('.figure').count(), 6);
    // A different kind of literal replaces what no longer fits: one distribution has two figures.
    await send(page, updateFor('[0.3, 0.7]'));
    assert.equal(await page.locator('.figure').count(), 2);
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
          (window as any).__lens.send(m);
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
          (window as any).__lens.send(m);
        }),
      updateFor(literal, { unit: 'bits' }) as unknown,
    );
    assert.equal(again.chartsDeferred, 0, 'the charts on screen are not replaced by a placeholder');
    assert.equal(again.y, scrolled, 'the page did not jump');
  });

  it('shows infinite KL as ∞ with its element, and an infinite bar', async () => {
    await send(page, updateFor('[[0.5, 0.5], [1, 0]]'));
    assert.equal(await page.locator('.figure[data-key="klPQ"] .value').textContent(), '∞');
    assert.match((await page.locator('.figure[data-key="klPQ"] .cause').textContent()) ?? '', /element 1/);
    assert.equal(await page.locator('[data-chart="kl"] rect.bar.infinite').count(), 1);
    assert.equal(await page.locator('.katex-error').count(), 0);
  });

  it('keeps hostile keys and file names as inert, visible text', async () => {
    const img = '<img src=x onerror=alert(1)>';
    const tex = String.raw`\href{javascript:alert(1)}{x}`;
    const literal = JSON.stringify({ [img]: 0.25, [tex]: 0.25, '$\\alert$': 0.5 });
    await send(page, updateFor(literal, { source: { fileName: `${img}.py`, line: 1, endLine: 1 } }));
    await page.waitForTimeout(200);
    assert.equal(await page.locator('img').count(), 0, 'no <img> was created');
    assert.equal(await page.locator('a[href^="javascript"]').count(), 0);
    assert.equal(await page.evaluate(() => (window as any).__lens.dialogs ?? 0), 0, 'no alert');
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
    const alert = page.locator('[role="alert"]');
    assert.match((await alert.textContent()) ?? '', /"x" is a string/);
    assert.match((await alert.textContent()) ?? '', /data\.json, line 3, column 5/);
    await alert.locator('button').click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'reveal' });
  });

  it('reaches the toggles with Tab and works them with Enter and Space, focus visible', async () => {
    await send(page, updateFor('[0.2, 0.8]'));
    const reach = async (selector: string) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      assert.fail(`Tab never reached ${selector}`);
    };
    await reach('button[data-toggle="unit"][data-value="bits"]');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).at(-1), { type: 'setUnit', unit: 'bits' });
    await reach('button[data-toggle="interpretation"][data-value="logits"]');
    await page.keyboard.press('Space');
    assert.deepEqual((await posted(page)).at(-1), { type: 'setInterpretation', interpretation: 'logits' });
    await reach('button.lock');
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).at(-1), { type: 'setLocked', locked: true });
    // The host answers with a new update; focus stays on the same control across the re-render.
    await send(page, updateFor('[0.2, 0.8]', { unit: 'bits' }));
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.focus), 'lock');
    assert.equal(await page.locator('button[data-toggle="unit"][data-value="bits"]').getAttribute('aria-pressed'), 'true');
  });

  it('keeps the toolbar compact at half width, the copy actions grouped and reachable by keyboard', async () => {
    await page.setViewportSize({ width: 490, height: 900 });
    await send(page, updateFor('{"p": [0.4, 0.6], "q": [0.5, 0.5]}'));
    const rows = await page.locator('.toolbar button').evaluateAll((buttons) => new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top))).size);
    assert.ok(rows <= 4, `the toolbar takes ${rows} rows at 490 px`);
    const copy = page.locator('.toolbar [role="group"][aria-label="Copy"] button');
    assert.deepEqual(await copy.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label'))), ['Copy figures (Markdown)', 'Copy LaTeX']);
    const tops = await page.locator('.toolbar button.lock, .toolbar [aria-label="Copy"] button').evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().top)));
    assert.equal(new Set(tops).size, 1, 'the lock and both copy buttons share a row: Copy LaTeX is not alone');
    // Real buttons: Tab reaches them, the focus ring shows, Enter works them.
    for (const [focus, message] of [['copyMarkdown', { type: 'copyMarkdown' }], ['copyLatex', { type: 'copyLatex' }]] as const) {
      for (let i = 0; i < 40 && (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focus)) !== focus; i++) await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.focus), focus);
      assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle), 'none');
      await page.keyboard.press('Enter');
      assert.deepEqual((await posted(page)).at(-1), message);
    }
  });

  it('ignores messages that are not the protocol', async () => {
    await send(page, updateFor('[0.2, 0.8]'));
    await page.evaluate(() => (window as any).__lens.send({ type: 'update', content: '<img src=x onerror=alert(1)>' }));
    await page.evaluate(() => (window as any).__lens.send('<b>hi</b>'));
    assert.equal(await page.locator('.figure').count(), 2);
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
        const themed = await harness.open(theme);
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
