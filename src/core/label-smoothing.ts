// Label smoothing (math.md, "Losses"): the targets a smoothed cross-entropy compares the model with.

/**
 * (1 − ε)·y + ε/C for every entry of `targets`, as PyTorch's CrossEntropyLoss(label_smoothing=ε)
 * and Keras' categorical (C classes) and binary (C = 2) cross-entropies define it. The result sums to
 * 1 per row whenever y does: a one-hot row becomes 1 − ε + ε/C at its class and ε/C elsewhere.
 * ε = 0 returns the targets' values unchanged (in a new array).
 *
 * @param epsilon in [0, 1]; the caller validates it (a slider gives 0–0.5).
 */
export function smoothLabels(targets: Float64Array, epsilon: number, classes: number): Float64Array {
  if (!(epsilon >= 0 && epsilon <= 1) || !(classes >= 1)) throw new Error(`label smoothing needs 0 ≤ ε ≤ 1 and C ≥ 1, not ε = ${epsilon}, C = ${classes}`);
  const out = new Float64Array(targets.length);
  const keep = 1 - epsilon;
  const spread = epsilon / classes;
  for (let i = 0; i < targets.length; i++) out[i] = keep * targets[i] + spread;
  return out;
}

/** Class indices as one-hot rows, row-major (n × classes): what smoothing needs of index targets. */
export function oneHotRows(indices: ArrayLike<number>, classes: number): Float64Array {
  const out = new Float64Array(indices.length * classes);
  for (let i = 0; i < indices.length; i++) out[i * classes + indices[i]] = 1;
  return out;
}
