// The visualizer as a playground (issue 13) in real headless Chromium: the temperature and
// label-smoothing sliders, dragging P's and Q's bars with the pointer and the keyboard, Reset, Copy as
// literal and Apply to editor, and the state surviving a restore. Expected values are computed here
// (a local softmax), by the core in Node on the edited numbers, or by PyTorch (test/fixtures).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { evaluateText, type PairEvaluation } from '../../src/core/evaluate';
import { afterDraw, chromiumSuite, posted, send, updateFor } from './harness';

interface SmoothingCase {
  readonly name: string;
  readonly source: string;
  readonly epsilon: number;
  readonly value: number;
}

const fixtures = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test/fixtures/reference.json'), 'utf8')) as { labelSmoothing: SmoothingCase[] };
const PAIR = '{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}';
const LOGITS = [2.0, -1.0, 0.5, 3.0];
const CCE = '{"labels": [2, 0, 1], "logits": [[0.1, 0.2, 3.0], [2.0, -1.0, 0.5], [0.3, 0.3, 0.2]]}';

/** The displayed figure equals `expected` to the six significant digits it shows. */
function shows(text: string | null, expected: number, what: string): void {
  const shown = Number(text);
  assert.ok(Number.isFinite(shown), `${what}: "${text}" is not a number`);
  const halfUnit = 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(expected))) - 5);
  assert.ok(Math.abs(shown - expected) <= halfUnit * (1 + 1e-9), `${what}: shows ${text}, expected ${expected}`);
}

function softmax(z: readonly number[], temperature: number): number[] {
  const scaled = z.map((v) => v / temperature);
  const max = Math.max(...scaled);
  const e = scaled.map((v) => Math.exp(v - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

const entropyOf = (p: readonly number[]) => -p.reduce((acc, v) => acc + (v > 0 ? v * Math.log(v) : 0), 0);
const figure = (page: Page, key: string) => page.locator(`.figure[data-key="${key}"] .value`).textContent();

describe('visualizer playground (Chromium)', function () {
  this.timeout(60_000);
  const chromium = chromiumSuite();
  let page: Page;
  beforeEach(() => {
    page = chromium.page;
  });

  it('the temperature slider at End gives the entropy of softmax(z / 10), and Home that of softmax(z / 0.1)', async () => {
    await send(page, updateFor(`[${LOGITS.join(', ')}]`));
    // The first update and its paint are marked once, for the real workbench's scenario to time.
    const marks = await page.evaluate(() => ['entropylens:first-update', 'entropylens:first-painted'].map((name) => performance.getEntriesByName(name).length));
    assert.deepEqual(marks, [1, 1]);
    const slider = page.getByRole('slider', { name: 'Temperature' });
    assert.equal(await slider.getAttribute('aria-valuetext'), 'T = 1');
    shows(await figure(page, 'entropy'), entropyOf(softmax(LOGITS, 1)), 'H at T = 1');
    await slider.focus();
    await afterDraw(page, () => page.keyboard.press('End'));
    assert.equal(await slider.getAttribute('aria-valuetext'), 'T = 10');
    shows(await figure(page, 'entropy'), entropyOf(softmax(LOGITS, 10)), 'H at T = 10');
    assert.deepEqual(await page.evaluate(() => performance.getEntriesByName('entropylens:first-painted').length), 1, 'marked once, not at every draw');
    // The figure says at which temperature it is; so do the formulas and the notes.
    assert.equal(await page.locator('.figure[data-key="entropy"] .condition').textContent(), ' (T = 10)');
    assert.match((await page.locator('[data-formula="entropy"] h3').textContent()) ?? '', /\(T = 10\)$/);
    assert.ok((await page.locator('.notes li').allTextContents()).some((note) => note.startsWith('At temperature T = 10')));
    await afterDraw(page, () => page.keyboard.press('Home'));
    assert.equal(await slider.getAttribute('aria-valuetext'), 'T = 0.1');
    shows(await figure(page, 'entropy'), entropyOf(softmax(LOGITS, 0.1)), 'H at T = 0.1');
    // An arrow press moves T by a hundredth of a decade.
    await afterDraw(page, () => page.keyboard.press('ArrowRight'));
    shows(await figure(page, 'entropy'), entropyOf(softmax(LOGITS, Math.pow(10, -0.99))), 'H at T = 10^−0.99');
  });

  it('tempers probabilities as p^(1/T) and draws H, H(Q) and both KL directions against T with the current T marked', async () => {
    await send(page, updateFor(PAIR));
    const slider = page.getByRole('slider', { name: 'Temperature' });
    await slider.focus();
    await afterDraw(page, () => page.keyboard.press('End'));
    const tempered = (p: number[]) => softmax(p.map(Math.log), 10);
    const p = tempered([0.1, 0.2, 0.7]);
    const q = tempered([0.3, 0.3, 0.4]);
    shows(await figure(page, 'entropyQ'), entropyOf(q), 'H(Q) at T = 10');
    shows(await figure(page, 'klPQ'), p.reduce((acc, v, i) => acc + v * Math.log(v / q[i]), 0), 'D_KL(P‖Q) at T = 10');
    const chart = page.locator('[data-chart="temperature"]');
    await chart.waitFor();
    assert.equal(await chart.locator('path.line').count(), 4);
    assert.equal(await chart.locator('.cursor-label').textContent(), 'T = 10');
    assert.deepEqual(await chart.locator('.legend li').allTextContents(), ['H(P)', 'H(Q)', 'D_KL(P‖Q)', 'D_KL(Q‖P)']);
    assert.equal(await chart.locator('details summary').textContent(), 'Data table (41 rows)');
    // The stacked bar: H(P,Q) = H(P) + D_KL(P‖Q) on the tempered numbers.
    const label = (await page.locator('svg.decomposition').getAttribute('aria-label')) ?? '';
    const [cross, h, kl] = /, ([\d.e-]+) = ([\d.e-]+) \+ ([\d.e-]+)/.exec(label)!.slice(1).map(Number);
    assert.ok(Math.abs(cross - (h + kl)) < 2e-5, label);
  });

  it('dragging Q’s bar changes D_KL(P‖Q) and D_KL(Q‖P) by the amounts the core computes for the edited vector', async () => {
    await send(page, updateFor(PAIR));
    const before = { pq: Number(await figure(page, 'klPQ')), qp: Number(await figure(page, 'klQP')) };
    const bar = page.locator('[data-chart="pq"] rect.bar[role="slider"][data-drag="1:2"]');
    await bar.scrollIntoViewIfNeeded();
    const box = (await bar.boundingBox())!;
    // Grab q₂ = 0.4 and pull it down 40 px.
    await afterDraw(page, async () => {
      await page.mouse.move(box.x + box.width / 2, box.y + 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2, box.y + 42, { steps: 4 });
      await page.mouse.up();
    });
    const q2 = Number(await page.locator('[data-chart="pq"] rect.bar[data-drag="1:2"]').getAttribute('aria-valuenow'));
    assert.ok(q2 > 0.05 && q2 < 0.39, `q₂ was dragged down, to ${q2}`);
    // The core on the edited Q: q₂ as dragged, q₀ and q₁ sharing the rest in their old proportion.
    const q = [0.3, 0.3].map((v) => (v * (1 - q2)) / 0.6).concat(q2);
    const core = evaluateText(`{"p": [0.1, 0.2, 0.7], "q": [${q.join(', ')}]}`) as PairEvaluation;
    shows(await figure(page, 'klPQ'), core.klPQ.value, 'D_KL(P‖Q) after the drag');
    shows(await figure(page, 'klQP'), core.klQP.value, 'D_KL(Q‖P) after the drag');
    assert.notEqual(Number(await figure(page, 'klPQ')), before.pq);
    assert.notEqual(Number(await figure(page, 'klQP')), before.qp);
    // The stacked bar and JS follow the same numbers.
    shows(await figure(page, 'jsDivergence'), core.jsDivergence, 'JS after the drag');
    assert.equal(await page.locator('.figure[data-key="klPQ"] .condition').textContent(), ' (edited)');

    // The keyboard: the bar has focus after the drag; ↓ takes one step off it.
    await afterDraw(page, () => page.keyboard.press('ArrowDown'));
    const stepped = Number(await page.locator('[data-chart="pq"] rect.bar[data-drag="1:2"]').getAttribute('aria-valuenow'));
    assert.ok(stepped < q2, `↓ lowers q₂ (${q2} → ${stepped})`);
    const q3 = [0.3, 0.3].map((v) => (v * (1 - stepped)) / 0.6).concat(stepped);
    const again = evaluateText(`{"p": [0.1, 0.2, 0.7], "q": [${q3.join(', ')}]}`) as PairEvaluation;
    shows(await figure(page, 'klQP'), again.klQP.value, 'D_KL(Q‖P) after ↓');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-drag')), '1:2');
  });

  it('label smoothing matches PyTorch’s CrossEntropyLoss(label_smoothing=ε)', async () => {
    await send(page, updateFor(CCE, { view: 'loss' }));
    const slider = page.getByRole('slider', { name: 'Label smoothing' });
    const torch = (epsilon: number) => fixtures.labelSmoothing.find((c) => c.name.startsWith('hand: indices on logits') && c.epsilon === epsilon)!;
    assert.match(torch(0.1).source, /^torch /);
    shows(await figure(page, 'loss'), torch(0).value, 'ε = 0');
    await slider.focus();
    for (let i = 0; i < 10; i++) await afterDraw(page, () => page.keyboard.press('ArrowRight'));
    assert.equal(await slider.getAttribute('aria-valuetext'), 'ε = 0.1');
    shows(await figure(page, 'loss'), torch(0.1).value, 'ε = 0.1');
    assert.match((await page.locator('[data-formula="smoothing"] .substituted annotation').textContent()) ?? '', /1 \\mapsto 0\.933333/);
    await afterDraw(page, () => page.keyboard.press('End'));
    assert.equal(await slider.getAttribute('aria-valuetext'), 'ε = 0.5');
    shows(await figure(page, 'loss'), torch(0.5).value, 'ε = 0.5');
  });

  it('Reset returns to the literal; Copy as literal and Apply to editor send the state, only when there is something to write', async () => {
    await send(page, updateFor(PAIR));
    const copy = page.getByRole('button', { name: 'Copy as literal' });
    assert.ok(await copy.isDisabled(), 'nothing to copy at the literal as written');
    await page.getByRole('slider', { name: 'Temperature' }).focus();
    await afterDraw(page, () => page.keyboard.press('End'));
    await copy.click();
    await page.getByRole('button', { name: 'Apply to editor' }).click();
    const messages = (await posted(page)).filter((m) => m.type === 'copyLiteral' || m.type === 'applyLiteral');
    assert.deepEqual(messages, [
      { type: 'copyLiteral', playground: { temperature: 10, smoothing: 0, edits: { p: [], q: [] } } },
      { type: 'applyLiteral', playground: { temperature: 10, smoothing: 0, edits: { p: [], q: [] } } },
    ]);
    // Copy: Markdown copies what the panel shows, so it carries the state too. At 900 px it is behind More.
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('button', { name: 'Copy figures (Markdown)' }).click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'copyMarkdown', playground: { temperature: 10, smoothing: 0, edits: { p: [], q: [] } } });
    await afterDraw(page, () => page.getByRole('button', { name: 'Reset' }).click());
    // Reset is a draw of its own: back to the numbers as written, and the buttons say there is nothing to write.
    assert.equal(await figure(page, 'klPQ'), '0.200777');
    assert.equal(await page.locator('.figure .condition').count(), 0);
    assert.equal(await page.getByRole('slider', { name: 'Temperature' }).inputValue(), '0');
  });

  it('starts from the literal again once the host applied the playground to the document', async () => {
    await send(page, updateFor(PAIR));
    await page.getByRole('slider', { name: 'Temperature' }).focus();
    await afterDraw(page, () => page.keyboard.press('End'));
    // The host replaced the literal with the tempered numbers, then sends the document's new literal.
    await page.evaluate(() => globalThis.__lens.send({ type: 'applied' }));
    assert.equal(await page.locator('.figure[data-key="klPQ"] .condition').textContent(), ' (T = 10)', 'nothing changes before the new literal arrives');
    await send(page, updateFor('{"p": [0.31, 0.33, 0.36], "q": [0.33, 0.33, 0.34]}'));
    assert.equal(await page.getByRole('slider', { name: 'Temperature' }).getAttribute('aria-valuetext'), 'T = 1');
    assert.equal(await page.locator('.figure .condition').count(), 0, 'not tempered a second time');
  });

  it('keeps T and the edits across a restore, and drops edits of another literal', async () => {
    await send(page, updateFor(PAIR));
    await page.getByRole('slider', { name: 'Temperature' }).focus();
    for (const _ of [1, 2, 3]) await afterDraw(page, () => page.keyboard.press('ArrowRight'));
    const bar = page.locator('[data-chart="pq"] rect.bar[data-drag="0:0"]');
    await bar.focus();
    await afterDraw(page, () => page.keyboard.press('PageUp'));
    const saved = await page.evaluate(() => globalThis.__lens.state);
    assert.equal(saved?.playground?.temperature, Math.pow(10, 0.03));
    assert.equal(saved?.playground?.edits.p.length, 1);
    const shown = { klPQ: await figure(page, 'klPQ'), entropy: await figure(page, 'entropy') };

    const restored = await chromium.harness.open('dark', saved);
    try {
      await send(restored, updateFor(PAIR));
      assert.equal(await restored.getByRole('slider', { name: 'Temperature' }).getAttribute('aria-valuetext'), 'T = 1.07');
      assert.equal(await figure(restored, 'klPQ'), shown.klPQ);
      assert.equal(await figure(restored, 'entropy'), shown.entropy);
      // Another literal: the edits were of the old numbers and go; the temperature stays.
      await send(restored, updateFor('{"p": [0.5, 0.5], "q": [0.9, 0.1]}'));
      assert.equal(await restored.locator('.figure[data-key="klPQ"] .condition').textContent(), ' (T = 1.07)');
      assert.deepEqual(await restored.evaluate(() => globalThis.__lens.errors), []);
    } finally {
      await restored.close();
    }
    // A damaged playground in the saved state is dropped; the panel still comes back.
    const damaged = await chromium.harness.open('dark', { ...saved, playground: { temperature: 99, smoothing: 0, edits: { p: [], q: [] }, key: 'x' } });
    try {
      await send(damaged, updateFor(PAIR));
      assert.equal(await figure(damaged, 'klPQ'), '0.200777');
    } finally {
      await damaged.close();
    }
  });

  it('is reachable by keyboard: Tab to the slider, to one bar per chart, arrows between bars; nothing animates', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await send(page, updateFor(PAIR));
    const reached: string[] = [];
    for (let i = 0; i < 40 && reached.length < 3; i++) {
      await page.keyboard.press('Tab');
      const what = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.getAttribute('role') === 'slider' || el?.id === 'temperature' ? (el.id || el.getAttribute('data-drag') || '') : '';
      });
      if (what) reached.push(what);
    }
    // The temperature slider, then the first bar of P — one tab stop for the whole chart.
    assert.deepEqual(reached.slice(0, 2), ['temperature', '0:0']);
    assert.notEqual(reached[2], '1:0', 'Q’s first bar is not a second tab stop');
    const bar = page.locator('[data-chart="pq"] rect.bar[data-drag="0:0"]');
    await bar.focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-drag')), '1:0');
    assert.equal(await page.locator('[data-chart="pq"] rect.bar[data-drag="1:0"]').getAttribute('aria-valuetext'), 'Q of 0 = 0.3');
    await afterDraw(page, () => page.keyboard.press('ArrowUp'));
    assert.equal(await page.evaluate(() => document.getAnimations().length), 0);
  });

  it('never shows NaN: logits of ±1000 at T = 0.1 and at T = 10', async () => {
    await send(page, updateFor('{"p": [1000, -1000, 0], "q": [0, 0, 0.5]}'));
    const slider = page.getByRole('slider', { name: 'Temperature' });
    await slider.focus();
    for (const key of ['Home', 'End']) {
      await afterDraw(page, () => page.keyboard.press(key));
      const values = await page.locator('.figure .value').allTextContents();
      assert.ok(values.every((v) => v !== 'NaN' && v !== ''), values.join(' '));
      assert.equal(await page.getByText('NaN').count(), 0);
    }
  });
});
