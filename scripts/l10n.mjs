#!/usr/bin/env node
// `npm run l10n`: writes l10n/bundle.l10n.json, the English runtime strings, from every
// `vscode.l10n.t('…')` in src/extension, and every `l10n.t('…')` of src/extension/l10n.ts (modules
// the unit tests load, and the visualizer page's catalogue, webview-strings.ts): the bundle a
// translation, bundle.l10n.<locale>.json, starts from. `--check` writes nothing and exits 1 when the bundle and the code disagree: a key
// missing or unused, or a call whose message is not a plain string literal (it could not be found
// by a translator's tools). The unit suite runs the check.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './lib/pins.mjs';

const SOURCES = join(ROOT, 'src', 'extension');
const BUNDLE = join(ROOT, 'l10n', 'bundle.l10n.json');

/** @param {string} dir @returns {string[]} */
function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  }).sort();
}

/** A JavaScript string literal's value (the quotes included in `literal`). @param {string} literal */
function valueOf(literal) {
  const quote = literal[0];
  const body = literal.slice(1, -1);
  if (quote === '`') return body.replace(/\\`/g, '`').replace(/\\\\/g, '\\');
  return JSON.parse(`"${body.replace(/\\'/g, "'").replace(/(?<!\\)"/g, '\\"')}"`);
}

/** Every message passed to l10n.t in the host's sources, in order of appearance, and the calls that pass none. */
export function scan() {
  const messages = [];
  const dynamic = [];
  const call = /\bl10n\.t\(\s*/g;
  const literal = /^('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.|\$(?!\{))*`)/;
  for (const file of tsFiles(SOURCES)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(call)) {
      const rest = text.slice(match.index + match[0].length);
      const found = literal.exec(rest);
      const line = text.slice(0, match.index).split('\n').length;
      if (found) messages.push({ message: valueOf(found[1]), where: `${relative(ROOT, file)}:${line}` });
      else dynamic.push(`${relative(ROOT, file)}:${line}`);
    }
  }
  return { messages, dynamic };
}

const { messages, dynamic } = scan();
const bundle = Object.fromEntries(messages.map(({ message }) => [message, message]));
if (process.argv.includes('--check')) {
  const written = JSON.parse(readFileSync(BUNDLE, 'utf8'));
  const missing = Object.keys(bundle).filter((key) => !(key in written));
  const unused = Object.keys(written).filter((key) => !(key in bundle));
  console.log(JSON.stringify({ messages: Object.keys(bundle).length, calls: messages.length, missing, unused, dynamic }, null, 2));
  process.exit(missing.length + unused.length + dynamic.length === 0 ? 0 : 1);
}
if (dynamic.length > 0) {
  console.error(`[l10n] l10n.t without a string literal message: ${dynamic.join(', ')}`);
  process.exit(1);
}
writeFileSync(BUNDLE, `${JSON.stringify(bundle, null, 2)}\n`);
console.log(`[l10n] ${BUNDLE}: ${Object.keys(bundle).length} messages from ${messages.length} calls`);
