// The loss-option cases of test/fixtures/reference.json (test/fixtures/generate_losses.py: PyTorch
// itself, Keras' clipping, scikit-learn 1.5's log_loss), and each case as the literal a user writes.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LossOptions } from '../../src/core/loss-options';
import type { Num } from './kinds-reference';

export interface LossFigures {
  value: Num | Num[];
  perSample: Num[];
  mean: Num;
}

export interface LossCase {
  name: string;
  source: string;
  torchFrom: string;
  loss: 'bce' | 'cce';
  targets: number[] | { kind: 'indices'; indices: number[] } | { kind: 'rows'; rows: number[] };
  predictions: Num[];
  fromLogits: boolean;
  options: LossOptions;
  classes: number;
  columns: number;
  ignoreIndex: number;
  posWeightColumns: number[];
  exact: LossFigures;
  torch: LossFigures;
  keras: LossFigures;
  sklearn: LossFigures;
  baseline: LossFigures;
  sklearnLogLoss?: number;
}

export interface LossRowCase {
  name: string;
  literal: string;
  value: number;
  source: string;
}

export const lossFixtures = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test/fixtures/reference.json'), 'utf8')) as {
  lossOptions: LossCase[];
  lossRows: LossRowCase[];
};

/** The case named `name`; a missing one fails the test that asks for it. */
export function lossCase(name: string): LossCase {
  const found = lossFixtures.lossOptions.find((c) => c.name === name);
  if (!found) throw new Error(`no fixture "${name}"`);
  return found;
}

/** The case as a literal the CLI reads: targets and predictions in rows where they have them. */
export function literalOf(c: LossCase): string {
  const text = (x: Num) => String(x);
  const rows = (xs: readonly Num[], k: number) => `[${Array.from({ length: xs.length / k }, (_, i) => `[${xs.slice(i * k, (i + 1) * k).map(text).join(', ')}]`).join(', ')}]`;
  const width = c.loss === 'bce' ? c.columns : c.classes;
  const predictions = width === 1 ? `[${c.predictions.map(text).join(', ')}]` : rows(c.predictions, width);
  const targets = Array.isArray(c.targets)
    ? c.columns === 1
      ? `[${c.targets.join(', ')}]`
      : rows(c.targets, c.columns)
    : c.targets.kind === 'indices'
      ? `[${c.targets.indices.join(', ')}]`
      : rows(c.targets.rows, c.classes);
  return `{"y": ${targets}, "${c.fromLogits ? 'logits' : 'probs'}": ${predictions}}`;
}
