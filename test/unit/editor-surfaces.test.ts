// Issue 14 items 3, 5, 8, 10: what the editor's short surfaces say (a pair's notification names both
// KL directions; a two-row batch names each row), where the rows choice is keyed, what plain code
// is, and the manifest's menus (an "Entropy Lens" submenu shown on data, the title button on files
// with a literal) and the hover.languages setting.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { evaluateText, type EvaluateOptions } from '../../src/core/evaluate';
import { figuresOf } from '../../src/core/figures';
import { looksLikeLiteral } from '../../src/core/locate';
import { hoverLabel, notificationLine } from '../../src/extension/figure-lines';
import { hashOf, rowsListOf, twoRowsIn } from '../../src/extension/rows-choice';

const nats: EvaluateOptions = { unit: 'nats', as: 'auto', loss: 'auto' };
const root = path.resolve(__dirname, '../../..');

interface MenuItem {
  readonly command?: string;
  readonly submenu?: string;
  readonly when?: string;
  readonly group?: string;
}
interface Manifest {
  readonly contributes: {
    readonly commands: readonly { readonly command: string; readonly icon?: string }[];
    readonly menus: Record<string, readonly MenuItem[]>;
    readonly submenus: readonly { readonly id: string; readonly label: string }[];
    readonly configuration: { readonly properties: Record<string, { readonly default?: unknown; readonly type?: string }> };
  };
}
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;

/** A manifest string as VS Code shows it: `%key%` looked up in package.nls.json when the manifest is localised. */
function shown(text: string): string {
  const key = /^%(.+)%$/.exec(text)?.[1];
  if (key === undefined) return text;
  const strings = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  return strings[key] ?? text;
}

describe('notifications: a pair names both KL directions, a small batch each row', () => {
  it('Evaluate Selection on a pair leads with D_KL(P‖Q) and D_KL(Q‖P)', () => {
    const line = notificationLine(evaluateText('[[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]', nats), 6);
    // scipy.stats.entropy([0.7, 0.2, 0.1], qk=[0.1, 0.1, 0.8]) and the reverse
    assert.match(line, /^D_KL\(P‖Q\) = 1\.29282 nats · D_KL\(Q‖P\) = 1\.39965 nats · H\(P\) = 0\.801819 nats · H\(Q\) = 0\.639032 nats$/);
  });

  it('a batch of two rows names each row’s entropy after the mean', () => {
    const line = notificationLine(evaluateText('[[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]', { ...nats, rows: 'batch' }), 6);
    assert.match(line, /mean H over 2 rows = 0\.720425 nats · H\(row 0\) = 0\.801819 nats · H\(row 1\) = 0\.639032 nats$/);
  });

  it('the hover names log n plainly', () => {
    const figure = figuresOf(evaluateText('[0.5, 0.5]', nats)).find((f) => f.key === 'maxEntropy')!;
    assert.equal(hoverLabel(figure), 'max entropy (log n)');
  });
});

describe('the rows choice’s key: the list of rows as written', () => {
  it('is the same for a tensor with its wrapper and for a selection of its list, whitespace aside', () => {
    const wrapped = 'torch.tensor([[0.7, 0.2, 0.1],\n              [0.1, 0.1, 0.8]], dtype=torch.float64)';
    assert.equal(rowsListOf(wrapped), '[[0.7, 0.2, 0.1],\n              [0.1, 0.1, 0.8]]');
    const key = (text: string) => hashOf(rowsListOf(text).replace(/\s+/g, ''));
    assert.equal(key(wrapped), key('[[0.7,0.2,0.1],[0.1,0.1,0.8]]'));
    assert.notEqual(key(wrapped), key('[[0.7, 0.2, 0.1], [0.1, 0.1, 0.9]]'));
  });

  it('applies to a list of exactly two rows', () => {
    assert.ok(twoRowsIn('np.array([[1, 2], [3, 4]])'));
    assert.equal(twoRowsIn('[[1, 2], [3, 4], [5, 6]]'), false);
    assert.equal(twoRowsIn('{"p": [0.5, 0.5], "q": [0.9, 0.1]}'), false);
    assert.equal(twoRowsIn('[0.5, 0.5]'), false);
  });
});

describe('plain code is not a literal', () => {
  it('a statement, a call of names, a bare name: not literals; anything in brackets is one', () => {
    for (const code of ['loss = criterion(model(x), y)', 'criterion(model(x), y)', 'x', 'np.array(x)']) assert.equal(looksLikeLiteral(code), false, code);
    for (const literal of ['[0.1, 0.2, 0.7]', '[a, 1]', '["x"]', 'np.array([0.1, 0.9])', '{"p": [1]}']) assert.ok(looksLikeLiteral(literal), literal);
  });
});

describe('the manifest: menus only where there are numbers', () => {
  const menus = manifest.contributes.menus;

  it('the editor context menu holds one "Entropy Lens" submenu, shown on data (or a paused session’s code)', () => {
    const items = menus['editor/context'];
    assert.equal(items.length, 1);
    const submenu = manifest.contributes.submenus.find((s) => s.id === items[0].submenu);
    assert.equal(shown(submenu?.label ?? ''), 'Entropy Lens');
    assert.match(items[0].when ?? '', /^entropyLens\.selectionLooksLikeData \|\| editorHasSelection && debugState == 'stopped'$/);
    const inside = menus[items[0].submenu!].map((item) => item.command);
    assert.deepEqual(inside.slice(0, 4), ['entropyLens.evaluateSelection', 'entropyLens.compareSelections', 'entropyLens.previewLoss', 'entropyLens.openVisualizer']);
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const command of inside) assert.ok(command && declared.has(command), String(command));
  });

  it('the editor title shows the visualizer button ($(graph)) on files that hold a literal', () => {
    const title = menus['editor/title'];
    assert.deepEqual(title.map((item) => [item.command, item.when]), [['entropyLens.openVisualizer', 'entropyLens.editorHasLiteral']]);
    assert.equal(manifest.contributes.commands.find((c) => c.command === 'entropyLens.openVisualizer')?.icon, '$(graph)');
  });

  it('entropyLens.hover.languages is a list of language ids, every language by default', () => {
    const setting = manifest.contributes.configuration.properties['entropyLens.hover.languages'];
    assert.equal(setting?.type, 'array');
    assert.deepEqual(setting?.default, ['*']);
  });

  it('Read Two Rows As… is a command (the hover links it)', () => {
    assert.ok(manifest.contributes.commands.some((c) => c.command === 'entropyLens.readRowsAs'));
  });
});
