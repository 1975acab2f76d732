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
