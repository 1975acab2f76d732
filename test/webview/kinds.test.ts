// The charts of issue 9's kinds in real headless Chromium: a joint table's heatmap with its marginals
// and the split of H(X,Y), a sequence's per-token surprisal, a batch of pairs' KL directions per row.
// Every number is checked against the core's evaluation of the same literal.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import type { JointEvaluation } from '../../src/core/joint';
import type { PairsEvaluation } from '../../src/core/pairs';
import type { SequenceEvaluation } from '../../src/core/sequence';
import { JOINT_MAX_SIDE } from '../../src/shared/model/joint';
import { chromiumSuite, evaluate, screenshotPath, send, updateFor } from './harness';

const JOINT = '{"joint": [[0.1, 0.2, 0.05], [0.3, 0.15, 0.2]]}';
const TOKENS = [
  { token: 'The', logprob: -0.25 },
  { token: ' cat', logprob: -3.1 },
  { token: '<img src=x onerror=alert(1)>', logprob: -7.5 },
  { token: '\n', logprob: -0.01 },
];

async function numbers(page: Page, selector: string, attribute = 'data-value'): Promise<number[]> {
  return page.locator(selector).evaluateAll((nodes, name) => nodes.map((n) => Number(n.getAttribute(name))), attribute);
}

async function openTable(page: Page, chart: string): Promise<void> {
  const figure = page.locator(`[data-chart="${chart}"]`);
  await figure.locator('details.data-table summary').click();
  await figure.locator('table.data').waitFor();
}

describe('joint tables, sequences and batches of pairs in the visualizer (Chromium)', function () {
  this.timeout(60_000);
  const chromium = chromiumSuite();
  let page: Page;
  beforeEach(() => {
    page = chromium.page;
  });

  it('a joint table: one shaded cell per p(x, y), the same numbers as its data table, marginals summing to 1', async () => {
    await send(page, updateFor(JOINT));
    const core = evaluate(JOINT) as JointEvaluation;
    const heat = page.locator('[data-chart="joint"]');
    assert.equal(await heat.locator('svg.heatmap[role="img"]').count(), 1);
    assert.match((await heat.locator('svg.heatmap').getAttribute('aria-label')) ?? '', /^The joint distribution p\(x, y\).*table below/);
    const cells = await numbers(page, '[data-chart="joint"] svg.heatmap rect.heat-cell');
    assert.equal(cells.length, 6);
    cells.forEach((p, k) => assert.equal(p, core.table[k], `cell ${k}`));
    // Darker is more probable: the opacity grows with p(x, y), the largest cell the most opaque.
    const opacity = await numbers(page, '[data-chart="joint"] svg.heatmap rect.heat-cell', 'fill-opacity');
    const largest = cells.indexOf(Math.max(...cells));
    assert.equal(opacity[largest], 1);
    for (let k = 0; k < cells.length; k++) for (let m = 0; m < cells.length; m++) if (cells[k] < cells[m]) assert.ok(opacity[k] < opacity[m], `${k} < ${m}`);
    // The hover text and the data table say what each cell holds.
    assert.equal(await heat.locator('rect.heat-cell title').first().textContent(), 'x = 0, y = 0: p(x, y) = 0.1');
    await openTable(page, 'joint');
    const shown = await heat.locator('svg.heatmap rect.heat-cell').evaluateAll((rects) => rects.map((r) => r.getAttribute('data-display')));
    const table = await heat.locator('table.data tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)));
    assert.deepEqual(table.map((row) => row.slice(0, -1)).flat(), shown);
    assert.deepEqual(table.map((row) => row.at(-1)), ['0.35', '0.65']);
    assert.deepEqual(await heat.locator('table.data tfoot td').allTextContents(), ['0.4', '0.35', '0.25', '']);
    // The marginals: p(x) the rows' sums, p(y) the columns', each summing to 1.
    const px = await numbers(page, '[data-chart="joint"] rect.marginal-x');
    const py = await numbers(page, '[data-chart="joint"] rect.marginal-y');
    assert.equal(px.length, 2);
    assert.equal(py.length, 3);
    px.forEach((p, i) => assert.ok(Math.abs(p - core.marginalX[i]) <= 1e-15, `p(x = ${i})`));
    py.forEach((p, j) => assert.ok(Math.abs(p - core.marginalY[j]) <= 1e-15, `p(y = ${j})`));
    assert.ok(Math.abs(px.reduce((a, b) => a + b, 0) - 1) <= 1e-12);
    assert.ok(Math.abs(py.reduce((a, b) => a + b, 0) - 1) <= 1e-12);
    // The bars are scaled to the largest marginal: lengths in proportion to p.
    const widths = await numbers(page, '[data-chart="joint"] rect.marginal-x', 'width');
    assert.ok(Math.abs(widths[0] / widths[1] - px[0] / px[1]) < 1e-9);
  });

  it('a joint table: H(X,Y) split two ways, H(X) and H(Y) overlapping by I(X;Y)', async () => {
    await send(page, updateFor(JOINT));
    const core = evaluate(JOINT) as JointEvaluation;
    const diagram = page.locator('[data-chart="information"] svg.information-diagram');
    assert.match((await diagram.getAttribute('aria-label')) ?? '', /H\(X,Y\) = H\(X\) \+ H\(Y\|X\).*I\(X;Y\) = H\(X\) \+ H\(Y\) − H\(X,Y\)/);
    const segment = async (key: string) => {
      const rect = diagram.locator(`rect[data-key="${key}"]`);
      return { x: Number(await rect.getAttribute('x')), width: Number(await rect.getAttribute('width')), value: Number(await rect.getAttribute('data-value')) };
    };
    const [hx, hyx, hxy, hy] = await Promise.all(['entropyX', 'conditionalEntropyYGivenX', 'conditionalEntropyXGivenY', 'entropyY'].map(segment));
    assert.equal(hx.value, core.entropyX);
    assert.equal(hy.value, core.entropyY);
    // Both bars are H(X,Y) long, on one scale; where H(Y) starts is where H(X) would end less I(X;Y).
    const scale = hx.width / core.entropyX;
    assert.ok(Math.abs(hx.width + hyx.width - core.jointEntropy * scale) < 1e-6);
    assert.ok(Math.abs(hxy.width + hy.width - core.jointEntropy * scale) < 1e-6);
    assert.ok(Math.abs(hx.x + hx.width - hy.x - core.mutualInformation * scale) < 1e-6);
    assert.match((await diagram.locator('text.total').textContent()) ?? '', /^I\(X;Y\) = 0\.0\d+ nats$/);
  });

  it('a large joint table folds to 24 × 24 cells that still sum to 1', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `[${Array.from({ length: 40 }, (_, j) => ((i * 7 + j * 3) % 11) + 1).join(', ')}]`);
    const literal = `{"joint": [${rows.join(', ')}]}`;
    await send(page, updateFor(literal));
    const cells = await numbers(page, '[data-chart="joint"] svg.heatmap rect.heat-cell');
    assert.equal(cells.length, JOINT_MAX_SIDE * JOINT_MAX_SIDE);
    assert.ok(Math.abs(cells.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    const labels = await page.locator('[data-chart="joint"] svg.heatmap text.x-label title').allTextContents();
    assert.ok(labels.includes('the other 7'), 'the folded rows');
    assert.ok(labels.includes('the other 17'), 'the folded columns');
    assert.equal(await page.locator('[data-chart="joint"] rect.heat-cell.other').count(), 2 * JOINT_MAX_SIDE - 1);
    for (const side of ['marginal-x', 'marginal-y']) {
      const marginal = await numbers(page, `[data-chart="joint"] rect.${side}`);
      assert.equal(marginal.length, JOINT_MAX_SIDE);
      assert.ok(Math.abs(marginal.reduce((a, b) => a + b, 0) - 1) < 1e-12, side);
      // Scaled to the kept values: the folded bar, larger than all, is drawn cut at the longest length.
      const lengths = await numbers(page, `[data-chart="joint"] rect.${side}`, side === 'marginal-x' ? 'width' : 'height');
      const kept = marginal.slice(0, -1);
      assert.equal(Math.max(...lengths.slice(0, -1)), lengths[kept.indexOf(Math.max(...kept))]);
      assert.equal(lengths.at(-1), Math.max(...lengths.slice(0, -1)));
    }
    assert.equal(await page.locator('[data-chart="joint"] line.bar-break').count(), 4);
    // The shading's scale is the kept cells': a folded cell larger than all is at full strength.
    const opacity = await numbers(page, '[data-chart="joint"] svg.heatmap rect.heat-cell', 'fill-opacity');
    assert.equal(opacity.at(-1), 1);
    assert.ok(opacity.slice(0, JOINT_MAX_SIDE - 1).some((o) => o === 1), 'a kept cell at full strength');
  });

  it('a sequence: one bar of −log p per token in bits, token texts as text, the mean as a line, the perplexity said', async () => {
    const literal = JSON.stringify(TOKENS);
    await send(page, updateFor(literal, { unit: 'bits' }));
    const core = evaluate(literal, 'figures', { unit: 'bits' }) as SequenceEvaluation;
    const chart = page.locator('[data-chart="surprisal"]');
    assert.match((await chart.locator('svg.surprisal-chart[role="img"]').getAttribute('aria-label')) ?? '', /^Surprisal of each token\. .*perplexity/);
    const bars = await numbers(page, '[data-chart="surprisal"] rect.surprisal-bar');
    assert.equal(bars.length, TOKENS.length);
    bars.forEach((s, i) => assert.ok(Math.abs(s - -TOKENS[i].logprob / Math.LN2) <= 1e-12 * s, `token ${i}: ${s}`));
    // Heights in proportion to the surprisal, from one baseline.
    const heights = await numbers(page, '[data-chart="surprisal"] rect.surprisal-bar', 'height');
    assert.ok(Math.abs(heights[1] / heights[2] - bars[1] / bars[2]) < 1e-3);
    const mean = await numbers(page, '[data-chart="surprisal"] line.mean-line');
    assert.ok(Math.abs(mean[0] - core.meanSurprisal.value) <= 1e-15);
    const meanY = await numbers(page, '[data-chart="surprisal"] line.mean-line', 'y1');
    const tops = await numbers(page, '[data-chart="surprisal"] rect.surprisal-bar', 'y');
    const baseline = tops[0] + heights[0];
    assert.ok(Math.abs((baseline - meanY[0]) / heights[2] - core.meanSurprisal.value / bars[2]) < 1e-3, 'the mean line at the mean');
    const caption = (await chart.locator('figcaption').textContent()) ?? '';
    const perplexity = Math.exp(-TOKENS.reduce((a, t) => a + t.logprob, 0) / TOKENS.length);
    assert.ok(caption.includes(`the perplexity is ${Number(perplexity.toPrecision(6))} = 2^mean`), caption);
    // The tokens are text: the markup in one is shown, never parsed; whitespace is made visible.
    assert.equal(await page.locator('img').count(), 0);
    const labels = await chart.locator('text.token-label title').allTextContents();
    assert.deepEqual(labels, TOKENS.map((t) => t.token));
    const drawn = await chart.locator('text.token-label').evaluateAll((nodes) => nodes.map((n) => [...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join('')));
    assert.deepEqual(drawn, ['The', '␣cat', '<img␣src=…', '⏎']);
    await openTable(page, 'surprisal');
    const rows = await chart.locator('table.data tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.deepEqual(
      rows.map((r) => r[1]),
      TOKENS.map((t) => t.token),
    );
    assert.deepEqual(
      rows.map((r) => r[2]),
      TOKENS.map((t) => String(t.logprob)),
    );
  });

  it('a long sequence: runs of consecutive tokens, labelled by their first token, every k-th label on narrow bars', async () => {
    const logprobs = Array.from({ length: 450 }, (_, i) => -((i * 37) % 17) / 3 - 0.01);
    await send(page, updateFor(JSON.stringify({ logprobs })));
    const chart = page.locator('[data-chart="surprisal"]');
    const bars = await numbers(page, '[data-chart="surprisal"] rect.surprisal-bar');
    assert.equal(bars.length, 150);
    bars.forEach((s, k) => assert.ok(Math.abs(s - -(logprobs[3 * k] + logprobs[3 * k + 1] + logprobs[3 * k + 2]) / 3) < 1e-12, `run ${k}`));
    const labels = await chart.locator('text.token-label title').allTextContents();
    // Slanted labels 14 px apart at least, and no more left out than that needs: every k-th run.
    const xs = await numbers(page, '[data-chart="surprisal"] text.token-label', 'x');
    const gaps = xs.slice(1).map((x, k) => x - xs[k]);
    assert.ok(gaps.every((gap) => gap >= 14 - 1e-9 && gap < 28), `label gaps ${Math.min(...gaps)}–${Math.max(...gaps)} px`);
    const indices = await numbers(page, '[data-chart="surprisal"] text.token-label', 'data-index');
    const every = indices[1] - indices[0];
    assert.ok(every >= 2, `every ${every}-th run labelled`);
    assert.deepEqual(indices, Array.from({ length: Math.ceil(150 / every) }, (_, i) => i * every));
    assert.equal(labels.length, indices.length);
    assert.deepEqual(labels.slice(0, 2), ['tokens 0–2', `tokens ${3 * every}–${3 * every + 2}`]);
    assert.equal(await chart.locator('rect.surprisal-bar title').nth(1).textContent(), `tokens 3–5: −log p = ${Number(bars[1].toPrecision(6))} nats`);
  });

  it('a sequence with a token of probability 0: its bar runs to the top, marked ∞; no mean line', async () => {
    await send(page, updateFor('{"logprobs": [-0.5, -Infinity, -1.5]}'));
    const chart = page.locator('[data-chart="surprisal"]');
    assert.equal(await chart.locator('rect.surprisal-bar.infinite').count(), 1);
    assert.deepEqual(await chart.locator('text.infinite-label').allTextContents(), ['∞']);
    assert.equal(await chart.locator('line.mean-line').count(), 0);
    assert.deepEqual(await chart.locator('text.token-label title').allTextContents(), ['0', '1', '2']);
  });

  it('a batch of pairs: both KL directions of each row, and PyTorch’s argument order said', async () => {
    const literal = '{"p": [[0.5, 0.5], [0.9, 0.1], [0.2, 0.8]], "q": [[0.9, 0.1], [0.5, 0.5], [0.2, 0.8]]}';
    await send(page, updateFor(literal));
    const core = evaluate(literal) as PairsEvaluation;
    const chart = page.locator('[data-chart="pairs-kl"]');
    assert.match((await chart.locator('figcaption').textContent()) ?? '', /kl_div\(input=log q, target=p, reduction='batchmean'\).*D_KL\(P‖Q\)/);
    await openTable(page, 'pairs-kl');
    const rows = await chart.locator('table.data tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.deepEqual(
      rows,
      core.rows.map((row, i) => [`row ${i}`, String(Number(row.klPQ.value.toPrecision(6))), String(Number(row.klQP.value.toPrecision(6)))]),
    );
    assert.equal(await chart.locator('rect.bar.series-0').count(), 3);
    assert.equal(await chart.locator('rect.bar.series-1').count(), 3);
  });

  it('follows the panel’s width: the heatmap, the split of H(X,Y) and the surprisal fill their box at 1,400 px, and nothing scrolls sideways at 400 px', async function () {
    this.timeout(120_000);
    const large = `{"joint": [${Array.from({ length: 30 }, (_, i) => `[${Array.from({ length: 40 }, (_, j) => ((i * 7 + j * 3) % 11) + 1).join(', ')}]`).join(', ')}]}`;
    const long = JSON.stringify({ logprobs: Array.from({ length: 450 }, (_, i) => -((i * 37) % 17) / 3 - 0.01) });
    // Each kind chart: its drawn width, its box's, whether the box scrolls, and how far right its
    // plot reaches (the last cell with its p(x) bars' room, the split's bars, the surprisal's axis
    // with the mean's label room), so a fixed-size drawing in a wide SVG would not pass either.
    const measure = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<SVGSVGElement>('svg.heatmap, svg.information-diagram, svg.surprisal-chart')].map((svg) => {
          const box = svg.parentElement!;
          const rights = (selector: string) => [...svg.querySelectorAll<SVGRectElement>(selector)].map((r) => Number(r.getAttribute('x')) + Number(r.getAttribute('width')));
          const reach = svg.classList.contains('heatmap')
            ? Math.max(...rights('rect.heat-cell')) + 10 + 84 + 40
            : svg.classList.contains('information-diagram')
              ? Math.max(...rights('rect.segment')) + 8
              : Number(svg.querySelector('line.axis')!.getAttribute('x2')) + 84;
          return { kind: svg.getAttribute('class')!, width: svg.getBoundingClientRect().width, room: box.clientWidth, scrolls: box.scrollWidth > box.clientWidth, reach, height: svg.getBoundingClientRect().height };
        }),
      );
    for (const literal of [JOINT, large, JSON.stringify(TOKENS), long]) {
      await page.setViewportSize({ width: 1400, height: 900 });
      await send(page, updateFor(literal));
      await page.locator('section.charts svg.chart').first().waitFor();
      const wide = await measure();
      assert.ok(wide.length >= 1, literal.slice(0, 30));
      for (const chart of wide) {
        assert.ok(chart.room >= 1400 - 32 - 20, `${chart.kind}: its box is ${chart.room} px wide at 1,400`);
        assert.ok(Math.abs(chart.width - chart.room) <= 2, `${chart.kind} fills its box at 1,400 px: ${chart.width} of ${chart.room}`);
        assert.ok(Math.abs(chart.reach - chart.width) <= 4, `${chart.kind}'s plot spans the width at 1,400 px: to ${chart.reach} of ${chart.width}`);
      }
      await page.setViewportSize({ width: 400, height: 900 });
      await page.waitForFunction(() => [...document.querySelectorAll('svg.heatmap, svg.information-diagram, svg.surprisal-chart')].every((svg) => Number(svg.getAttribute('width')) <= svg.parentElement!.clientWidth));
      const narrow = await measure();
      assert.deepEqual(narrow.map((c) => c.kind), wide.map((c) => c.kind), 'the same charts');
      for (const [k, chart] of narrow.entries()) {
        assert.ok(!chart.scrolls, `${chart.kind} does not scroll sideways at 400 px (${chart.width} px in ${chart.room})`);
        assert.ok(Math.abs(chart.width - chart.room) <= 2, `${chart.kind} fills its box at 400 px: ${chart.width} of ${chart.room}`);
        // The height does not follow the width: a relayout cannot bring or take away a scrollbar.
        assert.equal(chart.height, wide[k].height, `${chart.kind}: as tall at 400 px as at 1,400`);
      }
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'the page does not scroll sideways');
    }
    await page.setViewportSize({ width: 900, height: 900 });
  });

  it('high contrast: the cells are outlined in the theme’s contrast border', async () => {
    const contrast = await chromium.harness.open('high-contrast');
    try {
      await send(contrast, updateFor(JOINT));
      const stroke = await contrast.locator('[data-chart="joint"] rect.heat-cell').first().evaluate((r) => getComputedStyle(r).stroke);
      const border = await contrast.evaluate(() => getComputedStyle(document.body).getPropertyValue('--vscode-contrastBorder').trim());
      assert.equal(stroke, 'rgb(111, 195, 223)');
      assert.equal(border, '#6fc3df');
    } finally {
      await contrast.close();
    }
  });

  it('looks right in dark, light and high-contrast themes (screenshots in test-results/webview)', async function () {
    this.timeout(120_000);
    mkdirSync(dirname(screenshotPath('x')), { recursive: true });
    for (const theme of ['dark', 'light', 'high-contrast'] as const) {
      const themed = await chromium.harness.open(theme);
      try {
        for (const [name, literal] of [['joint', JOINT], ['sequence', JSON.stringify(TOKENS)]] as const) {
          await send(themed, updateFor(literal));
          const charts = themed.locator('section.charts');
          await charts.scrollIntoViewIfNeeded();
          await charts.screenshot({ path: screenshotPath(`kinds-${name}-${theme}`) });
          // Every chart's text is painted in a colour of its own, not the default black on a dark page.
          const fills = await charts.locator('svg text').evaluateAll((ts) => ts.map((t) => getComputedStyle(t).fill));
          if (theme !== 'light') assert.ok(fills.every((f) => f !== 'rgb(0, 0, 0)'), `${name} ${theme}`);
        }
      } finally {
        await themed.close();
      }
    }
  });
});
