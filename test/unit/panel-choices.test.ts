// The panel's own unit, reading and loss (issue 14): saved with the panel state, validated strictly
// on the way in, and "Make default" as the one message that writes them to the settings.
import * as assert from 'node:assert/strict';
import { isFromWebview, isPanelChoices, isPanelState, panelStateFrom } from '../../src/shared/protocol';

describe('the panel’s choices', () => {
  const good = { version: 1, locked: false, view: 'figures' } as const;

  it('restores a state with choices, and one without', () => {
    const withChoices = { ...good, choices: { unit: 'bits', interpretation: 'logits', loss: 'cce' } };
    assert.deepEqual(panelStateFrom(withChoices), withChoices);
    assert.deepEqual(panelStateFrom(good), good);
  });

  it('accepts only the known keys, each with a value its setting accepts', () => {
    assert.ok(isPanelChoices({}));
    assert.ok(isPanelChoices({ unit: 'hartleys' }));
    for (const bad of [{ unit: 'bytes' }, { loss: 'none' }, { interpretation: 'probs', extra: 1 }, { unit: 2 }, [], 'bits', null]) {
      assert.ok(!isPanelChoices(bad), JSON.stringify(bad));
      assert.ok(!isPanelState({ ...good, choices: bad }), JSON.stringify(bad));
    }
  });

  it('drops damaged choices and keeps the rest of the state, playground included', () => {
    const playground = { temperature: 2, smoothing: 0, edits: { p: [], q: [] }, key: 'k' };
    assert.deepEqual(panelStateFrom({ ...good, choices: { unit: 'bytes' } }), good);
    assert.deepEqual(panelStateFrom({ ...good, playground, choices: { loss: 'none' } }), { ...good, playground });
    assert.deepEqual(panelStateFrom({ ...good, playground: 'garbage', choices: { unit: 'bits' } }), { ...good, choices: { unit: 'bits' } });
    assert.equal(panelStateFrom({ ...good, view: 'nope', choices: { unit: 'bits' } }), undefined);
  });

  it('takes "Make default" only as itself, with nothing attached', () => {
    assert.ok(isFromWebview({ type: 'makeDefault' }));
    assert.ok(!isFromWebview({ type: 'makeDefault', unit: 'bits' }));
  });
});
