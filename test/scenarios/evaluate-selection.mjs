// A user selects a fair coin's distribution in a JSON file and evaluates it from the palette.
export const title = 'Evaluate Selection on [0.5, 0.5] shows H(P) = ln 2 in nats';

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function evaluateSelection(ui) {
  await ui.openFile('distributions.json');
  await ui.selectText('[0.5, 0.5]');
  await ui.screenshot('selected');
  await ui.runCommand('Entropy Lens: Evaluate Selection');
  await ui.waitForNotification('H(P) = 0.693147 nats');
  await ui.screenshot('notification');
}
