import * as vscode from 'vscode';
import { COMMANDS } from '../command-ids';
import type { Command } from './command';

/**
 * The walkthrough's first step: a new untitled Python file with one literal of each kind, the
 * cursor inside the first. Untitled, so it works with no folder open and in the web extension.
 */
export const SAMPLE = `# Entropy Lens sample
# Put the cursor in a literal (or select it) and run "Entropy Lens: Evaluate Selection",
# rest the pointer on it, or open the visualizer.
import numpy as np

# One distribution: its entropy H(P)
p = np.array([0.1, 0.2, 0.7])

# Two distributions: both Kullback–Leibler directions, which differ
pair = {"p": [0.4, 0.6], "q": [0.5, 0.5]}

# Logits, read through a softmax
logits = [2.0, -1.0, 0.5]

# Targets with predictions: the loss they imply (binary cross-entropy here)
bce = {"y": [1, 0, 1, 1], "y_pred": [0.9, 0.2, 0.7, 0.6]}

# Class labels with logits: categorical cross-entropy
cce = {"labels": [2, 0], "logits": [[0.1, 0.2, 3.0], [2.0, -1.0, 0.5]]}
`;

export class OpenSample implements Command {
  readonly id = COMMANDS.openSample;

  async execute(): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: SAMPLE });
    const editor = await vscode.window.showTextDocument(document);
    const first = document.positionAt(SAMPLE.indexOf('[0.1') + 1);
    editor.selection = new vscode.Selection(first, first);
    editor.revealRange(new vscode.Range(first, first));
    return editor;
  }
}
