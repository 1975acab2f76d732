// The probability histogram of long vectors in real headless Chromium (src/webview/histogram.ts): its
// bins against a binning computed here, its data table, and edge labels that tell neighbouring bins apart.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { MAX_BARS } from '../../src/shared/model/bars';
import { chromiumSuite, evaluate, send, updateFor } from './harness';

describe('visualizer histogram (Chromium)', function () {
  this.timeout(60_000);
  const chromium = chromiumSuite();
  let page: Page;
  beforeEach(() => {
    page = chromium.page;
  });

  /** The bins the decision in docs/decisions.md describes, computed here from the evaluated vectors. */
  function expectedBins(vectors: readonly ArrayLike<number>[]): { scale: string; edges: number[]; counts: number[][]; zeros: number[] } {
    const positive = vectors.flatMap((v) => Array.from(v).filter((x) => x > 0));
    const min = Math.min(...positive);
    const max = Math.max(...positive);
    const zeros = vectors.map((v) => Array.from(v).filter((x) => x === 0).length);
    if (max / min >= 10) {
      const m = [10, 5, 4, 2, 1].find((k) => Math.floor(Math.log10(max) * k) - Math.floor(Math.log10(min) * k) + 1 <= 40)!;
      const first = Math.floor(Math.log10(min) * m);
      const last = Math.floor(Math.log10(max) * m) + 1;
      const edges = Array.from({ length: last - first + 1 }, (_, j) => Math.pow(10, (first + j) / m));
      const counts = vectors.map((v) => {
        const row = new Array<number>(last - first).fill(0);
        for (const x of Array.from(v)) if (x > 0) row[Math.floor(Math.log10(x) * m) - first]++;
        return row;
      });
      return { scale: 'log', edges, counts, zeros };
    }
    // Linear: a round step (1, 2, 2.5 or 5 × 10^k) at or above a twentieth of the range.
    const raw = (max - min) / 20;
    const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].find((k) => raw / magnitude <= k)! * magnitude;
    const first = Math.floor(min / step);
    const last = Math.floor(max / step) + 1;
    const edges = Array.from({ length: last - first + 1 }, (_, j) => (first + j) * step);
    const counts = vectors.map((v) => {
      const row = new Array<number>(last - first).fill(0);
      for (const x of Array.from(v)) if (x > 0) row[Math.floor(x / step) - first]++;
      return row;
    });
    return { scale: 'linear', edges, counts, zeros };
  }

  /** The histogram as drawn: each bin's edges and count per series (from the rects' data attributes). */
  async function drawnBins(chart: string) {
    return page.locator(`[data-chart="${chart}"] rect.bin`).evaluateAll((rects) =>
      rects.map((r) => ({ series: Number(r.getAttribute('data-series')), zero: r.hasAttribute('data-zero'), lo: Number(r.getAttribute('data-lo')), hi: Number(r.getAttribute('data-hi')), count: Number(r.getAttribute('data-count')) })),
    );
  }

  function assertBins(drawn: Awaited<ReturnType<typeof drawnBins>>, expected: ReturnType<typeof expectedBins>, n: number) {
    expected.counts.forEach((counts, s) => {
      const bins = drawn.filter((b) => b.series === s && !b.zero);
      const zero = drawn.find((b) => b.series === s && b.zero);
      assert.equal(zero?.count ?? 0, expected.zeros[s], `series ${s}: zeros`);
      assert.equal(bins.reduce((a, b) => a + b.count, 0) + (zero?.count ?? 0), n, `series ${s}: the counts sum to n`);
      assert.equal(bins.length, counts.length, `series ${s}: ${bins.length} bins, expected ${counts.length}`);
      bins.forEach((bin, k) => {
        assert.ok(Math.abs(bin.lo / expected.edges[k] - 1) < 1e-9 && Math.abs(bin.hi / expected.edges[k + 1] - 1) < 1e-9, `bin ${k}: [${bin.lo}, ${bin.hi}) expected [${expected.edges[k]}, ${expected.edges[k + 1]})`);
        if (k > 0) assert.equal(bin.lo, bins[k - 1].hi, 'bins are contiguous');
      });
      assert.deepEqual(bins.map((b) => b.count), counts, `series ${s}: counts per bin`);
    });
  }

  it('draws a histogram of a long pair’s probabilities on a log axis: the counts match a binning computed here and sum to n', async function () {
    this.timeout(120_000);
    // A pseudo-random pair of 30,000 counts spanning five decades, with a few exact zeros.
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const counts = () => Array.from({ length: 30_000 }, () => (random() < 0.01 ? 0 : Math.floor(Math.exp(random() * 12))));
    const literal = `{"p": [${counts().join(', ')}], "q": [${counts().join(', ')}]}`;
    const evaluation = evaluate(literal);
    assert.equal(evaluation.kind, 'pair');
    if (evaluation.kind !== 'pair') return;
    await send(page, updateFor(literal));
    const histogram = page.locator('[data-chart="pq-histogram"]');
    assert.equal(await histogram.count(), 1);
    const expected = expectedBins([evaluation.p.p, evaluation.q.p]);
    assert.equal(expected.scale, 'log');
    assertBins(await drawnBins('pq-histogram'), expected, 30_000);
    assert.equal(await histogram.locator('svg[role="img"][aria-label]').count(), 1);
    assert.match((await histogram.locator('text.axis-label').textContent()) ?? '', /log scale/);
    // Its data table: one row a bin, the zeros first.
    await histogram.locator('details.data-table summary').click();
    await histogram.locator('table.data').waitFor();
    assert.equal(await histogram.locator('table.data tbody tr').count(), expected.counts[0].length + 1);
    // The largest elements are still there, as bars, below the histogram.
    assert.equal(await page.locator('[data-chart="pq"] rect.bar').count(), 2 * MAX_BARS);
    // "The other 29,969" dwarfs the kept bars: both of its bars are broken, their values one label, not two overprinted.
    assert.equal(await page.locator('[data-chart="pq"] line.bar-break').count(), 4);
    assert.match((await page.locator('[data-chart="pq"] text.broken-label').allTextContents()).join('|'), /^0\.9\d+ · 0\.9\d+$/);
  });

  it('bins 100,000 near-equal probabilities on a linear axis instead of 31 near-equal bars; short vectors have no histogram', async function () {
    this.timeout(120_000);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const literal = `[${Array.from({ length: 100_000 }, () => 1000 + Math.floor(random() * 200)).join(', ')}]`;
    const evaluation = evaluate(literal);
    if (evaluation.kind !== 'distribution') return assert.fail(evaluation.kind);
    await send(page, updateFor(literal));
    const expected = expectedBins([evaluation.p.p]);
    assert.equal(expected.scale, 'linear');
    assertBins(await drawnBins('pq-histogram'), expected, 100_000);
    assert.doesNotMatch((await page.locator('[data-chart="pq-histogram"] text.axis-label').textContent()) ?? '', /log/);
    // The threshold: 256 elements are bars only, 257 get a histogram too.
    await send(page, updateFor(`[${Array.from({ length: 256 }, (_, i) => i + 1).join(', ')}]`));
    assert.equal(await page.locator('[data-chart="pq-histogram"]').count(), 0);
    await send(page, updateFor(`[${Array.from({ length: 257 }, (_, i) => i + 1).join(', ')}]`));
    assert.equal(await page.locator('[data-chart="pq-histogram"]').count(), 1);
  });
  it('prints each bin’s edges apart when the values spread 5 %: bar titles, the data table, the axis and the fullest bin', async () => {
    // 1,000 counts from 1000…1049: probabilities about 0.001 in bins 0.1 % wide, which three digits print alike.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    await send(page, updateFor(`[${Array.from({ length: 1000 }, () => 1000 + Math.floor(random() * 50)).join(', ')}]`));
    const histogram = page.locator('[data-chart="pq-histogram"]');
    const titles = await histogram.locator('rect.bin title').allTextContents();
    const edges = titles.map((title) => /from (\S+) to (\S+)$/.exec(title)?.slice(1) ?? assert.fail(title));
    assert.ok(edges.length > 10, `${edges.length} bins`);
    edges.forEach(([lo, hi], k) => {
      assert.notEqual(lo, hi, titles[k]);
      if (k > 0) assert.equal(lo, edges[k - 1][1], 'a bin starts where the one before ends');
    });
    const printed = [edges[0][0], ...edges.map(([, hi]) => hi)];
    assert.equal(new Set(printed).size, printed.length, printed.join(' '));
    const ticks = await histogram.locator('text.tick').allTextContents();
    const xTicks = ticks.filter((tick) => tick.startsWith('0.'));
    assert.ok(xTicks.length >= 2, ticks.join(' '));
    assert.equal(new Set(xTicks).size, xTicks.length, xTicks.join(' '));
    const label = (await histogram.locator('svg[role="img"]').getAttribute('aria-label')) ?? '';
    const fullest = /the fullest from (\S+) to (\S+)\. /.exec(label) ?? assert.fail(label);
    assert.notEqual(fullest[1], fullest[2]);
    await histogram.locator('details.data-table summary').click();
    await histogram.locator('table.data').waitFor();
    const from = await histogram.locator('table.data tbody th').allTextContents();
    assert.deepEqual(from, printed.slice(0, -1));
  });
});
