// Issue 14: the update's status line crosses postMessage, so the page checks it as strictly as the
// rest of the protocol — a kind it does not know, a place that is not a 1-based integer, or a message
// that is not text makes the whole update ignored; so does a literal number that is not an integer.
import * as assert from 'node:assert/strict';
import { isStatusLine, isToWebview, type ToWebview } from '../../src/shared/protocol';

const UPDATE: ToWebview = {
  type: 'update',
  content: { kind: 'empty', message: 'Select a literal' },
  settings: { unit: 'nats', interpretation: 'auto', loss: 'auto', precision: 6 },
  state: { version: 1, locked: true, view: 'figures' },
};

describe('protocol: the status line', () => {
  it('accepts each kind, with or without a place', () => {
    assert.ok(isToWebview(UPDATE), 'no status at all');
    assert.ok(isToWebview({ ...UPDATE, status: { kind: 'stale', message: "'x' is not a number", line: 3, column: 17 } }));
    assert.ok(isToWebview({ ...UPDATE, status: { kind: 'ended', message: 'The locked literal was deleted' } }));
    assert.ok(isToWebview({ ...UPDATE, status: { kind: 'hint', message: 'The selection holds no literal' } }));
  });

  it('refuses an unknown kind, a message that is not text, a place that is not a 1-based integer', () => {
    for (const status of [
      { kind: 'alert', message: 'x' },
      { kind: 'stale' },
      { kind: 'stale', message: 42 },
      { kind: 'stale', message: 'x', line: 0, column: 1 },
      { kind: 'stale', message: 'x', line: 2, column: 1.5 },
      { kind: 'stale', message: 'x', line: '2', column: 1 },
      null,
      'stale',
    ]) {
      assert.equal(isStatusLine(status), false, JSON.stringify(status));
      assert.equal(isToWebview({ ...UPDATE, status }), false, JSON.stringify(status));
    }
  });

  it('numbers the literal with a safe integer, or not at all', () => {
    assert.ok(isToWebview({ ...UPDATE, literal: 3 }));
    for (const literal of [1.5, '3', null, Number.MAX_SAFE_INTEGER + 1]) assert.equal(isToWebview({ ...UPDATE, literal }), false, String(literal));
  });
});
