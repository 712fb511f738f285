/** Options of {@link LookupCache}. */
export interface LookupCacheOptions {
  /** Entries kept at most; the oldest is dropped first. */
  readonly maxEntries: number;
  /** Milliseconds since the epoch; injected so tests can move time. */
  readonly now: () => number;
}

/**
 * A bounded map whose entries expire, each after its own lifetime (found endpoints live longer than negative
 * answers). Hand-written because the lifetimes must follow the injected clock, which lru-cache's timers do not.
 */
export class LookupCache<V> {
  readonly #entries = new Map<string, { readonly value: V; readonly expires: number }>();

  constructor(readonly options: LookupCacheOptions) {}

  /** The live value under `key`, or undefined (an expired entry is dropped on the way). */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expires > this.options.now()) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  /** Keeps `value` for `ttlMs` milliseconds; a lifetime of 0 or less keeps nothing. */
  set(key: string, value: V, ttlMs: number): void {
    this.#entries.delete(key);
    if (ttlMs <= 0) return;
    this.#entries.set(key, { value, expires: this.options.now() + ttlMs });
    // Map iteration follows insertion order, so the first key is the oldest entry.
    while (this.#entries.size > this.options.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
