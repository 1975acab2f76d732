import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
// @ts-expect-error: a plain .mjs script (JSDoc-typed), bundled into the test by esbuild
import { baseUrlsFrom } from '../../scripts/lib/package.mjs';

/**
 * `npm run package -- --baseContentUrl URL --baseImagesUrl URL`: the publisher's web addresses for
 * the README's relative links and pictures, while package.json names no repository.
 */

const root = path.resolve(__dirname, '../../..');
const parse = baseUrlsFrom as (argv: readonly string[]) => { baseContentUrl?: string; baseImagesUrl?: string };

describe('packaging: the README’s relative links', () => {
  it('takes vsce’s two flags, as two arguments or with =, and only https addresses', () => {
    assert.deepEqual(parse(['--baseContentUrl', 'https://example.org/r/blob/main', '--baseImagesUrl=https://example.org/r/raw/main']), {
      baseContentUrl: 'https://example.org/r/blob/main',
      baseImagesUrl: 'https://example.org/r/raw/main',
    });
    assert.deepEqual(parse([]), {});
    assert.throws(() => parse(['--baseImagesUrl', 'http://example.org/raw']), /must be an https address/);
    assert.throws(() => parse(['--baseContentUrl']), /needs a web address, got nothing/);
    assert.throws(() => parse(['--baseContentUrl', 'media/']), /needs a web address/);
    // A misspelt flag is refused, never ignored.
    assert.throws(() => parse(['--baseImageUrl', 'https://example.org/']), /unknown argument --baseImageUrl/);
  });

  it('the pinned vsce rewrites pictures against --baseImagesUrl and links against --baseContentUrl, and refuses relative ones with neither', function () {
    this.timeout(60_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'entropy-lens-vsce-'));
    try {
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'probe', publisher: 'probe', version: '0.0.1', license: 'MIT', engines: { vscode: '^1.100.0' }, vsce: { dependencies: false, allowMissingRepository: true } }));
      writeFileSync(path.join(dir, 'LICENSE'), 'MIT');
      writeFileSync(path.join(dir, 'README.md'), '# Probe\n\n![a picture](media/a.png)\n\n[the docs](docs/testing.md), [up](#probe)\n');
      const vsce = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', ...args], { cwd: dir, encoding: 'utf8' });
      const refused = vsce('--out', 'a.vsix');
      assert.notEqual(refused.status, 0);
      assert.match(refused.stdout + refused.stderr, /Couldn't detect the repository/);
      const built = vsce('--out', 'b.vsix', '--baseContentUrl', 'https://example.org/r/blob/main', '--baseImagesUrl', 'https://example.org/r/raw/main');
      assert.equal(built.status, 0, built.stderr);
      const readme = spawnSync('unzip', ['-p', path.join(dir, 'b.vsix'), 'extension/readme.md'], { encoding: 'utf8' }).stdout;
      assert.match(readme, /!\[a picture\]\(https:\/\/example\.org\/r\/raw\/main\/media\/a\.png\)/);
      assert.match(readme, /\[the docs\]\(https:\/\/example\.org\/r\/blob\/main\/docs\/testing\.md\), \[up\]\(#probe\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
