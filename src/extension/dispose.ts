import type * as vscode from 'vscode';

/**
 * A base for anything that owns listeners, timers or panels: what a subclass registers is disposed
 * with it, in reverse order, once. Something registered after disposal is disposed at once, so a late
 * registration (an awaited panel, a listener added in a callback) cannot leak.
 */
export abstract class Disposable implements vscode.Disposable {
  #disposed = false;
  readonly #owned: vscode.Disposable[] = [];

  protected get isDisposed(): boolean {
    return this.#disposed;
  }

  /** Takes ownership of `value`; returns it, for `private readonly x = this.register(…)`. */
  protected register<T extends vscode.Disposable>(value: T): T {
    if (this.#disposed) value.dispose();
    else this.#owned.push(value);
    return value;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    disposeAll(this.#owned);
  }
}

/** Disposes every item, last registered first, and empties the list; one failure stops none of the rest. */
export function disposeAll(items: vscode.Disposable[]): void {
  const errors: unknown[] = [];
  while (items.length > 0) {
    try {
      items.pop()!.dispose();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'several disposables failed');
}

/** A disposable that runs `fn` (a cleared timer, a flag reset) when disposed. */
export function toDisposable(fn: () => void): vscode.Disposable {
  return { dispose: fn };
}
