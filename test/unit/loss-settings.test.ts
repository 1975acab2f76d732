// The loss options' settings (entropyLens.lossOptions.*): read and checked, applied to the losses
// they fit, named in every message about them; the figures against PyTorch's own
// (test/fixtures/generate_losses.py's `lossOptions`), with the options given as settings.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LiteralError } from '../../src/core/errors';
import { evaluateText, type EvaluateOptions, type LossEvaluation } from '../../src/core/evaluate';
import { CONVENTIONS, type LossOptions } from '../../src/core/loss-options';
import { LOSS_SETTING_KEYS, LOSS_SETTING_NAMES, lossDefaultsKey, readLossSettings } from '../../src/extension/loss-settings';
import { changedOver, PreviewOptionsStore, previewOptionsArgument, smoothingOf, withPreview } from '../../src/extension/preview-options';
import { close, type Num } from './kinds-reference';
import { literalOf, lossFixtures as fixtures } from './loss-fixtures';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default: unknown; minimum?: number; maximum?: number; enum?: string[] }> } };
};


/** Settings as VS Code's getConfiguration('entropyLens').get(key) returns them. */
function settings(values: Partial<Record<keyof LossOptions, unknown>>): (key: string) => unknown {
  const byKey = new Map(Object.entries(values).map(([option, value]) => [LOSS_SETTING_KEYS[option as keyof LossOptions], value]));
  return (key) => byKey.get(key);
}

function withSettings(text: string, values: Partial<Record<keyof LossOptions, unknown>>, extra: Partial<EvaluateOptions> = {}) {
  return evaluateText(text, { unit: 'nats', as: 'auto', loss: 'auto', lossDefaults: readLossSettings(settings(values)), ...extra });
}

function closeFigure(actual: number | Float64Array, expected: Num | Num[], what: string): void {
  if (Array.isArray(expected)) {
    assert.ok(actual instanceof Float64Array, `${what}: a list`);
    assert.equal(actual.length, expected.length, `${what}: length`);
    expected.forEach((x, i) => close(actual[i], x, `${what}[${i}]`));
  } else {
    close(actual as number, expected, what);
  }
}

function lossValue(evaluation: LossEvaluation): number | Float64Array {
  return evaluation.reduction === 'none' ? evaluation.perSample : evaluation.value;
}

function throwsNaming(run: () => unknown, name: string, not: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof LiteralError, 'a LiteralError');
    assert.match(error.message, new RegExp(name.replace(/\./g, '\\.')));
    assert.doesNotMatch(error.message, not);
    assert.doesNotMatch(error.message, /NaN/);
    return true;
  });
}

describe('loss options as settings (entropyLens.lossOptions.*)', () => {
  describe('against PyTorch: each fixture case with its options given as settings', () => {
    for (const c of fixtures.lossOptions) {
      it(c.name, () => {
        for (const convention of CONVENTIONS) {
          const evaluation = withSettings(literalOf(c), { ...c.options, convention }, { loss: c.loss }) as LossEvaluation;
          assert.equal(evaluation.kind, 'loss');
          assert.equal(evaluation.convention, convention);
          closeFigure(lossValue(evaluation), c[convention].value, `${convention} value`);
        }
      });
    }
  });

  it('a setting that does not fit the loss is left out: class weights and ignore index on BCE, pos_weight on CCE', () => {
    const bce = fixtures.lossOptions.find((c) => c.name === 'bce probs, pos_weight 2')!;
    const evaluation = withSettings(literalOf(bce), { posWeight: 2, weight: [5, 7], ignoreIndex: 3 }) as LossEvaluation;
    closeFigure(evaluation.value, bce.exact.value, 'BCE with pos_weight 2, the class weights left out');
    assert.deepEqual(evaluation.options, { posWeight: 2 });
    assert.deepEqual(evaluation.warnings, []);
    const cce = fixtures.lossOptions.find((c) => c.name === 'cce indices logits, class weights, reduction=sum')!;
    const weighted = withSettings(literalOf(cce), { ...cce.options, posWeight: 4 }) as LossEvaluation;
    closeFigure(weighted.value, cce.torch.value, 'CCE with weights and sum, pos_weight left out');
  });

  it('MSE takes the reduction only: its sum is the sum of squares', () => {
    const evaluation = withSettings('{"y": [1.5, 2.5, -1], "y_pred": [1, 3, 0]}', { reduction: 'sum', labelSmoothing: 0.2, convention: 'torch' }) as LossEvaluation;
    assert.equal(evaluation.loss, 'mse');
    assert.equal(evaluation.value, 0.25 + 0.25 + 1);
  });

  it('information figures ignore the settings, without a warning', () => {
    const evaluation = withSettings('[0.1, 0.2, 0.7]', { reduction: 'sum', weight: [1, 2, 3] });
    assert.equal(evaluation.kind, 'distribution');
    assert.deepEqual(evaluation.warnings, []);
  });

  it('an option asked of the literal (the CLI, the language-model tool) wins over the setting', () => {
    const c = fixtures.lossOptions.find((x) => x.name === 'cce indices logits, class weights, reduction=mean')!;
    const evaluation = withSettings(literalOf(c), { reduction: 'sum', weight: [1, 2, 0.5] }, { lossOptions: { reduction: 'mean' } }) as LossEvaluation;
    closeFigure(evaluation.value, c.torch.value, 'mean, asked, over the sum of the setting');
  });

  it('class weights of the wrong length name the setting, not the CLI flag', () => {
    throwsNaming(() => withSettings('{"labels": [0, 2], "logits": [[1, 2, 3], [0, 0, 1]]}', { weight: [1, 2] }), LOSS_SETTING_NAMES.weight, /--weight/);
    throwsNaming(() => withSettings('{"y": [[1, 0, 1], [0, 1, 0]], "logits": [[2, -1, 0.5], [-2, 1.5, -0.3]]}', { posWeight: [1, 2] }), LOSS_SETTING_NAMES.posWeight, /--pos-weight/);
    // Asked on the command line, the flag is still the name.
    assert.throws(() => evaluateText('{"labels": [0, 2], "logits": [[1, 2, 3], [0, 0, 1]]}', { unit: 'nats', as: 'auto', loss: 'auto', lossOptions: { weight: [1, 2] } }), /--weight has 2 weights/);
  });

  it('values out of range or of the wrong type are one problem naming the setting; every loss literal reports it', () => {
    const cases: [Partial<Record<keyof LossOptions, unknown>>, keyof LossOptions][] = [
      [{ labelSmoothing: 1.5 }, 'labelSmoothing'],
      [{ labelSmoothing: 'a lot' }, 'labelSmoothing'],
      [{ reduction: 'median' }, 'reduction'],
      [{ convention: 'jax' }, 'convention'],
      [{ weight: [1, -2, 3] }, 'weight'],
      [{ weight: [1, '2'] }, 'weight'],
      [{ weight: 2 }, 'weight'],
      [{ posWeight: 'big' }, 'posWeight'],
      [{ ignoreIndex: 1.5 }, 'ignoreIndex'],
      [{ ignoreIndex: '-100' }, 'ignoreIndex'],
    ];
    for (const [values, key] of cases) {
      const defaults = readLossSettings(settings(values));
      assert.ok(defaults.problem, `${JSON.stringify(values)}: a problem`);
      assert.ok(defaults.problem.startsWith(LOSS_SETTING_NAMES[key]), `${JSON.stringify(values)}: "${defaults.problem}" names ${LOSS_SETTING_NAMES[key]} first`);
      assert.doesNotMatch(defaults.problem, /--/);
      assert.deepEqual(defaults.options, {});
      throwsNaming(() => withSettings('{"y": [1, 0], "y_pred": [0.9, 0.2]}', values), LOSS_SETTING_NAMES[key], /--/);
      assert.equal(withSettings('[0.5, 0.5]', values).kind, 'distribution', 'the information figures stay');
    }
  });

  it('settings at the manifest defaults ask for nothing: the result is the one without settings', () => {
    const properties = manifest.contributes.configuration.properties;
    const defaults = readLossSettings((key) => properties[`entropyLens.${key}`]?.default);
    assert.deepEqual(defaults.options, {});
    assert.equal(defaults.problem, undefined);
    for (const name of Object.values(LOSS_SETTING_NAMES)) assert.ok(properties[name], `${name} is in the manifest`);
    assert.deepEqual(properties[LOSS_SETTING_NAMES.reduction].enum, ['mean', 'sum', 'none']);
    assert.deepEqual(properties[LOSS_SETTING_NAMES.convention].enum, [...CONVENTIONS]);
    assert.equal(properties[LOSS_SETTING_NAMES.labelSmoothing].minimum, 0);
    assert.equal(properties[LOSS_SETTING_NAMES.labelSmoothing].maximum, 1);
  });

  it('the cache key changes with the options in effect, and with a problem', () => {
    const a = lossDefaultsKey(readLossSettings(settings({ reduction: 'sum' })));
    const b = lossDefaultsKey(readLossSettings(settings({ reduction: 'none' })));
    const bad = lossDefaultsKey(readLossSettings(settings({ reduction: 'x' })));
    assert.notEqual(a, b);
    assert.notEqual(a, bad);
    assert.equal(lossDefaultsKey(readLossSettings(settings({}))), lossDefaultsKey(readLossSettings(settings({ reduction: 'mean', convention: 'exact' }))));
  });
});

describe('Preview Loss options (remembered per literal for the session)', () => {
  it('are found again by the literal, whitespace aside, and lapse when its numbers change', () => {
    const store = new PreviewOptionsStore();
    store.set('file:///a.py', '{"y": [1, 0], "y_pred": [0.9, 0.2]}', { reduction: 'sum' });
    assert.deepEqual(store.get('file:///a.py', () => '{"y":[1,0],\n "y_pred":[0.9,0.2]}'), { reduction: 'sum' });
    assert.equal(store.get('file:///a.py', () => '{"y": [1, 0], "y_pred": [0.9, 0.3]}'), undefined);
    assert.equal(store.get('file:///b.py', () => '{"y": [1, 0], "y_pred": [0.9, 0.2]}'), undefined);
    store.set('file:///a.py', '{"y": [1, 0], "y_pred": [0.9, 0.2]}', {});
    assert.equal(store.get('file:///a.py', () => '{"y": [1, 0], "y_pred": [0.9, 0.2]}'), undefined, 'empty options forget the literal');
  });

  it('go over the settings', () => {
    assert.deepEqual(withPreview({ reduction: 'sum', weight: [1, 2] }, { reduction: 'mean', convention: 'torch' }), { reduction: 'mean', weight: [1, 2], convention: 'torch' });
  });

  it('remember only what the pick changed: a value shown as in effect follows the settings later', () => {
    const shown = { reduction: 'mean', labelSmoothing: 0, convention: 'exact' } as const;
    // Only the convention was changed: the reduction stays the settings' (a later "sum" applies).
    assert.deepEqual(changedOver(undefined, shown, { ...shown, convention: 'torch' }), { convention: 'torch' });
    // Nothing changed: nothing to remember.
    assert.deepEqual(changedOver(undefined, shown, shown), {});
    // An earlier choice stays, the change goes over it.
    assert.deepEqual(changedOver({ convention: 'torch' }, { ...shown, convention: 'torch' }, { ...shown, convention: 'torch', reduction: 'sum' }), { convention: 'torch', reduction: 'sum' });
  });

  it('the command argument is checked strictly', () => {
    assert.deepEqual(previewOptionsArgument({ reduction: 'sum', labelSmoothing: 0.1, convention: 'keras' }), { reduction: 'sum', labelSmoothing: 0.1, convention: 'keras' });
    assert.match(previewOptionsArgument({ weight: [1] }) as string, /unknown option "weight"/);
    assert.match(previewOptionsArgument({ labelSmoothing: 2 }) as string, /labelSmoothing/);
    assert.match(previewOptionsArgument({ reduction: 'avg' }) as string, /reduction/);
    assert.equal(typeof previewOptionsArgument([1]), 'string');
  });

  it('label smoothing as typed: a number from 0 to 1', () => {
    assert.equal(smoothingOf('0.1'), 0.1);
    assert.equal(smoothingOf(' .25 '), 0.25);
    assert.equal(smoothingOf('1'), 1);
    for (const bad of ['', '-0.1', '1.5', 'NaN', '0x1', '1e5', 'abc']) assert.equal(smoothingOf(bad), undefined, bad);
  });
});
