/**
 * A small least-recently-used map. An evaluation of a million numbers holds megabytes, so the service
 * keeps only the last few: enough for one change seen by the status bar, the visualizer and a command,
 * and for the P/Q pair beside its two halves.
 */
export class RecentlyUsed<V> {
  readonly #entries = new Map<string, { readonly value: V; readonly tags: readonly string[] }>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Re-inserted, so the map's order is the order of use.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value`; `tags` name what it depends on (document uris), for {@link forget}. */
  set(key: string, value: V, tags: readonly string[]): V {
    this.#entries.delete(key);
    this.#entries.set(key, { value, tags });
    while (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }

  /** Drops every entry tagged `tag`. */
  forget(tag: string): void {
    for (const [key, entry] of this.#entries) if (entry.tags.includes(tag)) this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
