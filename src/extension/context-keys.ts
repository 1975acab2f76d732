import * as vscode from 'vscode';
import { containsLiteral, LITERAL_SCAN_LIMIT } from '../core/literal-sniff';
import { Disposable, toDisposable } from './dispose';

/**
 * The context keys package.json's menus read: whether the selection looks like data (the editor's
 * "Entropy Lens" context submenu) and whether the active file holds a literal at all (the editor
 * title's visualizer button). See docs/decisions.md ("Menus only where there are numbers").
 */
export const CONTEXT_KEYS = {
  selectionLooksLikeData: 'entropyLens.selectionLooksLikeData',
  editorHasLiteral: 'entropyLens.editorHasLiteral',
} as const;

type ContextKey = (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS];

/**
 * The values last set, for the host suites (the workbench offers no way to read a context key back).
 * One map per bundle: the activation bundle sets the editor's key, the features bundle the selection's.
 */
const current = new Map<ContextKey, boolean>();

export function contextKeyValue(key: string): boolean | undefined {
  return current.get(key as ContextKey);
}

/** Sets a key when its value changes: each setContext is a message to the workbench. */
export function setContextKey(key: ContextKey, value: boolean): void {
  if (current.get(key) === value) return;
  current.set(key, value);
  void vscode.commands.executeCommand('setContext', key, value);
}

/** After a document stops changing for this long, its literal scan runs again. */
const RESCAN_MS = 500;

/**
 * Keeps `entropyLens.editorHasLiteral` true while the active text editor's file holds a literal of
 * numbers in its first {@link LITERAL_SCAN_LIMIT} characters. Registered at activation, and needs
 * nothing of the core but a regular expression, so it costs start-up nothing worth measuring.
 */
export function registerEditorLiteralKey(): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const scan = (editor: vscode.TextEditor | undefined) => {
    const document = editor?.document;
    const head = document ? document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(LITERAL_SCAN_LIMIT))) : '';
    setContextKey(CONTEXT_KEYS.editorHasLiteral, containsLiteral(head));
  };
  scan(vscode.window.activeTextEditor);
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      clearTimeout(timer);
      scan(editor);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      const editor = vscode.window.activeTextEditor;
      if (event.document !== editor?.document) return;
      clearTimeout(timer);
      timer = setTimeout(() => scan(vscode.window.activeTextEditor), RESCAN_MS);
    }),
    toDisposable(() => clearTimeout(timer)),
  );
}

/** Characters of a long selection that are checked: its start, cut back to a comma. */
const SELECTION_SCAN_LIMIT = 65_536;

/**
 * Keeps `entropyLens.selectionLooksLikeData` true while every non-empty selection of the active
 * editor looks like numbers in brackets (locate.ts's looksNumeric): the context submenu's items
 * then apply. Plain code, a word, an empty selection: false. Updated when the selection settles.
 */
export class SelectionDataKey extends Disposable {
  constructor(
    onDidSettle: vscode.Event<vscode.TextEditor | undefined>,
    private readonly looksNumeric: (text: string) => boolean,
  ) {
    super();
    this.register(onDidSettle((editor) => this.update(editor)));
    this.update(vscode.window.activeTextEditor);
  }

  update(editor: vscode.TextEditor | undefined): void {
    const selections = editor?.selections.filter((selection) => !selection.isEmpty) ?? [];
    const value = selections.length > 0 && selections.every((selection) => this.looksNumeric(selectionHead(editor!.document, selection)));
    setContextKey(CONTEXT_KEYS.selectionLooksLikeData, value);
  }
}

/** The selection's text, or for a long one its first characters up to the last comma among them. */
function selectionHead(document: vscode.TextDocument, selection: vscode.Selection): string {
  const start = document.offsetAt(selection.start);
  const end = document.offsetAt(selection.end);
  if (end - start <= SELECTION_SCAN_LIMIT) return document.getText(selection);
  const head = document.getText(new vscode.Range(selection.start, document.positionAt(start + SELECTION_SCAN_LIMIT)));
  const comma = head.lastIndexOf(',');
  return comma > 0 ? head.slice(0, comma) : head;
}
