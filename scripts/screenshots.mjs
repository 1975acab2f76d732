#!/usr/bin/env node
// `npm run screenshots`: regenerates the store page's pictures in media/screenshots/ from the real
// workbench. It runs the scenarios store-light and store-dark (test/scenarios/lib/store-pictures.mjs:
// the packaged .vsix in code-server, each picture checked before it is taken), then copies their
// pictures here, with live-evaluate-selection's and notebook-output's (the README's "While
// debugging" and "In a notebook"), and shrinks them: pngquant (lossy, 256 colours at most) and
// optipng (lossless), each when installed (`apt-get install pngquant optipng`).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/pins.mjs';
import { SCREENSHOTS } from './lib/workbench.mjs';

const OUT = join(ROOT, 'media', 'screenshots');
const PICTURES = ['hover', 'visualizer', 'loss'];
const THEMES = ['light', 'dark'];
/** Pictures of other scenarios, as the README names them: [scenario, its picture's name, file here]. */
const OTHERS = [
  ['live-evaluate-selection', 'while-debugging', 'while-debugging.png'],
  ['notebook-output', 'notebook-output', 'notebook-output.png'],
];

/** Runs a tool if it is installed; false when it is not. @param {string} tool @param {string[]} args */
function tryTool(tool, args) {
  const result = spawnSync(tool, args, { encoding: 'utf8', timeout: 120_000 });
  if (result.error?.code === 'ENOENT') return false;
  // pngquant exits 98/99 when it cannot meet the quality asked for: the file is left as it was.
  if (result.status !== 0 && !(tool === 'pngquant' && [98, 99].includes(result.status))) {
    throw new Error(`${tool} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  }
  return true;
}

const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'run-scenarios.mjs'), ...THEMES.map((t) => `store-${t}`), ...OTHERS.map(([scenario]) => scenario)], { cwd: ROOT, stdio: 'inherit' });
if (run.status !== 0) {
  console.error('[screenshots] the scenarios failed: media/screenshots/ is left as it was');
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const missingTools = new Set();
/** [taken by the scenario, file here] */
const copies = [
  ...THEMES.flatMap((theme) => PICTURES.map((picture) => [`store-${theme}-${picture}-${theme}.png`, `${picture}-${theme}.png`])),
  ...OTHERS.map(([scenario, shot, file]) => [`${scenario}-${shot}.png`, file]),
];
for (const [taken, file] of copies) {
  const from = join(SCREENSHOTS, taken);
  if (!existsSync(from)) throw new Error(`the scenario did not leave ${from}`);
  const to = join(OUT, file);
  copyFileSync(from, to);
  const before = statSync(to).size;
  if (!tryTool('pngquant', ['--force', '--skip-if-larger', '--strip', '--speed', '1', '--quality', '75-95', '--output', to, to])) missingTools.add('pngquant');
  if (!tryTool('optipng', ['-quiet', '-o3', '-strip', 'all', to])) missingTools.add('optipng');
  console.log(`[screenshots] ${to}: ${(before / 1024).toFixed(0)} KB → ${(statSync(to).size / 1024).toFixed(0)} KB`);
}
// With ImageMagick's `convert`, the dark scenario's frames (select, hover, visualizer) become a GIF.
const frames = [1, 2, 3].map((i) => join(SCREENSHOTS, `store-dark-frame-${i}.png`));
if (frames.every((frame) => existsSync(frame))) {
  const gif = join(OUT, 'select-hover-visualizer.gif');
  // 1.6 s a frame, the last held longer; 1000 px wide, 64 colours and no dithering keep it small.
  const args = ['-delay', '160', frames[0], frames[1], '-delay', '300', frames[2], '-loop', '0', '-resize', '1000x', '-dither', 'None', '-colors', '64', '-layers', 'Optimize', gif];
  if (tryTool('convert', args)) console.log(`[screenshots] ${gif}: ${(statSync(gif).size / 1024).toFixed(0)} KB`);
  else missingTools.add('convert (ImageMagick), for the animation');
}
if (missingTools.size > 0) console.log(`[screenshots] not installed, pictures left larger: ${[...missingTools].join(', ')}`);
