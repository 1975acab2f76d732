import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The manifest's parts these checks read; they run on the file itself, as vsce packages it. */
interface Step { id: string; title: string; description: string; media: { svg?: string; image?: string; markdown?: string }; completionEvents?: string[] }
interface Manifest {
  icon?: string;
  galleryBanner?: { color?: string; theme?: string };
  contributes: {
    commands: { command: string; title: string; icon?: string }[];
    keybindings?: { command: string; key: string; mac?: string; when?: string }[];
    configuration: { properties: Record<string, { order?: number; markdownDescription?: string; description?: string }> };
    walkthroughs?: { id: string; title: string; steps: Step[] }[];
  };
}

const root = path.resolve(__dirname, '../../..');
const manifestText = readFileSync(path.join(root, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;
const strings = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const commands = new Set(manifest.contributes.commands.map((c) => c.command));

/** A manifest string as VS Code shows it: a %key% is looked up in package.nls.json. */
function text(value: string): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  return key === undefined ? value : (strings[key] ?? assert.fail(`${value} is not in package.nls.json`));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('manifest (store page, walkthrough, keybindings, settings, strings)', () => {
  it('every %key% in package.json is in package.nls.json, and every key there is used', () => {
    const used = new Set([...manifestText.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]));
    const missing = [...used].filter((key) => !(key in strings));
    const unused = Object.keys(strings).filter((key) => !used.has(key));
    assert.deepEqual(missing, [], 'used in package.json, missing from package.nls.json');
    assert.deepEqual(unused, [], 'in package.nls.json, used nowhere');
    for (const [key, value] of Object.entries(strings)) assert.ok(value.trim().length > 0, `${key} is empty`);
  });

  it('what a user reads in the manifest is a %key%, so it can be translated', () => {
    const isKey = (value: unknown) => typeof value === 'string' && /^%[^%]+%$/.test(value);
    const raw = JSON.parse(manifestText) as Record<string, unknown> & { contributes: Record<string, unknown[] | Record<string, unknown>> };
    const shown: [string, unknown][] = [['displayName', raw.displayName], ['description', raw.description]];
    const c = raw.contributes as unknown as {
      commands: { command: string; title: string; category?: string }[];
      submenus?: { id: string; label: string }[];
      configuration: { title: string; properties: Record<string, { markdownDescription?: string; description?: string; enumDescriptions?: string[] }> };
      walkthroughs?: { title: string; description: string; steps: { id: string; title: string; description: string; media: { altText?: string } }[] }[];
      languageModelTools?: { name: string; displayName: string; userDescription: string }[];
    };
    for (const command of c.commands) shown.push([`${command.command} title`, command.title], [`${command.command} category`, command.category]);
    for (const submenu of c.submenus ?? []) shown.push([`submenu ${submenu.id}`, submenu.label]);
    shown.push(['configuration title', c.configuration.title]);
    for (const [name, property] of Object.entries(c.configuration.properties)) {
      shown.push([`${name} description`, property.markdownDescription ?? property.description]);
      for (const [i, value] of (property.enumDescriptions ?? []).entries()) shown.push([`${name} enumDescriptions[${i}]`, value]);
    }
    for (const walkthrough of c.walkthroughs ?? []) {
      shown.push(['walkthrough title', walkthrough.title], ['walkthrough description', walkthrough.description]);
      for (const step of walkthrough.steps) shown.push([`step ${step.id} title`, step.title], [`step ${step.id} description`, step.description], [`step ${step.id} altText`, step.media.altText]);
    }
    for (const tool of c.languageModelTools ?? []) shown.push([`${tool.name} displayName`, tool.displayName], [`${tool.name} userDescription`, tool.userDescription]);
    const literal = shown.filter(([, value]) => value !== undefined && !isKey(value)).map(([where, value]) => `${where}: ${JSON.stringify(value)}`);
    assert.deepEqual(literal, [], 'manifest strings a user reads, written in place instead of in package.nls.json');
  });

  it('has a PNG icon of at least 128 × 128 and a gallery banner', () => {
    assert.ok(manifest.icon, 'no icon');
    const { width, height } = pngSize(path.join(root, manifest.icon));
    assert.ok(width >= 128 && height >= 128 && width === height, `icon is ${width} × ${height}`);
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(manifest.galleryBanner?.theme === 'dark' || manifest.galleryBanner?.theme === 'light');
  });

  it('walkthrough: every step has a picture that exists and a completion event naming something real', () => {
    const [walkthrough] = manifest.contributes.walkthroughs ?? [];
    assert.ok(walkthrough, 'no walkthrough');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['openSample', 'evaluateSelection', 'hover', 'openVisualizer', 'previewLoss', 'changeUnit']);
    const settings = new Set(Object.keys(manifest.contributes.configuration.properties));
    for (const step of walkthrough.steps) {
      const media = step.media.svg ?? step.media.image ?? step.media.markdown;
      assert.ok(media && existsSync(path.join(root, media)), `step ${step.id}: picture ${media} missing`);
      assert.ok((step.completionEvents ?? []).length > 0, `step ${step.id} has no completion event`);
      for (const event of step.completionEvents ?? []) {
        const [kind, name] = event.split(':') as [string, string];
        if (kind === 'onCommand' && name.startsWith('entropyLens.')) assert.ok(commands.has(name), `step ${step.id}: ${event} is not a contributed command`);
        else if (kind === 'onSettingChanged') assert.ok(settings.has(name), `step ${step.id}: ${event} is not a contributed setting`);
        else assert.equal(event, 'onCommand:editor.action.showHover', `step ${step.id}: unexpected completion event ${event}`);
      }
      // The button a step offers runs one of ours (or a built-in the test names).
      for (const [, id] of text(step.description).matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(commands.has(id) || ['editor.action.showHover', 'workbench.action.openSettings'].includes(id), `step ${step.id}: button runs unknown ${id}`);
      }
      // Walkthrough text renders bold and links only: a backtick would show as a backtick.
      assert.doesNotMatch(text(step.description), /`/, `step ${step.id}`);
    }
  });

  it('keybindings: Evaluate Selection and Open Visualizer, on keys VS Code leaves free, each with a macOS twin', () => {
    const bindings = manifest.contributes.keybindings ?? [];
    assert.deepEqual(bindings.map((b) => [b.command, b.key, b.mac]), [
      ['entropyLens.evaluateSelection', 'ctrl+alt+e', 'cmd+alt+e'],
      ['entropyLens.openVisualizer', 'ctrl+k ctrl+v', 'cmd+k cmd+v'],
    ]);
    for (const binding of bindings) assert.equal(binding.when, 'editorTextFocus');
  });

  it('settings: each has a Markdown description and its own place in the order', () => {
    const properties = Object.entries(manifest.contributes.configuration.properties);
    for (const [key, property] of properties) {
      assert.ok(property.markdownDescription, `${key} has no markdownDescription`);
      assert.equal(property.description, undefined, `${key}: description beside markdownDescription`);
    }
    const orders = properties.map(([, p]) => p.order);
    assert.deepEqual(orders, properties.map((_, i) => i + 1), 'order follows the manifest, 1, 2, 3, …');
  });
});
