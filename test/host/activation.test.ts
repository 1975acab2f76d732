// The extension loads in a real extension host, and its manifest and runtime agree:
// every contributed command is registered and every setting has a readable default.
// The lists come from the manifest, so this suite grows with package.json.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'entropy-lens.entropy-lens';

interface ContributedCommand { command: string; title: string }
interface ConfigurationProperty { default?: unknown }
interface ConfigurationBlock { properties?: Record<string, ConfigurationProperty> }
/** The parts of package.json this suite reads. */
interface Manifest {
  name: string;
  contributes?: { commands?: ContributedCommand[]; configuration?: ConfigurationBlock | ConfigurationBlock[] };
}

/** `contributes.configuration` may be one block or an array of blocks. */
function configurationProperties(packageJSON: Manifest): [string, ConfigurationProperty][] {
  const configuration = packageJSON.contributes?.configuration;
  const blocks: ConfigurationBlock[] = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
  return blocks.flatMap((block) => Object.entries(block.properties ?? {}));
}

describe('activation', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not installed in this host`);
    extension = found;
    // Commands of an implicitly activated extension are listed only once it is active.
    await extension.activate();
  });

  it('is present and active', () => {
    assert.equal(extension.isActive, true);
    assert.equal((extension.packageJSON as Manifest).name, 'entropy-lens');
  });

  it('registers every command in contributes.commands', async () => {
    const contributed = (extension.packageJSON as Manifest).contributes?.commands ?? [];
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered after activation: ${missing.join(', ')}`);
  });

  it('reads the default of every contributes.configuration property', () => {
    const configuration = vscode.workspace.getConfiguration();
    for (const [key, property] of configurationProperties(extension.packageJSON as Manifest)) {
      const inspected = configuration.inspect(key);
      assert.ok(inspected, `setting ${key} is unknown to the workbench`);
      if ('default' in property) {
        assert.deepEqual(inspected.defaultValue, property.default, `default of ${key}`);
      }
    }
  });
});
