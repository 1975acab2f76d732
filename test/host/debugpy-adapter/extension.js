// Test fixture, not part of Entropy Lens: the real debugpy adapter (Debian's python3-debugpy), started
// as `python3 -m debugpy.adapter` (DAP over stdio), under the debug type the Python Debugger
// extension uses. The interpreter is the first of ENTROPY_LENS_PYTHON, /usr/bin/python3, python3
// that imports debugpy; a launch configuration's `python` chooses the debuggee's.
const { spawnSync } = require('node:child_process');
const vscode = require('vscode');

function pythonWithDebugpy() {
  const candidates = [process.env.ENTROPY_LENS_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import debugpy'], { encoding: 'utf8', timeout: 30_000 });
    if (probe.status === 0) return python;
  }
  throw new Error(`no Python with debugpy among ${candidates.join(', ')}: run \`npm run provision\` (installs python3-debugpy)`);
}

exports.activate = (context) => {
  let python;
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory('debugpy', {
      createDebugAdapterDescriptor: () => new vscode.DebugAdapterExecutable((python ??= pythonWithDebugpy()), ['-m', 'debugpy.adapter']),
    }),
  );
};

exports.deactivate = () => {};
