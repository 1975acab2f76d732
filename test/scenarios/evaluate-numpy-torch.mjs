// A user evaluates the numpy and torch literals of a Python file: the wrapper and its keyword
// arguments are read past, the numbers inside are what count.
import { entropy, sig } from './lib/expect.mjs';

export const title = 'Evaluate Selection on np.array(..., dtype=...) and torch.tensor(...) in arrays.py';

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function evaluateNumpyTorch(ui) {
  await ui.openFile('arrays.py');

  await ui.selectText('np.array([0.2, 0.2, 0.6], dtype=np.float32)');
  await ui.runCommand('Entropy Lens: Evaluate Selection');
  await ui.waitForNotification(`H(P) = ${sig(entropy([0.2, 0.2, 0.6]))} nats`);
  await ui.screenshot('numpy');

  await ui.selectText('torch.tensor([0.25, 0.25, 0.5])');
  await ui.runCommand('Entropy Lens: Evaluate Selection');
  await ui.waitForNotification(`H(P) = ${sig(entropy([0.25, 0.25, 0.5]))} nats`);
  await ui.screenshot('torch');
}
