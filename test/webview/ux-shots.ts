// Pictures of the panel's top (toolbar, what was read, figures) at 400 px and 1,400 px, for issue
// 14's before/after note. Run through scripts/ux-before-after.mjs, which builds the webview and
// this file; `before` was taken from commit 8156ac2 (the toolbar of toggle buttons that wrote the
// settings), `after` from the working tree.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, send, startHarness, updateFor } from './harness';

const LITERALS: readonly (readonly [string, string])[] = [
  ['pair', '{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}'],
  ['cce', '{"y": [0, 2, 1], "logits": [[2, 1, 0.1], [0.5, 0.2, 1.5], [0.3, 2.2, 0.1]]}'],
];
const WIDTHS = [400, 1400] as const;

async function main(label: string): Promise<void> {
  const out = join(ROOT, 'test-results', 'ux-before-after');
  mkdirSync(out, { recursive: true });
  const harness = await startHarness();
  try {
    for (const theme of ['dark', 'high-contrast'] as const) {
      for (const [name, literal] of LITERALS) {
        for (const width of WIDTHS) {
          const page = await harness.open(theme);
          await page.setViewportSize({ width, height: 700 });
          await send(page, updateFor(literal));
          const toolbar = await page.evaluate(() => Math.round(document.querySelector('.toolbar')?.getBoundingClientRect().height ?? 0));
          const path = join(out, `${label}-${name}-${theme}-${width}.png`);
          await page.screenshot({ path });
          console.log(`${path}: toolbar ${toolbar} px tall`);
          // The toolbar's More disclosure, opened, where there is one.
          const more = page.locator('.toolbar .more');
          if ((await more.count()) > 0 && (await more.isVisible())) {
            await more.click();
            await page.screenshot({ path: path.replace(/\.png$/, '-more.png') });
          }
          await page.close();
        }
      }
    }
  } finally {
    await harness.close();
  }
}

const label = process.argv[2];
if (label !== 'before' && label !== 'after') {
  console.error('usage: node scripts/ux-before-after.mjs before|after');
  process.exit(2);
}
main(label).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
