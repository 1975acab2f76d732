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
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const commands = new Set(manifest.contributes.commands.map((c) => c.command));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('manifest (store page, walkthrough, keybindings, settings)', () => {
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
      for (const [, id] of step.description.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(commands.has(id) || ['editor.action.showHover', 'workbench.action.openSettings'].includes(id), `step ${step.id}: button runs unknown ${id}`);
      }
      // Walkthrough text renders bold and links only: a backtick would show as a backtick.
      assert.doesNotMatch(step.description, /`/, `step ${step.id}`);
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
