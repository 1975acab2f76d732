// The hover checks shared by hover-formula.mjs and hover-json.mjs.
import { entropy, includes, ok, sig, waitUntil } from './expect.mjs';

/**
 * Checks the hover on screen: figures, links, and a formula image that is an SVG data URI and
 * has loaded.
 * @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui
 * @param {string} text the hover's text @param {number[]} p the literal's numbers @param {string} shot screenshot name
 */
export async function checkHover(ui, text, p, shot) {
  includes(text, 'H(P)', 'the hover');
  includes(text, `${sig(entropy(p))} nats`, 'the hover (H(P))');
  includes(text, `${sig(Math.log(p.length))} nats`, 'the hover (log n)');
  includes(text, 'Open Visualizer', 'the hover');
  includes(text, 'Copy', 'the hover');

  const hover = ui.hoverWidget();
  const image = hover.locator('img').first();
  await waitUntil(async () => (await hover.locator('img').count()) > 0, 'the hover has an image');
  const src = (await image.getAttribute('src')) ?? '';
  ok(src.startsWith('data:image/svg+xml'), `the hover's image is not an SVG data URI: ${src.slice(0, 60)}…`);
  // Loaded and drawn: a broken or blocked image has naturalWidth 0.
  const size = await waitUntil(
    () => image.evaluate((img) => (img.complete && img.naturalWidth > 0 ? { natural: img.naturalWidth, shown: img.getBoundingClientRect().width } : undefined)),
    'the formula image has loaded (naturalWidth > 0)',
  );
  ok(size.shown > 0, `the formula image is laid out with no width: ${JSON.stringify(size)}`);
  await ui.screenshot(`${shot}-hover`, ui.page.locator('.monaco-hover:not(.hidden)').first());
  await ui.screenshot(shot);
}

