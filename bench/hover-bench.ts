import { buildSync } from 'esbuild';
import { statSync } from 'node:fs';
import { evaluateWith, literalAround, type TextSource } from '../src/extension/targets/literal-around';
import { ms, random, row, time } from './measure';

const LIMIT = 50_000; // entropyLens.hover.maxLiteralLength's default

function stringSource(text: string): TextSource {
  return { length: text.length, slice: (start, end) => text.slice(start, end) };
}

/** A 10,000-line Python file with one literal of `count` numbers in the middle. */
function document(count: number): { text: string; offset: number } {
  const next = random(7);
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) lines.push(i % 7 === 0 ? `    loss = criterion(model(x[${i}]), y)  # step ${i}` : `    value_${i} = compute(${i}, scale=0.5)`);
  const literal = `probs = np.array([${Array.from({ length: count }, () => next().toFixed(6)).join(', ')}])`;
  lines.splice(5_000, 0, literal);
  const text = lines.join('\n');
  const offset = text.indexOf(literal) + Math.floor(literal.length / 2);
  return { text, offset };
}

/** Issue #4's figures: the hover's work, what activation loads, and the lazily loaded pieces. */
export function hoverBench(): void {
  console.log('\nhover: find the literal under the pointer + evaluate it, in a 10,000-line document');
  // What a first hover costs: the scan, then the core with nothing cached.
  const attempt = evaluateWith({ unit: 'nats', as: 'auto', loss: 'auto' });
  const small = document(1_000);
  const smallSource = stringSource(small.text);
  const found = literalAround(smallSource, small.offset, LIMIT, attempt);
  if (found.kind !== 'evaluated') throw new Error(`the benchmark's 1,000-number literal was not evaluated (${found.kind})`);
  const smallTime = time(() => literalAround(smallSource, small.offset, LIMIT, attempt), 51, 5);
  row('1,000-number literal: median', ms(smallTime.median), `goal ≤ 1 ms (${(smallTime.median / 1).toFixed(2)}× the goal)`);
  const large = document(1_000_000);
  const largeSource = stringSource(large.text);
  const declined = literalAround(largeSource, large.offset, LIMIT, attempt);
  if (declined.kind !== 'too-large') throw new Error(`the 1,000,000-number literal was not declined (${declined.kind})`);
  const largeTime = time(() => literalAround(largeSource, large.offset, LIMIT, attempt), 21, 3);
  row('1,000,000-number literal: declines in (median)', ms(largeTime.median), `goal ≤ 5 ms (${(largeTime.median / 5).toFixed(2)}× the goal)`);

  console.log('\nactivation: what the Node extension host loads at start-up (production build, minified)');
  const minified = (entry: string, external: string[], define: Record<string, string>) =>
    buildSync({ entryPoints: [entry], bundle: true, minify: true, write: false, platform: 'node', format: 'cjs', external, define, logLevel: 'silent' }).outputFiles[0].contents.length;
  // As `npm run package` builds it: the test hooks compiled out.
  const activationBytes = minified('src/extension/extension.ts', ['vscode', './features.js'], { FEATURES_FETCHED: 'false', ENTROPY_LENS_TEST_HOOKS: 'false' });
  row('dist/extension.js (loaded at activation)', `${(activationBytes / 1024).toFixed(1)} KB`, `goal ≤ 60 KB (${(activationBytes / 1024 / 60).toFixed(2)}× the goal)`);
  const featuresBytes = minified('src/extension/features.ts', ['vscode', './formula-image.js'], { FORMULA_FETCHED: 'false' });
  row('dist/features.js (first command, hover or selection)', `${(featuresBytes / 1024).toFixed(1)} KB`);
  // The web extension host evaluates its entry at activation; it fetches the features on first use.
  const browser = (entry: string, define: Record<string, string>) =>
    buildSync({ entryPoints: [entry], bundle: true, minify: true, write: false, platform: 'browser', format: 'cjs', external: ['vscode'], define, logLevel: 'silent' }).outputFiles[0].contents.length;
  const webBytes = browser('src/extension/extension.ts', { FEATURES_FETCHED: 'true', ENTROPY_LENS_TEST_HOOKS: 'false' });
  row('dist/web/extension.js (web extension, loaded at activation)', `${(webBytes / 1024).toFixed(1)} KB`, `goal ≤ 200 KB (${(webBytes / 1024 / 200).toFixed(2)}× the goal)`);
  row('dist/web/features.js (web extension, first use)', `${(browser('src/extension/features.ts', { FORMULA_FETCHED: 'true' }) / 1024).toFixed(1)} KB`);
  const formula = buildSync({ entryPoints: ['src/extension/formula-image.ts'], bundle: true, minify: true, write: false, platform: 'browser', format: 'cjs', logLevel: 'silent' });
  row('dist/formula-image.js (MathJax, first hover only, in either host)', `${(formula.outputFiles[0].contents.length / 1024).toFixed(0)} KB`);
  try {
    row('dist/webview/visualizer.js (webview only)', `${(statSync('dist/webview/visualizer.js').size / 1024).toFixed(0)} KB`, '(development build)');
  } catch {
    // The webview bundle is built by `npm run build`; its size is reported when present.
  }
}
