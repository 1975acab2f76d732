import { buildSync } from 'esbuild';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The built bundles, as `npm run build:tests` leaves them (the unit run builds them first). */
const root = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Every module a CommonJS bundle still requires at run time. */
function requires(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/\brequire\((["'])([^"']+)\1\)/g)].map((m) => m[2]))].sort();
}

describe('bundles', () => {
  it('the web extension requires nothing but vscode: no Node module on its path', () => {
    assert.deepEqual(requires(read('dist/web/extension.js')), ['vscode']);
  });

  it('activation loads only extension.js; the features and the formula renderer are separate files', () => {
    const activation = requires(read('dist/extension.js'));
    assert.deepEqual(activation.filter((name) => name.startsWith('.')), ['./features.js']);
    assert.ok(activation.includes('vscode'));
    assert.deepEqual(requires(read('dist/features.js')).filter((name) => name.startsWith('.')), ['./formula-image.js']);
    // The core is not in the activation bundle: its reader's messages would be.
    assert.doesNotMatch(read('dist/extension.js'), /abbreviated|is not a number/);
  });

  it('KaTeX never enters the extension host; MathJax only in the lazily loaded renderer', () => {
    for (const file of ['dist/extension.js', 'dist/features.js']) {
      const host = read(file);
      // The host names KaTeX's stylesheet for the webview page; KaTeX's code would bring these.
      assert.doesNotMatch(host, /renderToString|KaTeX parse error|__defineFunction/, file);
      assert.doesNotMatch(host, /MathJax|mathjax-full/, file);
    }
    assert.match(read('dist/formula-image.js'), /mathjax/i);
  });

  it('the web extension evaluates at most 200 KB at activation; the features and MathJax are fetched on first use', () => {
    // As the .vsix carries it: minified, the test hooks compiled out (the options of esbuild.config.mjs).
    const activation = buildSync({
      entryPoints: [path.join(root, 'src/extension/extension.ts')], bundle: true, minify: true, write: false, platform: 'browser',
      format: 'cjs', target: 'es2022', legalComments: 'none', external: ['vscode'], logLevel: 'silent',
      define: { FEATURES_FETCHED: 'true', ENTROPY_LENS_TEST_HOOKS: 'false' },
    }).outputFiles[0];
    assert.ok(activation.contents.length <= 200 * 1024, `the web activation bundle is ${(activation.contents.length / 1024).toFixed(1)} KB`);
    assert.doesNotMatch(activation.text, /MathJax|mathjax-full/);
    // The development build the tests run: same split. The core's reader messages are in the
    // features only; the features name the renderer's file, the entry the features' file.
    const entry = read('dist/web/extension.js');
    assert.doesNotMatch(entry, /MathJax|mathjax-full|abbreviated|is not a number/);
    assert.match(entry, /"dist", "web", "features\.js"/);
    const features = read('dist/web/features.js');
    assert.deepEqual(requires(features), ['vscode']);
    assert.doesNotMatch(features, /MathJax|mathjax-full/);
    assert.match(features, /"dist", "formula-image\.js"/);
    // One renderer for both hosts: it may need nothing from either.
    assert.deepEqual(requires(read('dist/formula-image.js')), []);
  });

  it('the webview bundle never touches the vscode module', () => {
    assert.deepEqual(requires(read('dist/webview/visualizer.js')), []);
  });
});
