// The visualizer's charts in real headless Chromium, from the view model the host builds: grouped and
// signed bars with their data tables, theme colours, round axis ticks, the binary-entropy curve, long
// vectors folded into "the other N", and infinite values.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { MAX_BARS } from '../../src/shared/model/bars';
import { afterDraw, chromiumSuite, send, updateFor, violations } from './harness';

describe('visualizer charts (Chromium)', function () {
  this.timeout(60_000);
  const chromium = chromiumSuite();
  let page: Page;
  beforeEach(() => {
    page = chromium.page;
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
      const toggles: string[] = ((window as unknown as { __toggles: string[] }).__toggles = []);
      details.addEventListener('toggle', (event) => toggles.push((event as ToggleEvent).newState));
    });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as { __toggles: string[] }).__toggles.at(-1) === 'open' && document.querySelector('[data-chart="pq"] details')!.hasAttribute('open'));
    assert.equal(await pq.locator('table').count(), 1);
    const kl = page.locator('[data-chart="kl"]');
    assert.equal(await kl.locator('rect.bar').count(), 6);
    // p₀ log(p₀/q₀) < 0 here: its bar hangs below the zero line, the others stand on it.
    const bars = await kl.locator('rect.bar.series-0').evaluateAll((rects) => rects.map((r) => ({ y: Number(r.getAttribute('y')), h: Number(r.getAttribute('height')) })));
    const axis = await kl.locator('line.axis').evaluate((l) => Number(l.getAttribute('y1')));
    assert.ok(Math.abs(bars[0].y - axis) < 0.5, 'negative term starts at the axis');
    assert.ok(Math.abs(bars[2].y + bars[2].h - axis) < 0.5, 'positive term ends at the axis');
    // Pictures are images with a label; the P/Q bars can be dragged, so they are a group of sliders;
    // a curve is a group whose marked points are images named by their titles.
    assert.equal(await page.locator('[data-chart="pq"] svg.chart[role="group"][aria-label]').count(), 1);
    assert.equal(await pq.locator('rect.bar[role="slider"]').count(), 6);
    assert.deepEqual(
      await page.locator('svg.chart[role="img"][aria-label]').evaluateAll((svgs) => svgs.map((s) => s.closest('[data-chart]')?.getAttribute('data-chart') ?? s.getAttribute('class'))),
      ['chart decomposition', 'kl'],
    );
    const temperature = page.locator('[data-chart="temperature"] svg.chart[role="group"][aria-label]');
    assert.equal(await temperature.count(), 1);
    assert.deepEqual(
      await temperature.locator('circle.mark').evaluateAll((dots) => dots.map((d) => [d.getAttribute('role'), d.querySelector('title')?.textContent?.split(' at ')[0]])),
      [['img', 'H(P)'], ['img', 'H(Q)'], ['img', 'D_KL(P‖Q)'], ['img', 'D_KL(Q‖P)']],
    );
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
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    for (const theme of ['dark', 'light', 'high-contrast'] as const) {
      for (const modern of [false, true]) {
        const themed = await chromium.harness.open(theme);
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
      const step = ticks[1] - ticks[0];
      const mantissa = Number((step / Math.pow(10, Math.floor(Math.log10(step)))).toPrecision(6));
      assert.ok([1, 2, 2.5, 5].includes(mantissa), `${what}: step ${step} is 1, 2, 2.5 or 5 × 10^k (${ticks.join(', ')})`);
      for (const [k, t] of ticks.entries()) {
        assert.ok(Math.abs(t / step - Math.round(t / step)) < 1e-6, `${what}: ${t} is a multiple of ${step}`);
        if (k > 0) assert.ok(Math.abs(t - ticks[k - 1] - step) < step * 1e-6, `${what}: evenly spaced (${ticks.join(', ')})`);
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
    assert.ok(a.x + a.width <= b.x || b.x + b.width <= a.x, 'the two names do not overlap');
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
    assert.equal(await pq.locator('text.broken-label').textContent(), await page.locator('[data-chart="pq"] rect.bar.other title').evaluate((t) => t.textContent.split(' = ')[1]));
    const tallest = await pq.locator('rect.bar:not(.other)').evaluateAll((rects) => Math.max(...rects.map((r) => Number(r.getAttribute('height')))));
    assert.ok(tallest > 150, `the largest kept bar is ${tallest} px tall`);
    // 32 groups fit a 900 px page without scrolling the chart.
    assert.ok(Number(await pq.locator('svg').getAttribute('width')) <= 868);
  });

  it('shows infinite KL as ∞ with its element, and an infinite bar', async () => {
    await send(page, updateFor('[[0.5, 0.5], [1, 0]]'));
    assert.equal(await page.locator('.figure[data-key="klPQ"] .value').textContent(), '∞');
    assert.match((await page.locator('.figure[data-key="klPQ"] .cause').textContent()) ?? '', /element 1/);
    assert.equal(await page.locator('[data-chart="kl"] rect.bar.infinite').count(), 1);
    assert.equal(await page.locator('.katex-error').count(), 0);
  });

  it('draws the folded bar of a 40-element pair whose Q is 0 at 35 elements as ∞, never NaN', async () => {
    // Q is positive at elements 3, 11, 19, 27 and 39: the other 35 KL(P‖Q) terms are +∞, the 31 kept
    // bars are 31 of them, and "the other 9" holds four more, so its D_KL(P‖Q) term is +∞ too.
    const q = Array.from({ length: 40 }, (_, i) => ({ 3: 0.1, 11: 0.2, 19: 0.3, 27: 0.15, 39: 0.25 })[i] ?? 0);
    await send(page, updateFor(`[[${q.map((_, i) => i + 1).join(', ')}], [${q.join(', ')}]]`));
    const kl = page.locator('[data-chart="kl"]');
    assert.equal(await kl.locator('text.x-label.other').textContent(), 'the other 9');
    const folded = kl.locator('rect.bar.other');
    assert.deepEqual(await folded.evaluateAll((rects) => rects.map((r) => r.classList.contains('infinite'))), [true, false]);
    assert.match((await folded.first().locator('title').textContent()) ?? '', /= ∞$/);
    assert.equal(await kl.locator('text.infinite-label').count(), MAX_BARS);
    assert.doesNotMatch((await kl.textContent()) ?? '', /NaN/);
  });
  it('draws every chart across the panel: full width at 1,400 px, no sideways scrolling at 400 px, laid out again on resize', async function () {
    this.timeout(120_000);
    const long = `[${Array.from({ length: 10_000 }, (_, i) => (i === 5 ? 1000 : (i % 7) + 1)).join(', ')}]`;
    // Each chart's SVG: its drawn width, the width of the box it sits in, whether that box scrolls
    // sideways, and the height of its first tick label (text must not scale with the chart).
    const measure = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<SVGSVGElement>('svg[data-layout]')].map((svg) => {
          const box = svg.parentElement!;
          const text = svg.querySelector('text.tick');
          return {
            key: svg.getAttribute('data-layout')!,
            width: svg.getBoundingClientRect().width,
            viewBox: svg.viewBox.baseVal.width,
            room: box.clientWidth,
            scrolls: box.scrollWidth > box.clientWidth,
            text: text ? text.getBoundingClientRect().height : 0,
          };
        }),
      );
    for (const literal of ['{"p": [0.4, 0.6], "q": [0.5, 0.5]}', '{"y": [1, 0, 1, 1], "y_pred": [0.9, 0.2, 0.6, 0.99]}', long]) {
      await page.setViewportSize({ width: 1400, height: 900 });
      await send(page, updateFor(literal));
      const wide = await measure();
      assert.ok(wide.length >= 3, `charts of ${literal.slice(0, 30)}: ${wide.map((c) => c.key).join(', ')}`);
      for (const chart of wide) {
        // The panel's content box is 1,400 px less the body's 16 px each side (a scrollbar at most 20 more).
        assert.ok(chart.room >= 1400 - 32 - 20, `${chart.key}: its box is ${chart.room} px wide at 1,400`);
        assert.ok(Math.abs(chart.width - chart.room) <= 1, `${chart.key} fills its box at 1,400 px: ${chart.width} of ${chart.room}`);
        assert.equal(chart.viewBox, Math.round(chart.width), `${chart.key}: the viewBox is the drawn width (no scaling)`);
      }
      const updates = await page.evaluate(() => document.body.dataset.updates);
      await page.evaluate(() => {
        (window as unknown as { __relayouts: number }).__relayouts = 0;
        document.addEventListener('entropylens:relayout', () => (window as unknown as { __relayouts: number }).__relayouts++);
      });
      await page.setViewportSize({ width: 400, height: 900 });
      await page.waitForFunction(() => [...document.querySelectorAll('svg[data-layout]')].every((svg) => Number(svg.getAttribute('width')) <= svg.parentElement!.clientWidth));
      const narrow = await measure();
      assert.deepEqual(narrow.map((c) => c.key), wide.map((c) => c.key), 'the same charts');
      for (const [k, chart] of narrow.entries()) {
        assert.ok(Math.abs(chart.width - chart.room) <= 1, `${chart.key} fills its box at 400 px: ${chart.width} of ${chart.room}`);
        assert.ok(!chart.scrolls, `${chart.key} does not scroll sideways at 400 px`);
        assert.ok(Math.abs(chart.text - wide[k].text) < 0.5, `${chart.key}: tick text ${wide[k].text} px tall at 1,400, ${chart.text} px at 400`);
      }
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'the page does not scroll sideways');
      // Laid out again in place: the page was not redrawn for it.
      assert.equal(await page.evaluate(() => document.body.dataset.updates), updates);
      assert.ok((await page.evaluate(() => (window as unknown as { __relayouts: number }).__relayouts)) >= 1);
    }
  });

  it('drags a bar to the value under the pointer after the chart was laid out again at another width', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await send(page, updateFor('{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}'));
    await page.setViewportSize({ width: 420, height: 900 });
    const chart = page.locator('[data-chart="pq"] svg.draggable');
    await page.waitForFunction(() => Number(document.querySelector('[data-chart="pq"] svg.draggable')!.getAttribute('width')) <= 420 - 32);
    await chart.scrollIntoViewIfNeeded();
    // Where 0.25 is on the chart's value axis, in page coordinates (one SVG unit is one pixel).
    const axis = await chart.evaluate((svg) => ({ top: Number(svg.dataset.top), zero: Number(svg.dataset.zero), hi: Number(svg.dataset.hi), box: svg.getBoundingClientRect().toJSON() as DOMRect }));
    const bar = page.locator('[data-chart="pq"] rect.bar[data-drag="0:0"]');
    const box = (await bar.boundingBox())!;
    const y = axis.box.y + axis.zero - (0.25 / axis.hi) * (axis.zero - axis.top);
    await afterDraw(page, async () => {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height - 1);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2, y, { steps: 4 });
      await page.mouse.up();
    });
    const p0 = Number(await page.locator('[data-chart="pq"] rect.bar[data-drag="0:0"]').getAttribute('aria-valuenow'));
    assert.ok(Math.abs(p0 - 0.25) < 0.01, `p₀ dragged to ${p0}, the pointer at 0.25`);
  });

  it('names the extreme samples on a loss curve beside their dots, and every dot in its title and the table', async () => {
    await send(page, updateFor('{"y": [1, 0, 1, 1, 0], "y_pred": [0.9, 0.2, 0.6, 0.99, 0.45]}'));
    const curve = page.locator('[data-chart="lossCurve"]');
    // −ln p of the observed label: sample 4 (p = 0.55) has the largest loss, sample 3 (p = 0.99) the smallest.
    const labels = await curve.locator('text.sample-label').evaluateAll((ts) => ts.map((t) => ({ text: t.textContent, box: (({ x, y, width, height }) => ({ x, y, width, height }))((t as SVGTextElement).getBBox()) })));
    assert.ok(labels.length >= 2 && labels.length <= 3, `${labels.length} labels`);
    assert.deepEqual(labels.slice(0, 2).map((l) => l.text), ['sample 4', 'sample 3']);
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) assert.ok(a.box.x + a.box.width <= b.box.x || b.box.x + b.box.width <= a.box.x || a.box.y + a.box.height <= b.box.y || b.box.y + b.box.height <= a.box.y, `${a.text} and ${b.text} do not overlap`);
    }
    // Each label sits by its own dot.
    const dots = await curve.locator('circle.mark').evaluateAll((cs) => cs.map((c) => ({ role: c.getAttribute('role'), title: c.querySelector('title')?.textContent ?? '', x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) })));
    assert.equal(dots.length, 5);
    for (const label of labels) {
      const dot = dots.find((d) => d.title.startsWith(`${label.text}:`))!;
      const dx = Math.max(label.box.x - dot.x, dot.x - (label.box.x + label.box.width), 0);
      const dy = Math.max(label.box.y - dot.y, dot.y - (label.box.y + label.box.height), 0);
      assert.ok(Math.hypot(dx, dy) < 12, `${label.text} is beside its dot`);
    }
    assert.ok(dots.every((d) => d.role === 'img' && /^sample \d: p = [\d.]+, loss [\d.]+$/.test(d.title)), JSON.stringify(dots.map((d) => d.title)));
    assert.equal(await curve.locator('svg[role="group"][aria-label]').count(), 1);
    assert.match((await curve.locator('.legend li').allTextContents()).join(' | '), /5 samples \(the largest and the smallest loss named where there is room; all in the table\)/);
    await curve.locator('details.data-table summary').click();
    await curve.locator('table.data').waitFor();
    assert.deepEqual(await curve.locator('table.data tbody th').allTextContents(), dots.map((d) => d.title.split(', loss')[0]));
  });
});
