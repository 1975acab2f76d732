import * as assert from 'node:assert/strict';
import { evaluateText } from '../../src/core/evaluate';
import { figuresOf } from '../../src/core/figures';
import { hoverLabel, rowFigures } from '../../src/extension/figure-lines';
import { l10n, useHostL10n } from '../../src/extension/l10n';
import { LiveValueError } from '../../src/extension/live/errors';
import { checkExpression } from '../../src/extension/live/expression';
import { webviewStrings } from '../../src/extension/visualizer/webview-strings';
import { formatMessage, STRING_KEYS } from '../../src/shared/strings';

/**
 * src/extension/l10n.ts: the modules that load without VS Code translate through whatever l10n the
 * features hand over. A pseudo-translation (⟦…⟧, placeholders kept) stands in for VS Code's here;
 * this file's bundle has its own copy of the module, so no other suite sees it.
 */

const asked: string[] = [];

describe('the host’s l10n for modules without vscode (src/extension/l10n.ts)', () => {
  before(() => {
    useHostL10n({
      t: (message, ...args) => {
        asked.push(message);
        return formatMessage(`⟦${message}⟧`, args);
      },
    });
  });

  it('forwards every message and its arguments to the l10n it was handed', () => {
    // Before the hand-over it is English with the arguments put in: webview-strings.test.ts.
    assert.equal(l10n.t('{0} and {1}', 'p', 'q'), '⟦p and q⟧');
    assert.equal(asked.at(-1), '{0} and {1}');
  });

  it('the hover’s words around the figures are asked for in English and shown as translated', () => {
    const evaluation = evaluateText('[[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]', { unit: 'nats', as: 'auto', loss: 'auto', rows: 'batch' });
    assert.deepEqual(rowFigures(evaluation, 6).map((row) => row.label), ['⟦H(row 0)⟧', '⟦H(row 1)⟧']);
    const max = figuresOf(evaluateText('[0.5, 0.5]', { unit: 'nats', as: 'auto', loss: 'auto' })).find((figure) => figure.key === 'maxEntropy')!;
    assert.equal(hoverLabel(max), '⟦max entropy (log n)⟧');
    assert.ok(asked.includes('max entropy ({0})'));
  });

  it('a live expression’s refusal is one translated sentence with a translated reason in it', () => {
    assert.throws(
      () => checkExpression('x = 1; y', 'javascript'),
      (error: unknown) => error instanceof LiveValueError && error.message === '⟦"x = 1; y" ⟦assigns a value⟧; Entropy Lens reads one expression and changes nothing in the program.⟧',
    );
  });

  it('the page’s catalogue is filled from the translation, every entry', () => {
    const strings = webviewStrings();
    assert.deepEqual(STRING_KEYS.filter((key) => !/^⟦[\s\S]*⟧$/.test(strings[key])), []);
    assert.equal(strings['live.history.table.many'], '⟦Data table ({0} stops)⟧');
  });
});
