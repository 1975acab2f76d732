// Screenshots of the visualizer panel, a part at a time: it is taller than the window, and each
// shot scrolls only the panel's own document (see workbench.mjs, scrollVisualizerTo).

const SECTIONS = ['kl-directions', 'identity', 'distribution', 'derivation', 'loss-formula', 'equivalences'];

/**
 * The whole window once, then each section and each chart of the panel on its own
 * (`<prefix>-<section>.png`, `<prefix>-chart-<id>.png`); returns the paths.
 * @param {ReturnType<typeof import('../../../scripts/lib/workbench.mjs').createWorkbench>} ui
 * @param {import('playwright-core').FrameLocator} frame @param {string} prefix
 */
export async function shootPanel(ui, frame, prefix) {
  const panel = ui.page.locator('iframe.webview').first();
  const paths = [];
  // The charts are listed below: only once they are built (after the first paint), not placeholders.
  await ui.waitForVisualizerComplete();
  await ui.scrollVisualizerTo('#root');
  paths.push(await ui.screenshot(prefix));
  for (const section of SECTIONS) {
    if ((await frame.locator(`section.block.${section}`).count()) === 0) continue;
    await ui.scrollVisualizerTo(`section.block.${section}`);
    paths.push(await ui.screenshot(`${prefix}-${section}`, panel));
  }
  const charts = await frame.locator('figure.chart-figure').evaluateAll((figures) => figures.map((f, i) => f.dataset.chart || String(i)));
  for (const [i, id] of charts.entries()) {
    await ui.scrollVisualizerTo(`figure.chart-figure >> nth=${i}`);
    paths.push(await ui.screenshot(`${prefix}-chart-${id}`, panel));
  }
  return paths;
}
