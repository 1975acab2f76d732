// A TypeScript model of a tiny classifier, with the array literals a web ML app carries around.
export const classNames = ['cat', 'dog', 'bird'] as const;

/** Class prior estimated from the training set. */
export const prior: number[] = [0.5, 0.3, 0.2];

/** Softmax output for one image. */
export const prediction = [0.7, 0.2, 0.1];

/** A batch of logits (rows are examples) and the true class of each. */
export const logits: number[][] = [
  [2.0, -1.0, 0.5],
  [0.1, 0.2, 3.0],
];
export const labels = [0, 2];

export function softmax(row: readonly number[]): number[] {
  const max = Math.max(...row);
  const exps = row.map((x) => Math.exp(x - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export const confusion = new Float32Array([0.8, 0.15, 0.05]);
