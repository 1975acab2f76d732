// Packaging the .vsix: `npm run package`, the scenario runner and `npm run screenshots` all call
// this, so every one of them tests the artefact a user installs. vsce runs the manifest's
// `vscode:prepublish` (the production build) itself and reads its options from the manifest's
// `vsce` field, so `vsce publish` and `ovsx publish` ship the same bundles. The flags about the
// README's relative links (where package.json has no `repository`) are explained below.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where `npm run package` writes the .vsix (the README says so): vsce's own default, the project
 * folder, named `<name>-<version>.vsix`.
 * @param {string} root the project folder
 */
export function vsixPath(root) {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return join(root, `${name}-${version}.vsix`);
}

/**
 * The web addresses the README's relative links and pictures are rewritten against, from `npm run
 * package -- --baseContentUrl URL --baseImagesUrl URL` (vsce's own flags). Each must be an https URL:
 * vsce refuses any other picture source. An argument this script does not know is an error.
 * @param {readonly string[]} argv @returns {{ baseContentUrl?: string, baseImagesUrl?: string }}
 */
export function baseUrlsFrom(argv) {
  /** @type {{ baseContentUrl?: string, baseImagesUrl?: string }} */
  const urls = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    if (flag !== '--baseContentUrl' && flag !== '--baseImagesUrl') throw new Error(`unknown argument ${argv[i]} (known: --baseContentUrl URL, --baseImagesUrl URL)`);
    const value = inline ?? argv[++i];
    let url;
    try {
      url = new URL(value ?? '');
    } catch {
      throw new Error(`${flag} needs a web address, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
    }
    if (url.protocol !== 'https:') throw new Error(`${flag} must be an https address (vsce and the stores show https pictures only), got ${value}`);
    urls[flag === '--baseContentUrl' ? 'baseContentUrl' : 'baseImagesUrl'] = value;
  }
  return urls;
}

/**
 * Runs `vsce package` in `root` with the vsce of that folder's node_modules; resolves the .vsix
 * path and size. Needs nothing but `npm ci` (no provisioning).
 * @param {string} root
 * @param {{ log?: (message: string) => void, timeoutMs?: number, baseContentUrl?: string, baseImagesUrl?: string }} [options]
 */
export function packageVsix(root, { log = console.log, timeoutMs = 300_000, baseContentUrl, baseImagesUrl } = {}) {
  const out = vsixPath(root);
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const args = [vsce, 'package', '--out', out];
  if (baseContentUrl) args.push('--baseContentUrl', baseContentUrl);
  if (baseImagesUrl) args.push('--baseImagesUrl', baseImagesUrl);
  const repository = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).repository;
  if (!repository && !baseContentUrl && !baseImagesUrl) {
    // With no repository and no base address vsce cannot turn the README's relative links and
    // pictures into web addresses, and refuses to package. They stay relative: right on the
    // repository's own page, but the store pages and VS Code's extension page show https pictures only.
    log('WARNING: package.json has no "repository" and no --baseContentUrl/--baseImagesUrl was given: the README keeps relative links, so its pictures will not show on the store pages or in VS Code\'s extension page');
    args.push('--no-rewrite-relative-links');
  } else if (!repository && !baseContentUrl) {
    // vsce rewrites only the pictures then; a relative link to another file stays relative.
    log('WARNING: --baseImagesUrl without --baseContentUrl: the README\'s links to other files (docs/, BENCHMARKS.md) stay relative and will not open from the store pages');
  }
  log(`vsce package → ${out} (runs vscode:prepublish, the production build)`);
  const result = spawnSync(process.execPath, args,
    { cwd: root, encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
    throw new Error(`vsce package failed (${why}):\n${result.stdout}\n${result.stderr}`);
  }
  // vsce warns on stderr (a missing repository field); pass that on, it matters before publishing.
  for (const line of result.stderr.split('\n').filter((l) => /WARNING|warn/i.test(l))) log(line.trim());
  return { path: out, bytes: statSync(out).size };
}

/**
 * What a newcomer does: clone the committed project, `npm ci`, `npm run package`. Resolves the
 * .vsix built in that clone (uncommitted work is, rightly, not in it) and the commit it was built from.
 * @param {string} root the project folder (a git work tree) @param {string} dir where to clone
 * @param {{ log?: (message: string) => void }} [options]
 */
export function packageFreshClone(root, dir, { log = console.log } = {}) {
  rmSync(dir, { recursive: true, force: true });
  const step = (what, cmd, args, cwd, timeout) => {
    log(what);
    const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status !== 0) {
      throw new Error(`${what} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
    }
    return result.stdout.trim();
  };
  step(`git clone ${root} ${dir}`, 'git', ['clone', '--quiet', root, dir], root, 120_000);
  const commit = step('git rev-parse HEAD', 'git', ['rev-parse', 'HEAD'], dir, 10_000);
  step(`npm ci in the clone of ${commit.slice(0, 7)} (also builds: the prepare script)`, 'npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], dir, 600_000);
  step('npm run package in the clone', 'npm', ['run', 'package'], dir, 300_000);
  const out = vsixPath(dir);
  return { path: out, bytes: statSync(out).size, commit };
}
