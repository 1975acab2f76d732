import * as vscode from 'vscode';
import { openDocumentRef, type DocumentSource } from './document-source';
import { SourceUnavailable } from './source';

/**
 * What a hover's command links pass to Open Visualizer and Copy: the literal's document and range,
 * `[startLine, startCharacter, endLine, endCharacter]`, zero-based. Made here and read here only.
 */
export interface LiteralArgument {
  readonly uri: string;
  readonly range: readonly [number, number, number, number];
}

export function literalArgument(document: vscode.TextDocument, range: vscode.Range): LiteralArgument {
  return { uri: document.uri.toString(), range: [range.start.line, range.start.character, range.end.line, range.end.character] };
}

/**
 * A command's argument read as a literal argument. 'absent' when it is not one at all: a command run
 * from the palette gets nothing, from an editor menu the document's uri — the selection is meant.
 * One that claims to be (a `uri` and a `range`) is checked strictly: a uri with a scheme, four
 * non-negative integers, a document that opens; the range is then validated against the document.
 */
export async function readLiteralArgument(
  arg: unknown,
): Promise<{ readonly kind: 'absent' } | { readonly kind: 'source'; readonly source: DocumentSource } | { readonly kind: 'invalid'; readonly message: string }> {
  if (typeof arg !== 'object' || arg === null || !('uri' in arg) || !('range' in arg)) return { kind: 'absent' };
  const { uri, range } = arg;
  if (typeof uri !== 'string' || !isRange(range)) return { kind: 'invalid', message: 'the link names no literal (a malformed argument).' };
  let parsed: vscode.Uri;
  try {
    parsed = vscode.Uri.parse(uri, true);
  } catch {
    return { kind: 'invalid', message: 'the link names no literal (a malformed uri).' };
  }
  try {
    const source = await openDocumentRef({ kind: 'document', uri: parsed, range: new vscode.Range(range[0], range[1], range[2], range[3]) });
    return { kind: 'source', source };
  } catch (error) {
    if (error instanceof SourceUnavailable) return { kind: 'invalid', message: error.message };
    throw error;
  }
}

function isRange(value: unknown): value is LiteralArgument['range'] {
  return Array.isArray(value) && value.length === 4 && value.every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
}
