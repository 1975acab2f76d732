// A small Node program to debug. It stops at `debugger;` with values that exist only at run time:
// debug this file, select `probs` (or put the cursor on it) and run "Entropy Lens: Evaluate Selection".
function softmax(logits) {
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

let weights = Float64Array.from([2.0, 1.0, 0.1, -1.2]);
const target = [1, 0, 0, 0];
for (let step = 1; step <= 3; step++) {
  const probs = softmax(Array.from(weights));
  const masked = [weights[0], -Infinity, weights[2], weights[3]];
  const pair = { p: probs, q: [0.25, 0.25, 0.25, 0.25] };
  debugger; // probs, masked and pair exist only now
  weights = weights.map((w, i) => w + 0.5 * (target[i] - probs[i]));
  console.log(`step ${step}: p(class 0) = ${probs[0].toFixed(4)}`);
}

const big = Float64Array.from({ length: 300_000 }, (_, i) => 1 + (i % 97) / 7); // read in pieces
const words = ['cat', 'dog'];
debugger;
// Keeps running until stopped, so a session that is running (not paused) can be seen.
setInterval(() => {}, 1000);
