// While debugging: the visualizer on a live `probs`, Follow on, one step of the training loop (Continue):
// the panel reads `probs` again at the new stop, and its history holds both stops' entropies.
import { continueToNextStop, sampleProbs, selectDeclared, startDebugging } from './lib/debug.mjs';
import { entropy, equal, sig } from './lib/expect.mjs';

export const title = 'While debugging: Follow reads a live value again at the next stop and charts both';

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function liveFollow(ui) {
  await ui.openFile('live/softmax.js');
  await startDebugging(ui, 'Debug softmax.js (Node)');
  await selectDeclared(ui, 'probs');
  await ui.runCommand('Entropy Lens: Open Visualizer');
  const frame = await ui.waitForVisualizer('section.block.live button[data-focus="follow"]');
  equal((await frame.locator('section.block.live .live-status').innerText()).trim(), 'probs @ softmax.js:16 — live value, paused at softmax.js:16', 'the live section');
  await frame.locator('section.block.live button[data-focus="follow"]').click();
  const rows = frame.locator('figure[data-chart="history"] tbody tr');
  await rows.first().waitFor({ state: 'attached', timeout: ui.UI_TIMEOUT_MS });

  await continueToNextStop(ui);
  await rows.nth(1).waitFor({ state: 'attached', timeout: 2 * ui.UI_TIMEOUT_MS });
  const values = await rows.evaluateAll((trs) => trs.map((tr) => tr.lastElementChild?.textContent ?? ''));
  equal(values[0], `${sig(entropy(sampleProbs(1).probs))} nats`, 'H at stop 1');
  equal(values[1], `${sig(entropy(sampleProbs(2).probs))} nats`, 'H at stop 2, after one step of the loop');
  // The panel itself shows the value read at the second stop.
  equal((await frame.locator('.figure[data-key="entropy"] .value').innerText()).trim(), sig(entropy(sampleProbs(2).probs)), 'H(P) in the panel');
  await ui.scrollVisualizerTo('section.block.live');
  await ui.screenshot('follow');
}
