import * as vscode from 'vscode';
import type { SourceRange } from '../../core/errors';
import type { CapturedValue } from '../live/capture';
import { placeOf, type PausedFrame } from '../live/paused-frame';
import { SourceUnavailable, type SourceContract } from './source-contract';

/**
 * A debug source as remembered: the value read then. A paused frame's values change at the next step,
 * so the source is not read again on use (Follow reads a new one at each stop, see live/follow.ts).
 */
export interface DebugRef {
  readonly kind: 'debug';
  readonly source: DebugSource;
}

/** Two expressions read together: P and Q, or targets and predictions. */
export interface LiveParts {
  readonly kind: 'pair' | 'loss';
  readonly expressions: readonly [string, string];
}

let captures = 0;

/**
 * The value of an expression in a paused stack frame, read once when the source is made
 * (live/capture.ts): its text is the JSON the conversion built in the debuggee. Named for people as
 * `probs @ train.py:42`; Reveal shows the frame's line.
 */
export class DebugSource implements SourceContract {
  readonly kind = 'debug';
  readonly key: string;
  readonly expression: string;
  /** How many numbers the value holds. */
  readonly count: number;
  readonly #text: string;

  /**
   * `parts`: two expressions read as one literal, `{"p": …, "q": …}` for a pair or `{"y": …,
   * "y_pred": …}` for a loss (see combined()), so the panel shows and Follow reads them together.
   */
  constructor(
    readonly frame: PausedFrame,
    captured: CapturedValue,
    readonly parts?: LiveParts,
  ) {
    this.expression = captured.expression;
    this.count = captured.count;
    this.#text = captured.text;
    // Each read is its own source: the same expression in the same frame may differ after a step.
    this.key = `debug ${frame.session.id} #${++captures} ${captured.expression}`;
  }

  /** Settings follow the frame's file, as they would the file's literals. */
  get scope(): vscode.Uri | undefined {
    return this.frame.location?.uri;
  }

  get name(): string {
    return this.describe();
  }

  /** "train.py:42": where the frame is paused. */
  get place(): string {
    return placeOf(this.frame);
  }

  get ref(): DebugRef {
    return { kind: 'debug', source: this };
  }

  text(): string {
    return this.#text;
  }

  describe(): string {
    return `${this.expression} @ ${this.place}`;
  }

  /** In the generated JSON text: of no use to a person, so messages name the value instead. */
  locate(offset: number): { readonly line: number; readonly column: number } {
    return { line: 1, column: offset + 1 };
  }

  /** Shows the frame's line in its file: where the value lives. */
  async reveal(_span?: SourceRange): Promise<void> {
    const location = this.frame.location;
    if (!location?.uri) throw new SourceUnavailable(vscode.l10n.t('{0} is in a source that is not a file, so it cannot be shown.', this.describe()));
    const line = Math.max(0, location.line - 1);
    const position = new vscode.Position(line, 0);
    try {
      const document = await vscode.workspace.openTextDocument(location.uri);
      const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === location.uri!.toString());
      await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(position, position), preserveFocus: false });
    } catch (error) {
      throw new SourceUnavailable(vscode.l10n.t('{0} can no longer be opened.', location.fileName), { cause: error });
    }
  }
}

/** Two values of one frame as one literal the core reads as a pair (`p`, `q`) or a loss (`y`, `y_pred`). */
export function combined(kind: LiveParts['kind'], first: DebugSource, second: DebugSource): DebugSource {
  const [a, b] = kind === 'pair' ? ['p', 'q'] : ['y', 'y_pred'];
  return new DebugSource(
    first.frame,
    { expression: `${first.expression}, ${second.expression}`, text: `{"${a}":${first.text()},"${b}":${second.text()}}`, count: first.count + second.count },
    { kind, expressions: [first.expression, second.expression] },
  );
}
