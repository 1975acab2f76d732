import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The layering, checked on the sources themselves: the core stands alone, the webview never reaches
 * the host, src/shared only shares, nothing imports in a circle, and no file grows past one job.
 */

const root = path.resolve(__dirname, '../../..');
const src = path.join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;'"]*?from\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module a file names, as written (relative paths, packages, 'vscode'). */
function specifiers(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3]));
}

/** A relative specifier resolved to its .ts file, as esbuild and tsc resolve it. */
function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '');
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

const files = sourceFiles(src);
const rel = (file: string) => path.relative(root, file);
const under = (folder: string) => files.filter((file) => rel(file).startsWith(`src/${folder}/`));

describe('architecture', () => {
  it('no import cycle anywhere in src/ (type-only imports included)', () => {
    const graph = new Map(files.map((file) => [file, specifiers(file).map((s) => resolveLocal(file, s)).filter((f): f is string => f !== undefined)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map(rel).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    assert.deepEqual(cycles, []);
  });

  it('no source file in src/ over 450 lines', () => {
    const long = files.map((file) => ({ file: rel(file), lines: readFileSync(file, 'utf8').split('\n').length })).filter(({ lines }) => lines > 450);
    assert.deepEqual(long, []);
  });

  it('the core imports only the core', () => {
    for (const file of under('core')) {
      for (const specifier of specifiers(file)) {
        const target = resolveLocal(file, specifier);
        assert.ok(target !== undefined && rel(target).startsWith('src/core/'), `${rel(file)} imports ${specifier}`);
      }
    }
  });

  it('the webview never imports vscode or the host; src/shared imports only shared and core', () => {
    for (const file of under('webview')) {
      for (const specifier of specifiers(file)) {
        const target = resolveLocal(file, specifier);
        assert.notEqual(specifier, 'vscode', rel(file));
        if (target) assert.doesNotMatch(rel(target), /^src\/(extension|cli)\//, `${rel(file)} imports ${specifier}`);
      }
    }
    for (const file of under('shared')) {
      for (const specifier of specifiers(file)) {
        const target = resolveLocal(file, specifier);
        assert.ok(target !== undefined && /^src\/(shared|core)\//.test(rel(target)), `${rel(file)} imports ${specifier}`);
      }
    }
  });

  it('finds what it checks: the walk sees every layer and their imports', () => {
    // Guards the checks above against passing on an empty walk or a regex that matches nothing.
    for (const folder of ['core', 'extension', 'shared', 'webview', 'cli']) assert.ok(under(folder).length > 0, folder);
    assert.ok(specifiers(path.join(src, 'extension', 'features.ts')).length > 3);
  });
});
