import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The built binary, exactly as `npx entropy-lens` runs it. */
const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, readBin());

function readBin(): string {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return manifest.bin['entropy-lens'];
}

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { input: input ?? '', encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(args: string[], input?: string): Record<string, unknown> {
  const result = run(['--json', ...args], input);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('CLI', () => {
  it('is executable with a shebang', () => {
    assert.ok(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n'));
  });

  it('prints the entropy of a fair coin in bits (issue example 1)', () => {
    const result = run(['--base', '2', '[0.5, 0.5]']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /H\(P\)\s+1 bits/);
    assert.equal(json(['--base', '2', '[0.5, 0.5]']).entropy, 1);
  });

  it('reads a pair from standard input (issue example 2)', () => {
    const out = json([], '{"p": [0.5, 0.5], "q": [0.9, 0.1]}');
    assert.equal(out.kind, 'pair');
    assert.equal(out.unit, 'nats');
    assert.equal(out.interpretation, 'probs');
    assert.ok(Math.abs((out.klPQ as number) - 0.5108256237659907) < 1e-15);
    for (const key of ['entropy', 'entropyQ', 'crossEntropy', 'klPQ', 'klQP', 'jsDivergence']) {
      assert.equal(typeof out[key], 'number', key);
    }
    assert.ok(Array.isArray(out.warnings));
  });

  it('"-" also reads standard input', () => {
    assert.equal(json(['-'], '[1, 1, 1, 1]').kind, 'distribution');
  });

  it('evaluates labels with logits as CCE (issue example 3)', () => {
    const out = json(['{"labels": [2, 0], "logits": [[0.1, 0.2, 3.0], [2.0, -1.0, 0.5]]}']);
    assert.equal(out.kind, 'loss');
    assert.equal(out.interpretation, 'logits');
    const loss = out.loss as { name: string; value: number; perSample: number[] };
    assert.equal(loss.name, 'cce');
    assert.equal(loss.perSample.length, 2);
    assert.ok(Math.abs(loss.value - (loss.perSample[0] + loss.perSample[1]) / 2) < 1e-15);
  });

  it('batch and MSE follow the JSON contract', () => {
    const batch = json(['[[0.5, 0.5], [1, 0], [0.2, 0.8]]']);
    assert.equal(batch.kind, 'batch');
    assert.equal((batch.rows as unknown[]).length, 3);
    assert.equal(typeof batch.meanEntropy, 'number');
    const mse = json(['{"y": [1.5, 2.5], "pred": [1, 2]}']);
    const loss = mse.loss as { name: string; value: number; gaussianNll: number };
    assert.equal(loss.name, 'mse');
    assert.ok(Math.abs(loss.gaussianNll - (0.5 * Math.log(2 * Math.PI) + 0.5 * loss.value)) < 1e-15);
  });

  it('writes an infinite value as the string "Infinity"', () => {
    const out = json(['{"p": [0.5, 0.5], "q": [1, 0]}']);
    assert.equal(out.klPQ, 'Infinity');
    assert.equal(out.crossEntropy, 'Infinity');
  });

  it('prints full double precision in JSON', () => {
    const out = json(['--base', '2', '[0.9, 0.1]']);
    assert.equal(out.entropy, 0.46899559358928117);
  });

  it('exits 2 on bad input, with line and column', () => {
    const result = run(['[0.1,\n 0.2,\n foo]']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^entropy-lens: .*foo.* \(line 3, column 2\)\n$/);
    assert.equal(result.stdout, '');
  });

  it('exits 2 on a bad option value, with usage', () => {
    const result = run(['--base', '3', '[1]']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--base must be e, 2 or 10/);
  });

  it('honours --as and --loss', () => {
    assert.equal(json(['--as', 'logits', '[1, 2, 3]']).interpretation, 'logits');
    const out = json(['--loss', 'mse', '{"y": [1, 0], "probs": [0.8, 0.1]}']);
    assert.equal((out.loss as { name: string }).name, 'mse');
  });

  it('--loss none gives no loss: each sample\'s predicted distribution and its entropy', () => {
    const literal = '{"labels": [2, 0], "logits": [[0.1, 0.2, 3.0], [2.0, -1.0, 0.5]]}';
    assert.equal(json([literal]).kind, 'loss');
    const out = json(['--loss', 'none', literal]);
    assert.equal(out.kind, 'batch');
    assert.equal(out.interpretation, 'logits');
    assert.equal('loss' in out, false);
    const rows = json(['--as', 'logits', '[[0.1, 0.2, 3.0], [2.0, -1.0, 0.5], [0, 0, 0]]']);
    assert.deepEqual(out.rows, (rows.rows as unknown[]).slice(0, 2));
    assert.match((out.notes as string[])[0], /targets \("labels"\) were set aside/);
    const binary = json(['--loss', 'none', '--base', '2', '{"y": [1, 0], "y_pred": [0.5, 0.5]}']);
    assert.deepEqual(binary.rows, [{ entropy: 1 }, { entropy: 1 }]);
    assert.equal(binary.meanEntropy, 1);
    const text = run(['--loss', 'none', '{"y": [1, 0], "y_pred": [0.5, 0.5]}']);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /^batch of 2 rows of 2, read as probs\n/);
    assert.match(text.stdout, /note: No loss \(--loss none\)/);
  });

  it('issue 9 row 6: a reader that stops early (| head -c 10) ends the CLI quietly; another write error is one line, exit 1', () => {
    // More output than a pipe holds, so the CLI is still writing when head has gone.
    const n = 20000;
    const literal = JSON.stringify({ y: Array.from({ length: n }, (_, i) => i % 2), y_pred: Array.from({ length: n }, (_, i) => ((i * 7919) % 997 + 1) / 999) });
    const input = path.join(os.tmpdir(), `entropy-lens-row6-${process.pid}.json`);
    writeFileSync(input, literal);
    try {
      const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" --json --reduction none - < "${input}" | head -c 10; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
      assert.equal(piped.stdout, '{"kind":"l');
      assert.equal(piped.stderr, '', 'no stack trace, no message');
      assert.equal(piped.status, 0);
    } finally {
      unlinkSync(input);
    }
    if (existsSync('/dev/full')) {
      const full = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" --json '[0.5, 0.5]' > /dev/full`], { encoding: 'utf8' });
      assert.equal(full.status, 1);
      assert.equal(full.stderr, 'entropy-lens: cannot write the output: ENOSPC: no space left on device\n');
    }
  });

  it('takes the loss options, and names a bad value', () => {
    const cce = '{"labels": [2, 0, -100], "logits": [[0.1, 0.2, 3.0], [2.0, -1.0, 0.5], [1, 1, 1]]}';
    const plain = (json([cce]).loss as { perSample: number[] }).perSample;
    const weighted = json(['--weight', '1,2,4', '--reduction', 'sum', cce]).loss as { value: number; reduction: string };
    assert.equal(weighted.reduction, 'sum');
    assert.ok(Math.abs(weighted.value - (4 * plain[0] + plain[1])) < 1e-12);
    const smoothed = json(['--label-smoothing=0.1', '--ignore-index', '-100', '--convention', 'sklearn', cce]).loss as { convention: string; conventions: Record<string, number> };
    assert.equal(smoothed.convention, 'sklearn');
    assert.deepEqual(Object.keys(smoothed.conventions), ['exact', 'torch', 'keras', 'sklearn']);
    const bce = json(['--pos-weight', '3', '{"y": [1, 0], "p": [0.8, 0.4]}']).loss as { value: number; baseline: number; perplexity: number };
    assert.ok(Math.abs(bce.value - -(3 * Math.log(0.8) + Math.log(0.6)) / 2) < 1e-15);
    for (const [args, message] of [
      [['--weight', '1,x'], /^entropy-lens: --weight takes numbers separated by commas \(1,2,0\.5\), not "1,x"\n/],
      [['--weight', '1,,2'], /--weight takes numbers .* \(an empty entry\)/],
      [['--pos-weight', '-2'], /^entropy-lens: --pos-weight is -2; positive weights are finite numbers ≥ 0\n/],
      [['--ignore-index', '1.5'], /^entropy-lens: --ignore-index must be a whole number/],
      [['--label-smoothing', '2'], /^entropy-lens: --label-smoothing must lie in \[0, 1\]/],
      [['--label-smoothing', '0.1,0.2'], /^entropy-lens: --label-smoothing takes one number/],
      [['--reduction', 'avg'], /^entropy-lens: --reduction must be one of mean, sum, none, not "avg"\n/],
      [['--convention', 'tf'], /^entropy-lens: --convention must be one of exact, torch, keras, sklearn, not "tf"\n/],
    ] as const) {
      const result = run([...args, cce]);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
    const inapplicable = run(['--weight', '1,2', '{"y": [1, 0], "p": [0.8, 0.4]}']);
    assert.equal(inapplicable.status, 2);
    assert.match(inapplicable.stderr, /^entropy-lens: --weight gives class weights to categorical cross-entropy, but these numbers were read as binary cross-entropy .* \(line 1, column 7\)\n$/);
  });

  it('says what a loss means: the sentence, the uniform guess, the perplexity and the conventions when they differ', () => {
    const text = run(['{"y": [1, 0], "probs": [0, 0.2]}']);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /^binary cross-entropy over 2 samples \(Bernoulli output, predictions read as probs; exact: no clamp\) — \+∞ nats: the model gives probability 0 to what sample 0 observed \(a coin flip: 0\.693 nats\)\n/);
    assert.match(text.stdout, /\n {2}coin flip +0\.693147 nats\n/);
    assert.match(text.stdout, /\n {2}conventions: exact \+∞ · torch 50\.1116 · keras 8\.17062 · sklearn 18\.1334 nats/);
    const keras = run(['--convention', 'keras', '{"y": [1, 0], "probs": [0, 0.2]}']);
    assert.match(keras.stdout, /^binary cross-entropy .*Keras: probabilities clipped to \[1e-7, 1 − 1e-7\].* — 8\.2 nats: 12× worse than a coin flip \(0\.693 nats\)\n {2}BCE \(keras\) +8\.17062 nats\n/);
    assert.equal(json(['--base', '2', '[0.25, 0.25, 0.25, 0.25]']).perplexity, 4);
  });

  it('--loss none refuses real-valued targets at the first one, exit 2', () => {
    const result = run(['--loss', 'none', '{"y": [1.5, 2.0], "y_pred": [1.4, 2.2]}']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^entropy-lens: with --loss none only distributions are measured, but target 0 \(1\.5\).*--loss mse.* \(line 1, column 8\)\n$/);
    assert.equal(result.stdout, '');
  });
});
