import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pageHtml, scriptJson } from '../../src/extension/visualizer/html';
import { webviewStrings } from '../../src/extension/visualizer/webview-strings';
import { DEFAULT_STRINGS, formatMessage, STRING_KEYS, stringsFrom, STRINGS_ELEMENT_ID, type Strings } from '../../src/shared/strings';

/**
 * The visualizer page's words: the catalogue in src/shared/strings.ts, filled by the host with
 * vscode.l10n (webview-strings.ts), carried in the page (html.ts) and read by `t(key)` in the page.
 */

const root = path.resolve(__dirname, '../../..');
const webview = path.join(root, 'src', 'webview');

/** Every `t(…)` call in the page's sources: its key when it is a string literal, else the call's text. */
function webviewCalls(): { keys: { key: string; where: string }[]; dynamic: string[] } {
  const keys: { key: string; where: string }[] = [];
  const dynamic: string[] = [];
  for (const name of readdirSync(webview).filter((file) => file.endsWith('.ts') && file !== 'strings.ts')) {
    const text = readFileSync(path.join(webview, name), 'utf8');
    for (const match of text.matchAll(/(?<![\w$.])t\(\s*(?:'([^'\\\n]*)'|"([^"\\\n]*)"|([^)\n]{0,40}))/g)) {
      const where = `src/webview/${name}:${text.slice(0, match.index).split('\n').length}`;
      const key = match[1] ?? match[2];
      if (key === undefined) dynamic.push(`${where}: t(${match[3]}`);
      else keys.push({ key, where });
    }
  }
  return { keys, dynamic };
}

describe('the visualizer page’s words (src/shared/strings.ts)', () => {
  it('every key the page asks for is in the catalogue, as a string literal; every entry is used', () => {
    const { keys, dynamic } = webviewCalls();
    assert.deepEqual(dynamic, [], 't() calls whose key is not a string literal');
    assert.deepEqual(keys.filter(({ key }) => !(key in DEFAULT_STRINGS)).map(({ key, where }) => `${where}: ${key}`), [], 'keys missing from the catalogue');
    // The page's html (host side) uses the placeholder shown before the script starts.
    const html = readFileSync(path.join(root, 'src', 'extension', 'visualizer', 'html.ts'), 'utf8');
    const used = new Set([...keys.map(({ key }) => key), ...[...html.matchAll(/strings\['([^']+)'\]/g)].map((m) => m[1])]);
    assert.deepEqual(STRING_KEYS.filter((key) => !used.has(key)), [], 'catalogue entries no page source uses');
    // The scan sees the files converted: the playground's controls and the live history among them.
    assert.ok(keys.some(({ where }) => where.startsWith('src/webview/controls.ts')));
    assert.ok(keys.some(({ where }) => where.startsWith('src/webview/history-chart.ts')));
  });

  it('the host sends every entry, its English the catalogue’s default word for word', () => {
    // Without VS Code (here) the host's l10n gives the English it was asked for.
    assert.deepEqual(webviewStrings(), DEFAULT_STRINGS);
  });

  it('fills placeholders as vscode.l10n.t does', () => {
    assert.equal(formatMessage('{0} at each stop ({1})', ['H(P)', 'nats']), 'H(P) at each stop (nats)');
    assert.equal(formatMessage('{1} before {0}', [1, 2]), '2 before 1');
    // Braces that name no argument stay (a JSON example in a message too); an argument's own braces are not filled again.
    assert.equal(formatMessage('p = {0} {2} {name}', ['{1}', 'x']), 'p = {1} {2} {name}');
    assert.equal(formatMessage('e.g. {"y": [1, 0]}; {0}', ['x']), 'e.g. {"y": [1, 0]}; x');
    // No arguments: the message as it is, placeholders included (VS Code's format2 returns it whole).
    assert.equal(formatMessage('Data table ({0} stops)', []), 'Data table ({0} stops)');
  });

  it('keeps from the page’s JSON only strings for known keys, and the English default for the rest', () => {
    const parsed = stringsFrom({ 'playground.reset': 'Zurücksetzen', 'playground.copy': 42, 'live.title': 'x'.repeat(5000), unknown: 'y' });
    assert.equal(parsed['playground.reset'], 'Zurücksetzen');
    assert.equal(parsed['playground.copy'], DEFAULT_STRINGS['playground.copy']);
    assert.equal(parsed['live.title'], DEFAULT_STRINGS['live.title']);
    assert.ok(!('unknown' in parsed));
    // Inherited keys are not the page's: only own properties count.
    assert.equal(stringsFrom(Object.create({ 'playground.reset': 'inherited' }) as unknown)['playground.reset'], 'Reset');
    for (const malformed of [null, 'text', [1, 2], 7]) assert.deepEqual(stringsFrom(malformed), DEFAULT_STRINGS);
  });

  it('the page carries the catalogue as JSON that no string can break out of', () => {
    const hostile = '</script><script>alert(1)</script><!-- & \u2028';
    const strings: Strings = { ...DEFAULT_STRINGS, 'page.loading': `Laden… ${hostile}`, 'playground.reset': hostile };
    const html = pageHtml({ cspSource: 'https://webview', scriptUri: 'https://webview/v.js', katexCssUri: 'k.css', cssUri: 'v.css', fontUris: [], nonce: 'abc', strings });
    const open = `<script type="application/json" id="${STRINGS_ELEMENT_ID}" nonce="abc">`;
    const start = html.indexOf(open);
    assert.ok(start > 0, 'the catalogue element');
    const end = html.indexOf('</script>', start);
    const text = html.slice(start + open.length, end);
    assert.doesNotMatch(text, /[<>&\u2028]/);
    assert.deepEqual(JSON.parse(text), strings);
    // Two scripts in all, the catalogue and the page's bundle: the hostile text made none.
    assert.equal(html.match(/<script/g)?.length, 2);
    // The placeholder shown before the page starts is the translated word, escaped as text.
    assert.match(html, /<p class="placeholder">Laden… &lt;\/script&gt;/);
    assert.equal(scriptJson('a</b>'), '"a\\u003c/b\\u003e"');
  });

  it('a page made without a catalogue carries the English defaults', () => {
    const html = pageHtml({ cspSource: 'c', scriptUri: 's', katexCssUri: 'k', cssUri: 'v', fontUris: [], nonce: 'n' });
    assert.match(html, /<p class="placeholder">Loading…<\/p>/);
    assert.ok(html.includes(scriptJson(DEFAULT_STRINGS)));
  });
});
