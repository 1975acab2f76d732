// A small user-level API over the VS Code web workbench, given to each scenario in
// test/scenarios/*.mjs: it acts through the keyboard and mouse as a person would.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { waitUntil } from '../../test/scenarios/lib/expect.mjs';
import { ROOT } from './pins.mjs';

export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/**
 * Default wait for anything the workbench should show; bounded so a stuck UI fails. Generous:
 * on a busy 2-core machine Quick Open's first file search alone was seen taking over 15 s.
 */
const UI_TIMEOUT_MS = 30_000;

/** Monaco renders spaces as non-breaking spaces: compare texts with plain spaces. @param {string} text */
function plain(text) {
  return text.replace(/\u00a0/g, ' ');
}

/**
 * Waits until the workbench is usable: layout rendered, status bar up, editor area focusable.
 * @param {import('playwright-core').Page} page
 */
export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
  // The explorer lists the folder once the remote file system answers.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/**
 * The webview's page (`iframe.webview` → `#active-frame`) as a frame locator. An open notebook
 * draws its cell outputs in a webview too (`purpose=notebookRenderer`): never that one.
 * @param {import('playwright-core').Page} page
 */
function webviewFrame(page) {
  return page.frameLocator('iframe.webview:not([src*="purpose=notebookRenderer"])').first().frameLocator('#active-frame');
}

/**
 * `text` as Monaco renders it (spaces as non-breaking spaces), for a locator's hasText: a string
 * there ignores case ("Softmax" would match "softmax"), a regex does not.
 * @param {string} text
 */
function textPattern(text) {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \u00a0]'));
}

/**
 * The helper API for one scenario.
 * @param {import('playwright-core').Page} page @param {string} scenarioName used in screenshot names
 */
export function createWorkbench(page, scenarioName) {
  const api = {
    page,
    UI_TIMEOUT_MS,

    /** Opens a workspace file by Quick Open (Ctrl+P) and waits for its editor tab. @param {string} path */
    async openFile(path) {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await input.fill(path);
      const name = basename(path);
      // Enter opens the focused row: wait until the filtered list has put this file there (the list
      // of recently opened files shows first, with another file focused).
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Enter');
      await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ timeout: UI_TIMEOUT_MS });
    },

    /**
     * Clicks into the active editor's text, near its top-left corner (scrollbars and minimap sit
     * on the right). With the mouse, not `locator.click`: Playwright would first scroll the
     * text's element "into view", and in an editor narrowed by the visualizer, whose text layer is
     * wider than its box, that scrolls Monaco's clipping container natively and leaves the editor
     * drawn off to one side for good.
     */
    async focusEditor() {
      const guard = page.locator('.editor-group-container.active .monaco-editor .overflow-guard').first();
      await guard.waitFor({ timeout: UI_TIMEOUT_MS });
      const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().boundingBox();
      const box = await guard.boundingBox();
      if (!box || !lines) throw new Error('the active editor has no layout');
      await page.mouse.click(Math.max(lines.x, box.x) + 8, box.y + 8);
    },

    /**
     * Selects the first occurrence of `text` in the active editor through the Find widget
     * (closing it with Escape leaves the match selected) and checks the status bar's count.
     * `text` may span lines (the Find widget searches multi-line text as typed).
     * @param {string} text
     */
    async selectText(text) {
      await api.focusEditor();
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Control+F');
      // A closed Find widget stays in the DOM, only moved above the editor (Playwright calls that
      // visible): wait for the `visible` class the widget gets once it has opened and seeded its input,
      // so that seeding cannot overwrite what is typed.
      const find = page.locator('.editor-group-container.active .find-widget.visible textarea, .editor-group-container.active .find-widget.visible input').first();
      await find.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await find.fill(text);
      await page.locator('.editor-group-container.active .find-widget .matchesCount', { hasNotText: 'No results' }).waitFor({ timeout: UI_TIMEOUT_MS });
      // Find-as-you-type already selected the first match after the cursor; Enter would move on.
      // Escape closes the widget and keeps the selection (a second one if the first was eaten).
      const widget = page.locator('.editor-group-container.active .find-widget.visible');
      for (let i = 0; i < 3 && (await widget.count()) > 0; i += 1) {
        await page.keyboard.press('Escape');
        await widget.waitFor({ state: 'detached', timeout: 2_000 }).catch(() => {});
      }
      // The status bar counts characters, a line break as one (the samples use LF).
      await api.waitForStatusBar(`(${text.length} selected)`);
    },

    /**
     * Waits for a status bar item containing `text` (e.g. "Ln 7, Col 19 (5 selected)"); returns its text.
     * @param {string} text @param {number} [timeoutMs]
     */
    async waitForStatusBar(text, timeoutMs = UI_TIMEOUT_MS) {
      const item = page.locator('.statusbar-item', { hasText: text }).first();
      try {
        await item.waitFor({ timeout: timeoutMs });
      } catch {
        const items = (await page.locator('.statusbar-item').allInnerTexts()).map((t) => plain(t).trim()).filter(Boolean);
        throw new Error(`no status bar item contains "${text}" after ${timeoutMs / 1000}s; status bar: ${JSON.stringify(items)}`);
      }
      return plain(await item.innerText()).trim();
    },

    /** Runs a command from the palette (F1) by its title, e.g. "Entropy Lens: Evaluate Selection". @param {string} title */
    async runCommand(title) {
      await page.keyboard.press('F1');
      await api.pick(`>${title}`, title, `the command palette has no command titled "${title}"`);
    },

    /**
     * Types `query` into the open quick input and clicks the row labelled exactly `label` (the
     * first row is often a longer, fuzzier match: "Preferences: Browse Color Themes…" before
     * "Preferences: Color Theme").
     * @param {string} query @param {string} label @param {string} [failure]
     */
    async pick(query, label, failure) {
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await input.fill(query);
      // A row's aria-label is its label, then ", " and its keybinding or description if any.
      const quoted = JSON.stringify(label);
      const row = page.locator(`.quick-input-list .monaco-list-row[aria-label=${quoted}], .quick-input-list .monaco-list-row[aria-label^=${JSON.stringify(`${label},`)}]`).first();
      try {
        await row.waitFor({ timeout: UI_TIMEOUT_MS });
      } catch {
        const rows = await page.locator('.quick-input-list .monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
        await page.keyboard.press('Escape');
        throw new Error(`${failure ?? `no row labelled "${label}" for "${query}"`}; rows: ${JSON.stringify(rows)}`);
      }
      await row.click({ timeout: UI_TIMEOUT_MS });
      // Accepted: the quick input closes, or a follow-up picker (the theme list) replaces the query.
      await page.waitForFunction((typed) => {
        const box = document.querySelector('.quick-input-widget input');
        return !box || box.offsetParent === null || box.value !== typed;
      }, query, { timeout: UI_TIMEOUT_MS });
    },

    /** Text of a modal dialog on screen (e.g. "command ... not found"), or '' if none. */
    async dialogText() {
      const dialog = page.locator('.monaco-dialog-box');
      return (await dialog.count()) > 0 ? plain(await dialog.first().innerText()).replace(/\s+/g, ' ').trim() : '';
    },

    /** Texts of the notification toasts on screen now. @returns {Promise<string[]>} */
    async notifications() {
      const texts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
      return texts.map(plain);
    },

    /**
     * Waits for a notification toast containing `text`; toasts fade after ~10 s, so assert at once.
     * @param {string} text @param {number} [timeoutMs]
     */
    async waitForNotification(text, timeoutMs = UI_TIMEOUT_MS) {
      const deadline = Date.now() + timeoutMs;
      /** Every toast shown during the wait, for the failure message: toasts come and go. */
      const shown = new Set();
      while (Date.now() < deadline) {
        const seen = await api.notifications();
        for (const t of seen) shown.add(t.replace(/\s+/g, ' ').trim());
        const hit = seen.find((t) => t.includes(text));
        if (hit) {
          await api.settle('.notifications-toasts .notification-toast');
          return hit;
        }
        // A failing command shows a modal dialog instead of a toast: fail at once with its text.
        const dialog = await api.dialogText();
        if (dialog) throw new Error(`expected a notification containing "${text}", got a dialog: ${dialog}`);
        await page.waitForTimeout(200);
      }
      throw new Error(`no notification contains "${text}" after ${timeoutMs / 1000}s; toasts shown meanwhile: ${JSON.stringify([...shown])}`);
    },

    /**
     * Waits (at most 3 s) until the last element matching `selector` stops moving: toasts slide
     * and fade in, and a screenshot taken mid-way shows them over the status bar.
     * @param {string} selector
     */
    async settle(selector) {
      const element = page.locator(selector).last();
      let before = await element.boundingBox().catch(() => null);
      for (let i = 0; i < 15; i += 1) {
        await page.waitForTimeout(200);
        const now = await element.boundingBox().catch(() => null);
        const opacity = await element.evaluate((e) => getComputedStyle(e).opacity).catch(() => '1');
        if (JSON.stringify(now) === JSON.stringify(before) && opacity === '1') return;
        before = now;
      }
    },

    /**
     * The middle of the first rendered occurrence of `text` in the active editor, on a character
     * (not a space or comma), as the page lays it out now (a DOM range over Monaco's token spans,
     * so proportional widths and tabs cannot throw it off); undefined while the line is not laid
     * out (an editor still opening has empty boxes: resting at (0, 0) would hover the title bar),
     * null when the text is not on screen.
     * @param {string} text @returns {Promise<{ x: number, y: number } | undefined | null>}
     */
    async middleOf(text) {
      const line = page.locator('.editor-group-container.active .view-lines .view-line', { hasText: textPattern(text) }).first();
      await line.waitFor({ timeout: UI_TIMEOUT_MS });
      return line.evaluate((element, wanted) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let joined = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          nodes.push({ node, start: joined.length });
          joined += node.data.replace(/\u00a0/g, ' ');
        }
        const column = joined.indexOf(wanted);
        if (column < 0) return null;
        const at = (offset) => {
          const hit = nodes.filter((n) => n.start <= offset).pop();
          return [hit.node, offset - hit.start];
        };
        // Rest on a character of text, not on a space or a comma: a hover asks about what is under
        // the pointer, and whitespace between words made the hover flaky on a busy machine.
        let middle = column + Math.floor(wanted.length / 2);
        while (middle > column && /[\s,]/.test(joined[middle])) middle--;
        const range = document.createRange();
        range.setStart(...at(middle));
        range.setEnd(...at(middle + 1));
        const rect = range.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) return undefined;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }, text).catch(() => undefined);
    },

    /**
     * Hovers the first rendered occurrence of `text` in the active editor and resolves the hover's
     * text once it contains `until` (a hover first says "Loading…" while providers work).
     * The pointer goes to `middleOf(text)`.
     * @param {string} text @param {string} [until]
     */
    async hover(text, until = '') {
      const locate = () => api.middleOf(text);
      const hover = api.hoverWidget();
      // A hover asked for before the extension registered its provider never gets its part:
      // as a person would, move away and rest on the text again until it shows what we wait for.
      const deadline = Date.now() + 2 * UI_TIMEOUT_MS;
      let seen = '';
      let attempts = 0;
      let point;
      while (Date.now() < deadline) {
        const found = await locate();
        if (found === null) throw new Error(`"${text}" is not visible in the editor`);
        if (found === undefined) {
          await page.waitForTimeout(250);
          continue;
        }
        point = found;
        attempts += 1;
        if (attempts % 2 === 1) {
          const gutter = await page.locator('.editor-group-container.active .monaco-editor .margin').first().boundingBox();
          await page.mouse.move(gutter ? gutter.x + 4 : point.x - 40, point.y);
          await page.mouse.move(point.x, point.y, { steps: 4 });
        } else {
          // The keyboard's way to the same hover (Show or Focus Hover, Ctrl+K Ctrl+I) at a cursor
          // put on the text: mouse hovers in headless Chromium on a busy machine sometimes never
          // fire, and a person without a mouse does exactly this.
          await page.mouse.click(point.x, point.y);
          await page.keyboard.press('Control+K');
          await page.keyboard.press('Control+I');
        }
        const attemptEnd = Math.min(deadline, Date.now() + 8_000);
        while (Date.now() < attemptEnd) {
          seen = (await hover.isVisible()) ? plain(await hover.innerText().catch(() => '')) : '';
          if (seen && seen.includes(until)) return seen;
          await page.waitForTimeout(250);
        }
      }
      // What was under the pointer, and where the cursor is: enough to tell a hover that never came
      // from a pointer that never reached the text.
      if (!point) throw new Error(`"${text}" was never laid out in the editor (its box stayed empty for ${2 * UI_TIMEOUT_MS / 1000}s)`);
      const under = await page.evaluate(({ x, y }) => {
        const chain = [];
        for (let node = document.elementFromPoint(x, y); node && chain.length < 4; node = node.parentElement) chain.push(`${node.tagName.toLowerCase()}.${[...node.classList].join('.')}`);
        return chain.join(' < ');
      }, point);
      const where = `pointer at (${Math.round(point.x)}, ${Math.round(point.y)}) over ${under}; ${await page.locator('.editor-group-container.active .view-line', { hasText: textPattern(text) }).count()} matching line(s); status bar: ${(await page.locator('.statusbar').innerText().catch(() => '')).replace(/\s+/g, ' ')}`;
      throw new Error(seen
        ? `the hover over "${text}" never showed "${until}" (${attempts} tries in ${2 * UI_TIMEOUT_MS / 1000}s); it reads: ${JSON.stringify(seen)}; ${where}`
        : `no hover appeared over "${text}" (${attempts} tries in ${2 * UI_TIMEOUT_MS / 1000}s); ${where}`);
    },

    /** The editor hover on screen (its content element). */
    hoverWidget() {
      return page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
    },

    /** The visualizer webview's document, through both iframes. */
    visualizer() {
      return webviewFrame(page);
    },

    /**
     * Waits until the visualizer has drawn at least one update (its body gets `data-rendered`)
     * and `selector` is in it; returns the frame locator. The first panel loads KaTeX: slower.
     * @param {string} [selector] @param {number} [timeoutMs]
     */
    async waitForVisualizer(selector = '#root > *', timeoutMs = 2 * UI_TIMEOUT_MS) {
      const frame = webviewFrame(page);
      try {
        await frame.locator('body[data-rendered]').waitFor({ state: 'attached', timeout: timeoutMs });
        await frame.locator(selector).first().waitFor({ state: 'visible', timeout: timeoutMs });
      } catch (error) {
        const tabs = (await page.locator('.tabs-container .tab').allInnerTexts()).map((t) => t.trim());
        throw new Error(`the visualizer did not show "${selector}" within ${timeoutMs / 1000}s (editor tabs: ${JSON.stringify(tabs)}): ${error instanceof Error ? error.message.split('\n')[0] : error}`, { cause: error });
      }
      await api.waitForVisualizerComplete(timeoutMs);
      return frame;
    },

    /**
     * Waits until the visualizer's page is complete for the last update it received: `data-rendered`
     * has caught up with `data-updates`. The charts and the formulas below the first ones are built
     * after the first paint (src/webview/defer.ts); until then they are placeholders, and reading
     * them (KaTeX errors, the list of charts) would see only what happened to be built already.
     * @param {number} [timeoutMs]
     */
    async waitForVisualizerComplete(timeoutMs = 2 * UI_TIMEOUT_MS) {
      const body = webviewFrame(page).locator('body');
      await waitUntil(async () => {
        const seen = await body.evaluate((b) => ({ updates: b.dataset.updates, rendered: b.dataset.rendered }));
        return seen.updates !== undefined && seen.rendered === seen.updates ? seen : false;
      }, "the visualizer's page complete for its last update", timeoutMs);
    },

    /**
     * Switches the colour theme as a person does (palette "Preferences: Color Theme", pick the theme)
     * and waits until the workbench and any open webview have taken it: VS Code puts `vs`/`vs-dark`
     * on the workbench and `vscode-light`/`vscode-dark` on webview bodies. (Editing the run's
     * settings.json from outside was not picked up by code-server here.)
     * @param {string} theme as the picker labels it: 'Dark Modern', 'Light Modern' (the settings
     *   call them "Default Dark Modern", "Default Light Modern")
     */
    async setColorTheme(theme) {
      const dark = /dark/i.test(theme);
      await api.runCommand('Preferences: Color Theme');
      // The theme picker replaces the palette: type only once it is there.
      await page.locator('.quick-input-widget input[placeholder^="Select Color Theme"]').waitFor({ timeout: UI_TIMEOUT_MS });
      await api.pick(theme, theme);
      await page.locator(`.monaco-workbench.${dark ? 'vs-dark' : 'vs'}`).waitFor({ timeout: UI_TIMEOUT_MS });
      if ((await page.locator('iframe.webview').count()) > 0) {
        await webviewFrame(page).locator(`body.${dark ? 'vscode-dark' : 'vscode-light'}`).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
      }
    },

    /**
     * Scrolls the visualizer's own document (never the workbench around it) so that `selector`
     * starts just under the panel's sticky toolbar; resolves once the page has painted.
     * @param {string} selector
     */
    async scrollVisualizerTo(selector) {
      await webviewFrame(page).locator(selector).first().evaluate((element) => new Promise((resolve) => {
        const toolbar = element.ownerDocument.querySelector('.toolbar');
        const top = element.getBoundingClientRect().top + window.scrollY - (toolbar ? toolbar.getBoundingClientRect().height : 0) - 8;
        window.scrollTo(0, Math.max(0, top));
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined)));
      }));
    },

    /** Joined text of the active editor's rendered lines. */
    async editorText() {
      const lines = await page.locator('.editor-group-container.active .view-lines .view-line').allInnerTexts();
      return lines.map(plain).join('\n');
    },

    /**
     * Saves a PNG into test-results/screenshots/<scenario>-<name>.png; returns its path. With
     * `clip`, only the part of the window that element covers (e.g. the hover, or the webview
     * panel), or that rectangle. Never an element screenshot: capturing beyond the window resizes
     * the page, and the workbench re-lays itself out under the next step.
     * @param {string} name
     * @param {import('playwright-core').Locator | { x: number, y: number, width: number, height: number }} [clip]
     */
    async screenshot(name, clip) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `${scenarioName}-${name}.png`);
      const box = clip ? ('boundingBox' in clip ? await clip.boundingBox({ timeout: UI_TIMEOUT_MS }) : clip) : null;
      const view = page.viewportSize();
      if (box && view) {
        const x = Math.max(0, box.x);
        const y = Math.max(0, box.y);
        const width = Math.min(view.width, box.x + box.width) - x;
        const height = Math.min(view.height, box.y + box.height) - y;
        await page.screenshot({ path, clip: { x, y, width, height } });
      } else {
        await page.screenshot({ path });
      }
      return path;
    },
  };
  return api;
}
