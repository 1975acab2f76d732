// What activation costs in the real host, for `npm run bench` (which runs this suite alone and reads
// the line it prints). The assertion is on the measurement existing, never on its size.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('activation cost', () => {
  it('reports the time to load the bundle and to run activate()', async () => {
    const extension = vscode.extensions.getExtension<{ activationMs?: { load: number; activate: number } }>('entropy-lens.entropy-lens');
    assert.ok(extension);
    const { activationMs } = await extension.activate();
    assert.ok(activationMs, 'the bundle banner did not record its load time');
    for (const value of [activationMs.load, activationMs.activate]) assert.ok(Number.isFinite(value) && value >= 0, String(value));
    console.log(`ENTROPY_LENS_ACTIVATION_MS=${activationMs.load.toFixed(3)},${activationMs.activate.toFixed(3)}`);
  });
});
