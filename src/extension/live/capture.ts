import type * as vscode from 'vscode';
import { l10n } from '../l10n';
import { converterFor, type Converter } from './converter';
import { LiveCancelled, LiveValueError } from './errors';
import { checkExpression } from './expression';
import type { PausedFrame } from './paused-frame';
import { readReply, type Reply } from './reply';

/** A value read from the debuggee: its JSON text, and how many numbers it holds. */
export interface CapturedValue {
  readonly expression: string;
  readonly text: string;
  readonly count: number;
}

export interface CaptureOptions {
  /** The size bound (entropyLens.live.maxElements). */
  readonly maxElements: number;
  readonly token?: vscode.CancellationToken;
  /** Characters fetched so far, of the total. */
  readonly progress?: (done: number, total: number) => void;
}

/**
 * Characters asked for in one reply. debugpy and js-debug return a value whole in the `clipboard`
 * context (a few megabytes take about 0.1 s); an adapter that shortens it is asked for smaller
 * pieces, down to MIN_PIECE, since a shortened piece has lost characters from its middle.
 */
const FIRST_PIECE = 4_000_000;
const MIN_PIECE = 1_000;

/**
 * Reads `expression` in the paused frame: one evaluate runs the language's conversion (the only code
 * sent), and a text longer than one reply is fetched in pieces. Throws LiveValueError with what to
 * tell the user, LiveCancelled when cancelled.
 */
export async function captureValue(frame: PausedFrame, selected: string, options: CaptureOptions): Promise<CapturedValue> {
  const expression = checkExpression(selected, frame.language);
  const converter = converterFor(frame.language);
  const evaluator = new Evaluator(frame, expression);
  let first = FIRST_PIECE;
  let reply = await evaluator.run(converter.capture(expression, options.maxElements, first));
  if (reply.kind === 'ok' && reply.token === 0 && reply.head.length !== reply.length) {
    // Shortened by the adapter and not kept in the debuggee: read it again, keeping all of it there.
    first = 0;
    reply = await evaluator.run(converter.capture(expression, options.maxElements, first));
  }
  const ok = accepted(reply, expression, options.maxElements);
  if (options.token?.isCancellationRequested) {
    if (ok.token > 0) void evaluator.run(converter.release(ok.token)).catch(() => undefined);
    throw new LiveCancelled();
  }
  const head = ok.head.length === Math.min(first, ok.length) ? ok.head : '';
  const text = ok.token === 0 ? head : await fetchRest(evaluator, converter, ok, head, options);
  return { expression, text, count: ok.count };
}

/** The capture's answer, or the LiveValueError it means. */
function accepted(reply: Reply, expression: string, limit: number): Extract<Reply, { kind: 'ok' }> {
  switch (reply.kind) {
    case 'ok':
      return reply;
    case 'raised':
      // The debuggee's own words (its exception, the helper's reason) are passed on as they are.
      return fail(l10n.t('{0} raised {1}', expression, reply.message));
    case 'refused':
      return fail(l10n.t('{0} is not numbers: {1}.', expression, reply.message));
    case 'large': {
      const bound = limit.toLocaleString('en-US');
      const slice = `${expression}[:1000]`;
      return fail(
        reply.count > limit + 1
          ? l10n.t('{0} has {1} numbers, over the entropyLens.live.maxElements bound of {2}: read a part of it (a slice such as {3}), or raise the setting.', expression, reply.count.toLocaleString('en-US'), bound, slice)
          : l10n.t('{0} has more than {1} numbers, over the entropyLens.live.maxElements bound of {1}: read a part of it (a slice such as {2}), or raise the setting.', expression, bound, slice),
      );
    }
    default:
      return fail(answered(expression, reply));
  }
}

/** The pieces after `head`, shrinking the piece size when the adapter shortens a reply. */
async function fetchRest(evaluator: Evaluator, converter: Converter, ok: Extract<Reply, { kind: 'ok' }>, head: string, options: CaptureOptions): Promise<string> {
  const parts = [head];
  let done = head.length;
  let size = Math.max(head.length, MIN_PIECE * 64);
  try {
    while (done < ok.length) {
      if (options.token?.isCancellationRequested) throw new LiveCancelled();
      options.progress?.(done, ok.length);
      const end = Math.min(ok.length, done + size);
      const reply = await evaluator.run(converter.piece(ok.token, done, end));
      if (reply.kind === 'gone') fail(l10n.t('{0} could not be read: the debuggee no longer holds its text (another read replaced it).', evaluator.expression));
      if (reply.kind !== 'piece') fail(answered(evaluator.expression, reply));
      if (reply.text.length === end - done) {
        parts.push(reply.text);
        done = end;
        continue;
      }
      // Shortened: the debuggee kept the text only if this was not its last piece, so ask again smaller.
      if (end === ok.length || size <= MIN_PIECE) fail(l10n.t('{0} could not be read: the debugger shortens long values (to {1} characters).', evaluator.expression, reply.text.length.toLocaleString('en-US')));
      size = Math.max(MIN_PIECE, Math.min(size >> 2, reply.text.length >> 1));
    }
  } catch (error) {
    if (done < ok.length) void evaluator.run(converter.release(ok.token)).catch(() => undefined);
    throw error;
  }
  options.progress?.(ok.length, ok.length);
  return parts.join('');
}

/**
 * DAP `evaluate` in the frame. The `clipboard` context asks for the whole value (debugpy and js-debug
 * shorten strings in the others, and debugpy's `repl` context would also run statements); an adapter
 * that refuses it is asked once more in `watch`.
 */
class Evaluator {
  #context: 'clipboard' | 'watch' = 'clipboard';

  constructor(
    private readonly frame: PausedFrame,
    readonly expression: string,
  ) {}

  async run(code: string): Promise<Reply> {
    try {
      return readReply(await this.#evaluate(code));
    } catch (error) {
      if (this.#context !== 'clipboard') throw this.#failure(error);
      this.#context = 'watch';
      try {
        return readReply(await this.#evaluate(code));
      } catch (again) {
        throw this.#failure(again);
      }
    }
  }

  async #evaluate(code: string): Promise<string> {
    const { session, frameId } = this.frame;
    const reply = (await session.customRequest('evaluate', { expression: code, frameId, context: this.#context })) as { result?: unknown };
    if (typeof reply?.result !== 'string') throw new Error(l10n.t('the debugger answered without a value'));
    return reply.result;
  }

  #failure(error: unknown): LiveValueError {
    const message = error instanceof Error ? error.message : String(error);
    const session = this.frame.session;
    if (/not supported|unrecogni[sz]ed|unknown request|not implemented|unsupported/i.test(message)) {
      return new LiveValueError(l10n.t('the {0} debugger of "{1}" does not evaluate expressions, so live values cannot be read from it.', session.type, session.name));
    }
    // Adapters answer with a traceback or a sentence: its last line says what happened.
    const last = message.trim().split('\n').filter((line) => line.trim() !== '').pop() ?? message;
    return new LiveValueError(l10n.t('{0} could not be read: {1}', this.expression, last.trim()));
  }
}

function fail(message: string): never {
  throw new LiveValueError(message);
}

/** An answer that is not the helper's: what the debugger said instead, shortened. */
function answered(expression: string, reply: Reply): string {
  return l10n.t('{0} could not be read: the debugger answered {1}.', expression, excerpt(reply.kind === 'foreign' ? reply.text : reply.kind));
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}…` : flat;
}
