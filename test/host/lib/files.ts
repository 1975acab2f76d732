// Test documents as files of their own in a temp folder, not untitled documents: untitled names are
// reused, and the workbench sometimes handed a new "Untitled-1" the text of the previous test's,
// still being reverted and closed.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';

const EXTENSIONS: Record<string, string> = { python: '.py', json: '.json', markdown: '.md', plaintext: '.txt', javascript: '.js', typescript: '.ts' };

/** A suite's folder of test files: `open` writes the next one and shows it. */
export class TestFiles {
  #folder: string | undefined;
  #opened = 0;

  constructor(private readonly prefix: string) {}

  /** Writes `content` to a new file (named by `language`'s extension, else `extension`) and makes it the active editor. */
  async open(content: string, language?: string, extension = '.txt', column?: vscode.ViewColumn): Promise<vscode.TextEditor> {
    this.#folder ??= mkdtempSync(join(tmpdir(), `entropy-lens-${this.prefix}-`));
    const file = join(this.#folder, `test-${++this.#opened}${(language && EXTENSIONS[language]) ?? extension}`);
    writeFileSync(file, content);
    let document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    if (language && document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
    const editor = await showActive(document, column);
    assert.equal(editor.document.getText(), content, 'the test document does not hold its text');
    return editor;
  }
}

/**
 * Shows `document` and waits until it is the active editor: the commands act on the active editor,
 * and on a busy machine the previous test's editors may still be closing.
 */
export async function showActive(document: vscode.TextDocument, column?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const show = () => vscode.window.showTextDocument(document, column);
  await show();
  for (let i = 0; i < 50 && vscode.window.activeTextEditor?.document !== document; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (i % 10 === 9) await show();
  }
  assert.equal(vscode.window.activeTextEditor?.document, document, 'the test document did not become the active editor');
  return vscode.window.activeTextEditor;
}
