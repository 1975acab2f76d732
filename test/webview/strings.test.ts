// The page's words come from the catalogue the host puts in the page (src/shared/strings.ts,
// html.ts): served here with a pseudo-translation, in real headless Chromium under the real CSP.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { LiveView } from '../../src/shared/live';
import type { ToWebview } from '../../src/shared/protocol';
import { DEFAULT_STRINGS, STRING_KEYS, type Strings } from '../../src/shared/strings';
import { pageErrors, send, startHarness, updateFor, violations, type Harness } from './harness';

/** Every entry wrapped in ⟦…⟧, its placeholders kept: a word the page wrote itself shows unwrapped. */
const HOSTILE = '<img src=x onerror="globalThis.__pwned = 1">';
const PSEUDO = Object.fromEntries(STRING_KEYS.map((key) => [key, `⟦${DEFAULT_STRINGS[key]}⟧`])) as Record<keyof Strings, string>;
PSEUDO['playground.reset'] = HOSTILE;

const PAIR = '{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}';

describe('the visualizer page’s words (Chromium)', function () {
  this.timeout(60_000);
  let harness: Harness;
  let page: Page;
  before(async () => {
    harness = await startHarness({ strings: PSEUDO });
  });
  after(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    page = await harness.open('dark');
  });
  afterEach(async () => {
    assert.deepEqual(await violations(page), [], 'CSP violations');
    assert.deepEqual(await pageErrors(page), [], 'page errors');
    await page.close();
  });

  it('the playground, the decomposition and the placeholder speak the catalogue’s words', async () => {
    assert.equal(await page.locator('#root .placeholder').textContent(), '⟦Loading…⟧');
    await send(page, updateFor(PAIR));
    assert.equal(await page.locator('.playground h2').textContent(), '⟦Playground⟧');
    assert.equal(await page.locator('.playground').getAttribute('aria-label'), '⟦Playground⟧');
    // The slider's accessible name is its translated label.
    assert.equal(await page.getByRole('slider', { name: '⟦Temperature⟧' }).count(), 1);
    assert.equal(await page.locator('.playground .hint').last().textContent(), PSEUDO['playground.drag.pair']);
    // {0}, {1}, {2} filled in the page: the figures as shown, the unit after the last.
    const label = await page.locator('svg.decomposition').getAttribute('aria-label');
    assert.match(label ?? '', /^⟦Stacked bar: H\(P,Q\) = H\(P\) \+ D_KL\(P‖Q\), \d\.\d+ = \d\.\d+ \+ \d\.\d+ nats\.⟧$/);
  });

  it('the page’s blocks, formula cards and charts speak the catalogue’s words', async () => {
    await send(page, updateFor(PAIR));
    const heading = (block: string) => page.locator(`section.block.${block} > h2`).textContent();
    assert.equal(await heading('read'), '⟦What was read⟧');
    assert.equal(await heading('figures'), '⟦Figures⟧');
    assert.equal(await heading('kl-directions'), '⟦Both directions of the KL divergence⟧');
    assert.equal(await heading('charts'), '⟦Charts⟧');
    assert.equal(await page.locator('section.block.read').getAttribute('aria-label'), '⟦What was read⟧');
    assert.equal(await page.locator('.source button').textContent(), '⟦Reveal in editor⟧');
    assert.match((await page.locator('.source').textContent()) ?? '', /, ⟦line \d+⟧ /);
    assert.equal(await page.locator('.decomposition-figure figcaption').textContent(), PSEUDO['decomposition.caption']);
    // A formula card: its copy button and the names of its two formulas, the title (the view model's) put in.
    const card = page.locator('article.formula[data-formula="klPQ"]');
    const title = (await card.locator('h3').textContent()) ?? '';
    assert.equal(await card.locator('button').textContent(), '⟦Copy LaTeX⟧');
    assert.equal(await card.locator('button').getAttribute('aria-label'), `⟦Copy LaTeX: ${title}⟧`);
    assert.deepEqual(await card.locator('[role="region"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label'))), [`⟦${title}: the formula⟧`, `⟦${title}: on these numbers⟧`]);
    // The charts: the draggable bars' name and sliders, a still chart's name, the data-table summary and header.
    const pq = page.locator('[data-chart="pq"]');
    assert.match((await pq.locator('svg.chart').getAttribute('aria-label')) ?? '', /^⟦.+\. .+ Each bar is a slider: .+⟧$/);
    assert.equal(await pq.locator('rect.bar[role="slider"]').first().getAttribute('aria-label'), '⟦P, element 0⟧');
    assert.equal(await pq.locator('rect.bar[role="slider"]').first().getAttribute('aria-valuetext'), '⟦P of 0 = 0.1⟧');
    assert.equal(await pq.locator('details summary').textContent(), '⟦Data table (3 rows)⟧');
    await pq.locator('details summary').click();
    assert.equal(await pq.locator('table.data thead th').first().textContent(), '⟦element⟧');
    assert.match((await page.locator('[data-chart="kl"] svg.chart').getAttribute('aria-label')) ?? '', /^⟦.+ The data is in the table below\.⟧$/);
  });

  it('a long vector’s histogram speaks the catalogue’s words', async () => {
    const literal = `[${Array.from({ length: 300 }, (_, i) => (i % 7) + 1).join(', ')}]`;
    await send(page, updateFor(literal));
    const hist = page.locator('[data-chart$="-histogram"]');
    assert.match((await hist.locator('figcaption .caption').textContent()) ?? '', /^⟦The height of a bar is how many elements .+⟧$/);
    assert.match((await hist.locator('svg.chart').getAttribute('aria-label')) ?? '', /^⟦.+: ⟦300 elements⟧ in \d+ bins on a (log|linear) probability axis⟦, the fullest from .+⟧\. The counts are in the table below\.⟧$/);
    assert.match((await hist.locator('text.axis-label').textContent()) ?? '', /^⟦probability( \(log scale\))?⟧$/);
    assert.match((await hist.locator('details summary').textContent()) ?? '', /^⟦Data table \(\d+ bins\)⟧$/);
    await hist.locator('details summary').click();
    // The table is built on the details' toggle event, which comes after the click.
    await hist.locator('table.data thead th').first().waitFor();
    assert.deepEqual((await hist.locator('table.data thead th').allTextContents()).slice(0, 2), ['⟦from⟧', '⟦to (not included)⟧']);
  });

  it('a translation is text, never markup', async () => {
    await send(page, updateFor(PAIR));
    const reset = page.locator('.playground-actions button').first();
    assert.equal(await reset.textContent(), HOSTILE);
    assert.equal(await page.locator('.playground img').count(), 0);
    assert.equal(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned), undefined);
  });

  it('the live section and its history chart', async () => {
    const live: LiveView = {
      title: 'probs @ train.py:42',
      status: 'live value, paused at train.py:42',
      following: true,
      canFollow: true,
      history: {
        label: 'H(P)',
        unit: 'nats',
        points: [
          { stop: 1, value: 0.5, display: '0.5 nats', place: 'train.py:42' },
          { stop: 2, display: '—', place: 'train.py:42', note: 'not read: cancelled' },
        ],
      },
    };
    const update = updateFor('[0.1, 0.2, 0.7]') as Extract<ToWebview, { type: 'update' }>;
    await send(page, { ...update, live });
    assert.equal(await page.locator('.live h2').textContent(), '⟦Live value⟧');
    assert.equal(await page.locator('button.follow').textContent(), '⟦Following: read again at every stop⟧');
    assert.equal(await page.locator('.history figcaption strong').textContent(), '⟦H(P) at each stop (nats)⟧');
    assert.equal(await page.locator('.history summary').textContent(), '⟦Data table (2 stops)⟧');
    assert.equal(await page.locator('svg.chart-history').getAttribute('aria-label'), '⟦⟦H(P) at each stop (nats)⟧: 2 stops. The values are in the table below.⟧');
    assert.deepEqual(await page.locator('.history svg title').allTextContents(), ['⟦stop 1 at train.py:42: 0.5 nats⟧', '⟦stop 2 at train.py:42: not read: cancelled⟧']);
    assert.deepEqual(await page.locator('.history thead th').allTextContents(), ['⟦stop⟧', '⟦paused at⟧', 'H(P)']);
  });
});
