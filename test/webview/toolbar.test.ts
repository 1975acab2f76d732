// The toolbar (issue 14, src/webview/toolbar.ts) in Chromium: one row with a "More" disclosure when
// narrow, groups only where they apply, radio groups with a roving tabindex, choices that change
// the panel only (Make default is the one message that writes settings), a focus ring apart from
// the fill, and an accessibility tree that names every control and every figure once.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { figuresOf } from '../../src/core/figures';
import type { ToWebview } from '../../src/shared/protocol';
import { chromiumSuite, evaluate, posted, send, updateFor } from './harness';

const PAIR = '{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}';
const CCE = '{"y": [0, 2, 1], "logits": [[2, 1, 0.1], [0.5, 0.2, 1.5], [0.3, 2.2, 0.1]]}';
const MSE = '{"y": [1.5, 2, -1], "yhat": [1.2, 2.4, 0]}';

/** The groups the toolbar shows, by accessible name, in order (hidden ones are not in the tree). */
async function groups(page: Page): Promise<string[]> {
  return page.locator('.toolbar [role="radiogroup"], .toolbar [role="toolbar"]').evaluateAll((nodes) =>
    nodes.filter((n) => (n as HTMLElement).getClientRects().length > 0 || n.closest('.toolbar-more')).map((n) => n.getAttribute('aria-label') ?? ''),
  );
}

/** The toolbar's height, and one row's: a control's height plus the toolbar's own padding and border. */
async function heights(page: Page): Promise<{ toolbar: number; row: number }> {
  return page.evaluate(() => {
    const bar = document.querySelector<HTMLElement>('.toolbar')!;
    const style = getComputedStyle(bar);
    const chrome = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce((sum, key) => sum + parseFloat(style[key as 'paddingTop']), 0);
    const control = document.querySelector<HTMLElement>('.toolbar button.lock')!.getBoundingClientRect().height;
    return { toolbar: bar.getBoundingClientRect().height, row: control + chrome };
  });
}

async function tabStopsBeforeContent(page: Page): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const inToolbar = await page.evaluate(() => document.activeElement?.closest('.toolbar') !== null && document.activeElement !== document.body);
    if (!inToolbar) return stops;
    stops.push(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.focus ?? '?'));
  }
  return stops;
}

describe('visualizer toolbar (Chromium)', function () {
  this.timeout(60_000);
  const chromium = chromiumSuite();
  let page: Page;
  beforeEach(() => {
    page = chromium.page;
  });

  it('is one row at 400 px (at most two, measured against one row’s height) and at 1,400 px', async () => {
    const cases: [string, ToWebview][] = [
      ['pair', updateFor(PAIR)],
      ['cce', updateFor(CCE)],
      ['pair as a loss, with choices to make default', withDefaults(updateFor(PAIR, { view: 'loss' }))],
    ];
    for (const width of [400, 1400]) {
      await page.setViewportSize({ width, height: 800 });
      for (const [name, update] of cases) {
        await send(page, update);
        const { toolbar, row } = await heights(page);
        assert.ok(toolbar <= 2 * row, `${name} at ${width} px: the toolbar is ${toolbar} px tall, one row is ${row} px`);
        const tops = await page.locator('.toolbar button').evaluateAll((bs) => [...new Set(bs.filter((b) => b.getClientRects().length > 0).map((b) => Math.round(b.getBoundingClientRect().top)))]);
        assert.equal(tops.length, 1, `${name} at ${width} px: every visible control in one row`);
      }
    }
    // Wide, everything is in the row and there is nothing to fold.
    assert.equal(await page.locator('.toolbar .more').isVisible(), false);
    assert.equal(await page.locator('.toolbar button[data-focus="makeDefault"]').isVisible(), true);
  });

  it('folds the other groups behind "More" when narrow: a disclosure that opens below, Escape closes it', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    await send(page, updateFor(PAIR));
    const more = page.locator('.toolbar .more');
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('.toolbar [aria-label="Read as"]').isVisible(), false);
    const stops = await tabStopsBeforeContent(page);
    assert.deepEqual(stops, ['unit:nats', 'lock', 'more'], 'three Tab stops before the content (there were 17)');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.focus), 'more');
    await page.keyboard.press('Enter');
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('.toolbar [aria-label="Read as"]').isVisible(), true);
    // The groups it opened come right after it in the Tab order: View, Read as, Copy.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.focus), 'view:figures');
    // A new update (the host answering a choice) keeps it open.
    await send(page, updateFor(PAIR));
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Escape');
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.focus), 'more');
    assert.equal(await page.locator('.toolbar [aria-label="Read as"]').isVisible(), false);
  });

  it('shows each group only where it applies', async () => {
    await page.setViewportSize({ width: 1400, height: 800 });
    const expected: [string, ToWebview, string[]][] = [
      ['a distribution', updateFor('[0.2, 0.8]'), ['Unit', 'Read as', 'Copy']],
      ['a pair', updateFor(PAIR), ['Unit', 'View', 'Read as', 'Copy']],
      // Read as targets and predictions, two probability vectors are an MSE (soft targets): no reading to choose.
      ['a pair in the loss view', updateFor(PAIR, { view: 'loss' }), ['Unit', 'View', 'Loss', 'Copy']],
      ['CCE', updateFor(CCE), ['Unit', 'Loss', 'Read as', 'Copy']],
      ['MSE', updateFor(MSE), ['Unit', 'Loss', 'Copy']],
    ];
    for (const [name, update, names] of expected) {
      await send(page, update);
      assert.deepEqual(await groups(page), names, name);
    }
    // A loss's predictions are read as probabilities or logits, never counts.
    await send(page, updateFor(CCE));
    assert.deepEqual(await page.locator('.toolbar [aria-label="Read as"] [role="radio"]').allTextContents(), ['auto', 'probabilities', 'logits']);
    // An error: the lock only, and Read as when a reading other than auto was chosen (it may be why).
    const error = { kind: 'error', error: { message: 'predictions are read as probabilities or logits, not counts', code: 'shape', fileName: 'a.py', line: 1, column: 1 } } as const;
    const base = updateFor(CCE) as Extract<ToWebview, { type: 'update' }>;
    await send(page, { ...base, content: error });
    assert.deepEqual(await groups(page), []);
    await send(page, { ...base, content: error, settings: { ...base.settings, interpretation: 'counts' } });
    assert.deepEqual(await groups(page), ['Read as']);
  });

  it('makes exclusive choices radio groups: one Tab stop each, arrows choose, the host is told', async () => {
    await page.setViewportSize({ width: 1400, height: 800 });
    await send(page, updateFor(PAIR));
    for (const group of await page.locator('.toolbar [role="radiogroup"]').all()) {
      const radios = group.locator('[role="radio"]');
      assert.equal(await group.locator('[role="radio"][aria-checked="true"]').count(), 1);
      assert.deepEqual(await radios.evaluateAll((rs) => rs.filter((r) => r.getAttribute('tabindex') === '0').map((r) => r.getAttribute('aria-checked'))), ['true'], 'the checked radio is the one Tab stop');
    }
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.focus), 'unit:nats');
    await page.keyboard.press('ArrowRight');
    assert.deepEqual((await posted(page)).at(-1), { type: 'setUnit', unit: 'bits' });
    assert.equal(await page.locator('[data-focus="unit:bits"]').getAttribute('aria-checked'), 'true');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.focus), 'unit:bits');
    await page.keyboard.press('End');
    assert.deepEqual((await posted(page)).at(-1), { type: 'setUnit', unit: 'hartleys' });
    await page.keyboard.press('ArrowRight');
    assert.deepEqual((await posted(page)).at(-1), { type: 'setUnit', unit: 'nats' }, 'the arrows wrap around');
    // The host answers; focus stays where it was across the re-render, the choice drawn checked.
    await send(page, updateFor(PAIR, { unit: 'nats' }));
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.focus), 'unit:nats');
    // The next Tab leaves the group: the lock.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.focus), 'lock');
    await page.keyboard.press('Space');
    assert.deepEqual((await posted(page)).at(-1), { type: 'setLocked', locked: true });
    // Copy is a toolbar of two buttons, one Tab stop; the arrows move, Enter copies.
    await page.keyboard.press('Tab'); // View
    await page.keyboard.press('Tab'); // Read as
    await page.keyboard.press('Tab'); // Copy
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.focus), 'copyMarkdown');
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).at(-1), { type: 'copyMarkdown' });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).at(-1), { type: 'copyLatex' });
  });

  it('keeps the lock’s name and changes only aria-pressed', async () => {
    await send(page, updateFor(PAIR));
    const lock = page.locator('.toolbar button.lock');
    const before = { name: await lock.getAttribute('aria-label'), text: await lock.textContent(), pressed: await lock.getAttribute('aria-pressed') };
    const locked = updateFor(PAIR) as Extract<ToWebview, { type: 'update' }>;
    await send(page, { ...locked, state: { ...locked.state, locked: true } });
    const after = { name: await lock.getAttribute('aria-label'), text: await lock.textContent(), pressed: await lock.getAttribute('aria-pressed') };
    assert.deepEqual(before, { name: 'Lock to this literal', text: 'Lock', pressed: 'false' });
    assert.deepEqual(after, { ...before, pressed: 'true' });
  });

  it('offers "Make default" only while the panel’s choices differ from the settings, and says what it writes', async () => {
    await page.setViewportSize({ width: 1400, height: 800 });
    await send(page, updateFor(PAIR, { unit: 'bits' }));
    assert.equal(await page.locator('[data-focus="makeDefault"]').count(), 0);
    await send(page, withDefaults(updateFor(PAIR, { unit: 'bits' })));
    const button = page.locator('[data-focus="makeDefault"]');
    assert.match((await button.getAttribute('title')) ?? '', /entropyLens\.unit: nats → bits/);
    await button.click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'makeDefault' });
  });

  it('draws a checked control’s focus ring apart from its fill, in dark and high contrast', async () => {
    for (const theme of ['dark', 'high-contrast'] as const) {
      const themed = theme === 'dark' ? page : await chromium.harness.open(theme);
      await send(themed, updateFor(PAIR));
      await themed.keyboard.press('Tab');
      const ring = await themed.evaluate(() => {
        const focused = document.activeElement as HTMLElement;
        const style = getComputedStyle(focused);
        return { checked: focused.getAttribute('aria-checked'), outline: style.outlineStyle, offset: parseFloat(style.outlineOffset), width: style.outlineWidth, shadow: style.boxShadow };
      });
      assert.equal(ring.checked, 'true', `${theme}: the checked radio has focus`);
      assert.equal(ring.outline, 'solid', theme);
      assert.ok(ring.offset >= 2, `${theme}: a gap of the page's background between the fill and the ring (${ring.offset} px)`);
      // The ring is the theme's focus colour, which Dark Modern makes nearly the fill's blue: the gap tells them apart.
      assert.ok(parseFloat(ring.width) >= 2, `${theme}: a 2 px ring`);
      if (theme === 'high-contrast') {
        // Black fill on a black page: the checked mark is inside the border, the ring outside.
        assert.notEqual(ring.shadow, 'none');
        const unfocused = await themed.locator('.toolbar [aria-label="View"] [aria-checked="true"]').evaluate((b) => ({ shadow: getComputedStyle(b).boxShadow, outline: getComputedStyle(b).outlineStyle }));
        assert.notEqual(unfocused.shadow, 'none', 'checked is visible without focus');
        assert.equal(unfocused.outline, 'none', 'and is not drawn as a focus ring');
      }
    }
  });

  it('moves nothing under reduced motion', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 400, height: 800 });
    await send(page, updateFor(PAIR));
    await page.locator('.toolbar .more').click();
    const moving = await page.evaluate(() => [...document.querySelectorAll('.toolbar, .toolbar *')].filter((n) => {
      const style = getComputedStyle(n);
      return style.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || style.animationName !== 'none';
    }).length);
    assert.equal(moving, 0);
  });

  it('names every control and every figure once in the accessibility tree', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    for (const literal of [PAIR, CCE]) {
      await send(page, withDefaults(updateFor(literal)));
      const nodes = parseAria(await page.locator('body').ariaSnapshot());
      const interactive = nodes.filter((n) => INTERACTIVE.has(n.role));
      assert.ok(interactive.length > 10, `${interactive.length} controls`);
      for (const node of interactive) assert.ok(node.name.trim() !== '', `a ${node.role} without a name (line ${node.line})`);
      // The toolbar: each group named once; each control's name unique within its group and among the toolbar's buttons.
      const toolbar = parseAria(await page.locator('.toolbar').ariaSnapshot());
      const groupNames = toolbar.filter((n) => n.role === 'radiogroup' || n.role === 'toolbar').map((n) => n.name);
      assert.equal(new Set(groupNames).size, groupNames.length, `groups named once: ${groupNames.join(', ')}`);
      const buttons = toolbar.filter((n) => n.role === 'button').map((n) => n.name);
      assert.equal(new Set(buttons).size, buttons.length, `buttons named once: ${buttons.join(', ')}`);
      for (const group of toolbar.filter((n) => n.role === 'radiogroup')) {
        const radios = toolbar.filter((n) => n.role === 'radio' && n.parent === group.line).map((n) => n.name);
        assert.ok(radios.length >= 2, `${group.name} has its radios`);
        assert.equal(new Set(radios).size, radios.length, `${group.name}: ${radios.join(', ')}`);
      }
      // No toggle buttons for exclusive choices any more: no pressed state except the lock.
      assert.deepEqual(await page.locator('.toolbar [aria-pressed]').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label'))), ['Lock to this literal']);
      // Every figure is one term with its plain name, read once: no "H ( P )" from KaTeX's MathML beside it.
      const terms = nodes.filter((n) => n.role === 'term').map((n) => n.text);
      const figures = figuresOf(evaluate(literal));
      assert.equal(terms.length, figures.length);
      assert.equal(new Set(terms).size, terms.length, `figure names are unique: ${terms.join(' | ')}`);
      for (const term of terms) assert.doesNotMatch(term, /[()]|\bH\b/, `"${term}" is a plain name, once`);
      assert.equal(nodes.filter((n) => n.parentRole === 'term' && n.role === 'math').length, 0, 'no math read inside a figure name');
    }
    // The pair's names, as a person would say them.
    await send(page, updateFor(PAIR));
    const terms = parseAria(await page.locator('.figure-grid').ariaSnapshot()).filter((n) => n.role === 'term').map((n) => n.text);
    assert.deepEqual(terms, [
      'entropy of P',
      'entropy of Q',
      'cross-entropy of P and Q',
      'Kullback–Leibler divergence of P from Q',
      'Kullback–Leibler divergence of Q from P',
      'Jensen–Shannon divergence of P and Q',
    ]);
  });

  it('makes every Tab stop at 400 px a named one, scrolling formulas included', async () => {
    await page.setViewportSize({ width: 400, height: 900 });
    await send(page, updateFor(PAIR));
    let regions = 0;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        const overflows = a.scrollWidth > a.clientWidth;
        return { tag: a.tagName, role: a.getAttribute('role'), overflows, isBody: a === document.body };
      });
      if (stop.isBody) break;
      const name = parseAria(await page.locator(':focus').ariaSnapshot())[0]?.name ?? '';
      const text = (await page.locator(':focus').textContent())?.trim() ?? '';
      assert.ok(name !== '' || (stop.tag === 'SUMMARY' && text !== ''), `Tab stop ${i} (${stop.tag} ${stop.role ?? ''} "${text}") has a name`);
      if (stop.role === 'region') {
        regions++;
        assert.ok(stop.overflows, 'a formula is a Tab stop only when it scrolls');
        assert.match(name, /: (the formula|on these numbers)$/);
      }
    }
    assert.ok(regions > 0, 'the KL formulas scroll at 400 px, and are named Tab stops');
  });
});

/** The same update, as the host sends it while the panel's unit (bits) differs from the setting (nats). */
function withDefaults(update: ToWebview): ToWebview {
  if (update.type !== 'update') return update;
  return { ...update, settings: { ...update.settings, unit: 'bits', defaults: { unit: 'nats' } } };
}

/** `'role "a: b"': text` → `role "a: b": text` (YAML single quotes, '' for a quote). */
function unquote(body: string): string {
  let out = '';
  let i = 1;
  for (; i < body.length; i++) {
    if (body[i] !== "'") out += body[i];
    else if (body[i + 1] === "'") out += body[++i];
    else break;
  }
  return out + body.slice(i + 1);
}

const INTERACTIVE = new Set(['button', 'radio', 'slider', 'link', 'checkbox', 'textbox', 'combobox', 'switch', 'tab', 'menuitem', 'spinbutton']);

interface AriaNode {
  readonly role: string;
  readonly name: string;
  /** The text after the colon (a term's content). */
  readonly text: string;
  readonly line: number;
  readonly parent: number | undefined;
  readonly parentRole: string | undefined;
}

/**
 * The YAML of `ariaSnapshot()` as nodes with their parent: `- role "name" [attrs]: text`, indented
 * two spaces a level. Names and texts may be quoted in YAML's way ('…' around a line with a colon).
 */
function parseAria(yaml: string): AriaNode[] {
  const nodes: AriaNode[] = [];
  const stack: { indent: number; line: number; role: string }[] = [];
  yaml.split('\n').forEach((raw, line) => {
    const match = /^(\s*)- (.*)$/.exec(raw);
    if (!match) return;
    const indent = match[1].length;
    let body = match[2];
    if (body.startsWith("'")) body = unquote(body);
    const parsed = /^([a-z]+)(?: "((?:[^"\\]|\\.)*)")?(?: \[[^\]]*\])*(?::\s*(.*))?$/.exec(body);
    if (!parsed) return;
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
    const parent = stack.at(-1);
    const text = (parsed[3] ?? '').replace(/^"(.*)"$/, '$1');
    nodes.push({ role: parsed[1], name: parsed[2] ?? '', text, line, parent: parent?.line, parentRole: parent?.role });
    stack.push({ indent, line, role: parsed[1] });
  });
  return nodes;
}
