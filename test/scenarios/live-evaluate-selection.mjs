// While debugging: a user debugs the Node sample with VS Code's JavaScript debugger, it stops at
// `debugger;`, they select `probs` — a value that exists only while the program runs — and run
// Evaluate Selection. The figure on screen must be the entropy of the program's softmax output.
import { selectDeclared, startDebugging, sampleProbs } from './lib/debug.mjs';
import { entropy, sig } from './lib/expect.mjs';

export const title = 'While debugging: Evaluate Selection on a variable of a paused Node program reads its live value';

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function liveEvaluateSelection(ui) {
  await ui.openFile('live/softmax.js');
  await startDebugging(ui, 'Debug softmax.js (Node)');
  await ui.screenshot('paused');
  await selectDeclared(ui, 'probs');
  await ui.runCommand('Entropy Lens: Evaluate Selection');
  // The values are the program's: softmax of its weights at the first stop, computed here.
  const { probs } = sampleProbs(1);
  await ui.waitForNotification(`probs @ softmax.js:16: H(P) = ${sig(entropy(probs))} nats`);
  await ui.screenshot('while-debugging');
}
