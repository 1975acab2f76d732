// A small user-level API over the VS Code web workbench, given to each scenario in
// test/scenarios/*.mjs: it acts through the keyboard and mouse as a person would.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
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
 * The helper API for one scenario.
 * @param {import('playwright-core').Page} page @param {string} scenarioName used in screenshot names
 */
export function createWorkbench(page, scenarioName) {
  const api = {
    page,

    /** Opens a workspace file by Quick Open (Ctrl+P) and waits for its editor tab. @param {string} path */
    async openFile(path) {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await input.fill(path);
      const name = basename(path);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Enter');
      await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ timeout: UI_TIMEOUT_MS });
    },

    /**
     * Selects the first occurrence of `text` in the active editor through the Find widget
     * (closing it with Escape leaves the match selected) and checks the status bar's count.
     * @param {string} text
     */
    async selectText(text) {
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Control+F');
      const find = page.locator('.editor-group-container.active .find-widget textarea, .editor-group-container.active .find-widget input').first();
      await find.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await find.fill(text);
      await page.locator('.editor-group-container.active .find-widget .matchesCount', { hasNotText: 'No results' }).waitFor({ timeout: UI_TIMEOUT_MS });
      // Find-as-you-type already selected the first match after the cursor; Enter would move on.
      await page.keyboard.press('Escape');
      const selected = page.locator('.statusbar-item', { hasText: `(${text.length} selected)` });
      await selected.waitFor({ timeout: UI_TIMEOUT_MS });
    },

    /** Runs a command from the palette (F1) by its title, e.g. "Entropy Lens: Evaluate Selection". @param {string} title */
    async runCommand(title) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await input.fill(`>${title}`);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
      try {
        await row.waitFor({ timeout: UI_TIMEOUT_MS });
      } catch {
        await page.keyboard.press('Escape');
        throw new Error(`the command palette has no command titled "${title}"`);
      }
      await page.keyboard.press('Enter');
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
      let seen = [];
      while (Date.now() < deadline) {
        seen = await api.notifications();
        const hit = seen.find((t) => t.includes(text));
        if (hit) return hit;
        // A failing command shows a modal dialog instead of a toast: fail at once with its text.
        const dialog = await api.dialogText();
        if (dialog) throw new Error(`expected a notification containing "${text}", got a dialog: ${dialog}`);
        await page.waitForTimeout(200);
      }
      throw new Error(`no notification contains "${text}" after ${timeoutMs / 1000}s; on screen: ${JSON.stringify(seen)}`);
    },

    /**
     * Hovers the first rendered occurrence of `text` in the active editor; resolves the hover's text.
     * @param {string} text
     */
    async hover(text) {
      const line = page.locator('.editor-group-container.active .view-lines .view-line', { hasText: text.replace(/ /g, '\u00a0') }).first();
      await line.waitFor({ timeout: UI_TIMEOUT_MS });
      const box = await line.boundingBox();
      const lineText = plain(await line.innerText());
      const column = lineText.indexOf(text);
      if (!box || column < 0) throw new Error(`"${text}" is not visible in the editor`);
      const charWidth = box.width / Math.max(lineText.length, 1);
      await page.mouse.move(box.x + (column + text.length / 2) * charWidth, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
      await hover.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      return plain(await hover.innerText());
    },

    /** Joined text of the active editor's rendered lines. */
    async editorText() {
      const lines = await page.locator('.editor-group-container.active .view-lines .view-line').allInnerTexts();
      return lines.map(plain).join('\n');
    },

    /** Saves a PNG into test-results/screenshots/<scenario>-<name>.png; returns its path. @param {string} name */
    async screenshot(name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `${scenarioName}-${name}.png`);
      await page.screenshot({ path });
      return path;
    },
  };
  return api;
}
