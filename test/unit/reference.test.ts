// Every figure against numpy/scipy references (test/fixtures/generate.py), to 1e-9 relative or
// 1e-12 absolute, as math.md promises users who compare us with scipy and PyTorch.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { VectorContext } from '../../src/core/errors';
import { interpret } from '../../src/core/interpret';
import { logSumExp, softmaxWithLog } from '../../src/core/log-softmax';
import {
  binaryCrossEntropy,
  categoricalCrossEntropy,
  frameworkClampedBce,
  frameworkClampedBcePerSample,
  kerasClippedBce,
  kerasClippedCce,
  meanSquaredError,
  type CategoricalTargets,
} from '../../src/core/losses';
import { crossEntropy, entropy, jsDivergence, klDivergence } from '../../src/core/quantities';
import { sum } from '../../src/core/summation';
import type { InterpretationMode } from '../../src/core/types';
import { rowContexts } from './helpers';

type Num = number | 'Infinity' | '-Infinity';

/** The sections of reference.json this file reads (generate.py writes them). */
interface Fixtures {
  summation: { name: string; kind: string; seed: number; n: number; fsum: number }[];
  entropy: { name: string; pk: Num[]; qk: Num[] | null; base: number | null; expected: Num }[];
  pairs: { name: string; p: Num[]; q: Num[]; crossEntropyPQ: Num; crossEntropyQP: Num; klPQ: Num; klQP: Num; js: Record<string, Num> }[];
  logits: { name: string; x: Num[]; logSoftmax: Num[]; softmax: Num[]; logSumExp: Num; entropy: Num }[];
  logitKl: { name: string; x: Num[]; y: Num[]; kl: Num }[];
  bce: { name: string; targets: Num[]; predictions: Num[]; fromLogits: boolean; perSample: Num[]; value: Num; infiniteAt: number; pytorchPerSample: Num[]; pytorch: Num; keras: Num }[];
  cce: {
    name: string;
    targets: { kind: 'indices'; indices: number[] } | { kind: 'rows'; rows: Num[] };
    predictions: Num[];
    classes: number;
    fromLogits: boolean;
    perSample: Num[];
    value: Num;
    infiniteAt: number;
    keras: Num;
  }[];
  mse: { name: string; targets: Num[]; predictions: Num[]; perSample: Num[]; value: Num; perSampleNll: Num[]; gaussianNll: Num }[];
  [section: string]: unknown[];
}

const fixtures = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test/fixtures/reference.json'), 'utf8')) as Fixtures;

function num(x: Num): number {
  return x === 'Infinity' ? Infinity : x === '-Infinity' ? -Infinity : x;
}

function vec(xs: Num[]): Float64Array {
  return Float64Array.from(xs, num);
}

/** |actual − expected| ≤ max(1e-9·|expected|, 1e-12), and infinities equal exactly. */
function close(actual: number, expectedRaw: Num, what: string): void {
  const expected = num(expectedRaw);
  if (!Number.isFinite(expected)) {
    assert.equal(actual, expected, what);
    return;
  }
  const tolerance = Math.max(1e-9 * Math.abs(expected), 1e-12);
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: got ${actual}, expected ${expected} (diff ${actual - expected})`);
}

function closeAll(actual: Float64Array, expected: Num[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < actual.length; i++) close(actual[i], expected[i], `${what}[${i}]`);
}

const ctx = (name: string): VectorContext => ({ name, range: { start: 0, end: 0 }, elementRange: (i) => ({ start: i, end: i + 1 }) });
const read = (xs: Num[], name: string, mode: InterpretationMode = 'auto') => interpret(vec(xs), mode, ctx(name));
const inBase = (nats: number, base: number | string | null): number => (base === null || base === 'e' ? nats : nats / Math.log(Number(base)));

/** The generator of generate.py's summation cases, bit for bit (xorshift32, 13/17/5). */
function xorshift32Values(seed: number, n: number, kind: string): Float64Array {
  const scales = [1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3];
  const out = new Float64Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const u = x / 4294967296;
    out[i] = kind === 'offset' ? (i < n / 2 ? 1e6 : -1e6) + u : (u - 0.5) * scales[x % 7];
  }
  return out;
}

describe('reference values (numpy/scipy)', () => {
  it('has every section', () => {
    // lossOptions and lossRows (PyTorch's options and conventions) are checked in loss-reference.test.ts.
    for (const section of ['summation', 'entropy', 'pairs', 'logits', 'logitKl', 'bce', 'cce', 'mse', 'lossOptions', 'lossRows']) {
      assert.ok(fixtures[section].length > 0, section);
    }
  });

  describe('summation of 1e6 terms (math.fsum)', () => {
    for (const c of fixtures.summation) {
      it(c.name, () => {
        const values = xorshift32Values(c.seed, c.n, c.kind);
        assert.ok(Math.abs(sum(values) - c.fsum) <= 1e-12 * Math.abs(c.fsum), `sum ${sum(values)} vs fsum ${c.fsum}`);
        if (c.kind === 'offset') {
          // The case is only meaningful if naive summation visibly drifts on it.
          let naive = 0;
          for (let i = 0; i < values.length; i++) naive += values[i];
          assert.ok(Math.abs(naive - c.fsum) > 1e-9 * Math.abs(c.fsum), `naive ${naive} should drift`);
        }
      });
    }
  });

  it('reproduces the documented values exactly enough', () => {
    close(entropy(read([1 / 2, 1 / 2], 'P')) / Math.LN2, 1.0, 'H([1/2,1/2]) bits');
    close(entropy(read([9 / 10, 1 / 10], 'P')) / Math.LN2, 0.46899559358928117, 'H([9/10,1/10]) bits');
    close(klDivergence(read([1 / 2, 1 / 2], 'P'), read([9 / 10, 1 / 10], 'Q')).value, 0.5108256237659907, 'KL');
  });

  describe('scipy.stats.entropy', () => {
    for (const c of fixtures.entropy) {
      it(c.name, () => {
        const p = read(c.pk, 'P');
        if (c.qk === null) {
          close(inBase(entropy(p), c.base), c.expected, 'H');
        } else {
          const kl = klDivergence(p, read(c.qk, 'Q'));
          close(inBase(kl.value, c.base), c.expected, 'KL');
          assert.equal(kl.infiniteAt >= 0, num(c.expected) === Infinity);
        }
      });
    }
  });

  describe('cross-entropy, KL both ways, JS divergence', () => {
    for (const c of fixtures.pairs) {
      it(c.name, () => {
        const p = read(c.p, 'P');
        const q = read(c.q, 'Q');
        close(crossEntropy(p, q).value, c.crossEntropyPQ, 'H(P,Q)');
        close(crossEntropy(q, p).value, c.crossEntropyQP, 'H(Q,P)');
        close(klDivergence(p, q).value, c.klPQ, 'KL(P||Q)');
        close(klDivergence(q, p).value, c.klQP, 'KL(Q||P)');
        const js = jsDivergence(p, q);
        for (const base of ['e', '2', '10']) close(inBase(js, base), c.js[base], `JS base ${base}`);
      });
    }
  });

  describe('scipy.special log_softmax / softmax / logsumexp', () => {
    for (const c of fixtures.logits) {
      it(c.name, () => {
        const x = vec(c.x);
        const { p, logP } = softmaxWithLog(x, ctx('logits'));
        closeAll(logP, c.logSoftmax, 'logSoftmax');
        closeAll(p, c.softmax, 'softmax');
        close(logSumExp(x), c.logSumExp, 'logSumExp');
        const d = read(c.x, 'logits', 'logits');
        closeAll(d.logP, c.logSoftmax, 'interpret logits logP');
        close(entropy(d), c.entropy, 'H');
      });
    }
    for (const c of fixtures.logitKl) {
      it(`KL of ${c.name}`, () => {
        close(klDivergence(read(c.x, 'P', 'logits'), read(c.y, 'Q', 'logits')).value, c.kl, 'KL');
      });
    }
  });

  describe('BCE (BCELoss, BCEWithLogitsLoss formulas)', () => {
    for (const c of fixtures.bce) {
      it(c.name, () => {
        const y = vec(c.targets);
        const p = vec(c.predictions);
        const loss = binaryCrossEntropy(y, p, c.fromLogits);
        closeAll(loss.perSample, c.perSample, 'perSample');
        close(loss.value, c.value, 'mean');
        assert.equal(loss.infiniteAt, c.infiniteAt);
        if (!c.fromLogits) {
          closeAll(frameworkClampedBcePerSample(y, p), c.pytorchPerSample, 'PyTorch per sample');
          close(frameworkClampedBce(y, p), c.pytorch, 'PyTorch');
          close(kerasClippedBce(y, p), c.keras, 'Keras');
        }
      });
    }
  });

  describe('CCE (CrossEntropyLoss, NLLLoss(log p) formulas)', () => {
    for (const c of fixtures.cce) {
      it(c.name, () => {
        const targets: CategoricalTargets =
          c.targets.kind === 'indices' ? { kind: 'indices', indices: Int32Array.from(c.targets.indices) } : { kind: 'rows', rows: vec(c.targets.rows) };
        const preds = vec(c.predictions);
        const loss = categoricalCrossEntropy(targets, preds, c.classes, c.fromLogits, rowContexts);
        closeAll(loss.perSample, c.perSample, 'perSample');
        close(loss.value, c.value, 'mean');
        assert.equal(loss.infiniteAt, c.infiniteAt);
        if (!c.fromLogits) close(kerasClippedCce(targets, preds, c.classes), c.keras, 'Keras');
      });
    }
  });

  describe('MSE and the Gaussian NLL (scipy.stats.norm.logpdf)', () => {
    for (const c of fixtures.mse) {
      it(c.name, () => {
        const loss = meanSquaredError(vec(c.targets), vec(c.predictions));
        closeAll(loss.perSample, c.perSample, 'perSample');
        close(loss.value, c.value, 'MSE');
        closeAll(loss.perSampleNll, c.perSampleNll, 'perSampleNll');
        close(loss.gaussianNll, c.gaussianNll, 'NLL');
        assert.equal(loss.infiniteAt, -1);
      });
    }
  });
});
