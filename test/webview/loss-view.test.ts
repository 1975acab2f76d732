// The loss view's options and conventions (issue 9, items 2 and 3) in the built webview, in
// headless Chromium: the options in effect with what each did, the formula with them, and the four
// conventions side by side when they differ. Reference figures are PyTorch's, Keras' and
// scikit-learn's from test/fixtures/generate_losses.py (reference.json's `lossOptions`).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { EvaluateOptions } from '../../src/core/evaluate';
import type { LossOptions } from '../../src/core/loss-options';
import { formatNumber } from '../../src/core/number-format';
import { LOSS_SETTING_KEYS, readLossSettings } from '../../src/extension/loss-settings';
import { buildViewModel } from '../../src/shared/model/build';
import type { ToWebview } from '../../src/shared/protocol';
import { chromiumSuite, evaluate, ROOT, send, SETTINGS, state, updateFor } from './harness';

type Num = number | 'Infinity' | '-Infinity';

interface Case {
  name: string;
  loss: 'bce' | 'cce';
  targets: number[] | { kind: 'indices'; indices: number[] };
  predictions: Num[];
  fromLogits: boolean;
  options: LossOptions;
  classes: number;
  exact: { value: Num };
  torch: { value: Num };
  keras: { value: Num };
  sklearn: { value: Num };
}

const fixtures = (JSON.parse(readFileSync(join(ROOT, 'test/fixtures/reference.json'), 'utf8')) as { lossOptions: Case[] }).lossOptions;
const fixture = (name: string): Case => fixtures.find((c) => c.name === name) ?? assert.fail(`no fixture "${name}"`);

/** A one-column BCE or class-index CCE case as a literal. */
function literalOf(c: Case): string {
  const targets = Array.isArray(c.targets) ? c.targets : c.targets.indices;
  const predictions =
    c.loss === 'bce' ? c.predictions.map(String).join(', ') : Array.from({ length: c.predictions.length / c.classes }, (_, i) => `[${c.predictions.slice(i * c.classes, (i + 1) * c.classes).join(', ')}]`).join(', ');
  return `{"y": [${targets.join(', ')}], "${c.fromLogits ? 'logits' : 'probs'}": [${predictions}]}`;
}

/** The update the host sends for a literal read with these settings (entropyLens.lossOptions.*). */
function updateWithSettings(text: string, values: Partial<Record<keyof LossOptions, unknown>>): ToWebview {
  const byKey = new Map(Object.entries(values).map(([option, value]) => [LOSS_SETTING_KEYS[option as keyof LossOptions], value]));
  const options: Partial<EvaluateOptions> = { lossDefaults: readLossSettings((key) => byKey.get(key)) };
  const model = buildViewModel(evaluate(text, 'loss', options), { source: { fileName: 'train.py', line: 3, endLine: 3 }, precision: 6, view: 'loss' });
  return { type: 'update', content: { kind: 'model', model }, settings: SETTINGS, state: state('loss') };
}

const shown = (x: Num) => `${x === 'Infinity' ? '∞' : formatNumber(x as number, 6)} nats`;

describe('the loss view: options and conventions (Chromium)', function () {
  this.timeout(60_000);
  const chromium = chromiumSuite();
  let page: Page;
  beforeEach(() => {
    page = chromium.page;
  });

  it('lists the options in effect, each with what it did, and the formula carries them', async () => {
    const c = fixture('cce indices logits, class weights, reduction=sum');
    await send(page, updateWithSettings(literalOf(c), { ...c.options, posWeight: 3 }));
    const options = page.locator('.loss-options [data-option]');
    assert.deepEqual(await options.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-option'))), ['reduction', 'weight'], 'pos_weight does not fit CCE: left out');
    assert.match((await page.locator('[data-option="reduction"]').textContent()) ?? '', /reduction = sum.*the sum of the per-sample losses/);
    assert.match((await page.locator('[data-option="weight"]').textContent()) ?? '', /weight = \[1, 2, 0\.5\]/);
    // The loss on these numbers: PyTorch's CrossEntropyLoss(weight, reduction='sum').
    const card = page.locator('.loss-formula [data-formula]');
    const tex = await card.locator('annotation').allTextContents();
    assert.ok(tex.some((t) => t.includes('w_k') && t.includes('\\sum_{n')), `the formula shows the weights and the sum: ${tex.join(' | ')}`);
    assert.ok(!tex.some((t) => t.includes('\\frac{1}{N}')), 'a sum has no 1/N');
    assert.ok(tex.some((t) => t.includes(formatNumber(c.torch.value as number, 6))), `the value is PyTorch's ${String(c.torch.value)}`);
    // From logits the four conventions give one number: no table, one sentence.
    assert.equal(await page.locator('table.conventions').count(), 0);
    assert.match((await page.locator('.conventions-agree').textContent()) ?? '', new RegExp(`agree.*${formatNumber(c.torch.value as number, 6)}`));
    assert.match((await page.locator('[data-chart="perSample"] figcaption, [data-chart="perSample"] .caption').first().textContent()) ?? '', /their sum/);
  });

  it('shows the four conventions side by side when they differ, marking the one the value follows', async () => {
    const c = fixture('bce probs with 0 and 1: exact +inf, torch clamps at -100');
    await send(page, updateWithSettings(literalOf(c), { convention: 'torch' }));
    const table = page.locator('table.conventions');
    assert.equal(await table.count(), 1);
    const rows = table.locator('tbody tr');
    assert.deepEqual(await rows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-convention'))), ['exact', 'torch', 'keras', 'sklearn']);
    const values = await table.locator('tbody td.number').allTextContents();
    assert.deepEqual(values, [shown(c.exact.value), shown(c.torch.value), shown(c.keras.value), shown(c.sklearn.value)]);
    assert.equal(await table.locator('tr[aria-current="true"]').getAttribute('data-convention'), 'torch');
    assert.match((await table.locator('caption').textContent()) ?? '', /torch/);
    assert.match((await page.locator('[data-option="convention"]').textContent()) ?? '', /PyTorch.*clamped at −100/);
    // The figure is the convention's too.
    assert.equal(await page.locator('.figure[data-key="loss"] .value').textContent(), formatNumber(c.torch.value as number, 6));
  });

  it('names nothing at the defaults: no options block, and the table still says exact is the value', async () => {
    const c = fixture('bce probs with 0 and 1: exact +inf, torch clamps at -100');
    await send(page, updateWithSettings(literalOf(c), { reduction: 'mean', convention: 'exact', labelSmoothing: 0, ignoreIndex: -100 }));
    assert.equal(await page.locator('.loss-options').count(), 0);
    assert.equal(await page.locator('table.conventions tr[aria-current="true"]').getAttribute('data-convention'), 'exact');
    assert.equal(await page.locator('table.conventions tbody td.number').first().textContent(), '∞ nats');
  });

  it('makes every Tab stop of the CCE loss view at 400 px a named one, the derivation’s scrolling steps included', async () => {
    await page.setViewportSize({ width: 400, height: 900 });
    await send(page, updateFor('{"y": [0, 2, 1], "logits": [[2.0, 0.5, -1.0], [0.1, 0.2, 3.0], [1.0, 1.5, 0.3]]}', { view: 'loss' }));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const steps: string[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        return { tag: a.tagName, role: a.getAttribute('role'), overflows: a.scrollWidth > a.clientWidth, isBody: a === document.body, text: a.textContent?.trim() ?? '' };
      });
      if (stop.isBody) break;
      const name = accessibleName(await page.locator(':focus').ariaSnapshot());
      assert.ok(name !== '' || (stop.tag === 'SUMMARY' && stop.text !== ''), `Tab stop ${i} (${stop.tag} ${stop.role ?? ''} "${stop.text.slice(0, 40)}") has a name`);
      if (stop.role === 'region' && /^Step \d+: /.test(name)) {
        assert.ok(stop.overflows, 'a step’s formula is a Tab stop only when it scrolls');
        steps.push(name);
      }
    }
    assert.ok(steps.length > 0, 'the derivation’s formulas scroll at 400 px, and are named Tab stops');
    // Named by the step's own caption, as the page shows it above the formula.
    const captions = await page.locator('.steps .step-caption').allTextContents();
    for (const name of steps) assert.ok(captions.some((caption, i) => name === `Step ${i + 1}: ${caption}`), `"${name}" is a step's number and caption`);
  });
});

/** The accessible name in the first line of an `ariaSnapshot()`: `- role "name"`, the line in YAML's single quotes ('' for a quote) when it holds a colon. */
function accessibleName(yaml: string): string {
  let line = (yaml.split('\n')[0] ?? '').replace(/^- /, '');
  if (line.startsWith("'")) {
    let unquoted = '';
    for (let i = 1; i < line.length && !(line[i] === "'" && line[i + 1] !== "'"); i++) unquoted += line[i] === "'" ? line[++i] : line[i];
    line = unquoted;
  }
  return (/^[a-z]+ "((?:[^"\\]|\\.)*)"/.exec(line)?.[1] ?? '').replace(/\\(.)/g, '$1');
}
