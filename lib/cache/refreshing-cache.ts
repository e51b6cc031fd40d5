type Entry<Value> = {
  value?: Value;
  /** When the read that produced `value` began. */
  loadStartedAtMs: number;
  inflight?: { startedAtMs: number; promise: Promise<Value> };
  /** markStale time: only a read begun after it is fresh. */
  staleSinceMs: number;
};

/**
 * Values read at most once per `freshMs` per key in this process and shared
 * by every caller: while a read runs, concurrent callers await that same read
 * (single-flight), so a thousand requests at once cost one query. For answers
 * that may be a moment old and decide nothing by themselves. A failed read is
 * not remembered: the next caller tries again.
 */
export class RefreshingCache<Value> {
  private readonly entries = new Map<string, Entry<Value>>();

  constructor(private readonly options: { freshMs: number; maxEntries: number; now?: () => number }) {}

  get(key: string, load: () => Promise<Value>): Promise<Value> {
    const now = this.now();
    const entry = this.entries.get(key) ?? this.add(key);
    if (entry.value !== undefined && entry.loadStartedAtMs > entry.staleSinceMs && now - entry.loadStartedAtMs < this.options.freshMs) {
      return Promise.resolve(entry.value);
    }
    if (entry.inflight && entry.inflight.startedAtMs > entry.staleSinceMs) return entry.inflight.promise;
    const startedAtMs = now;
    const promise = load().then(
      (value) => {
        if (entry.value === undefined || startedAtMs >= entry.loadStartedAtMs) {
          entry.value = value;
          entry.loadStartedAtMs = startedAtMs;
        }
        return value;
      },
    ).finally(() => {
      if (entry.inflight?.promise === promise) entry.inflight = undefined;
    });
    entry.inflight = { startedAtMs, promise };
    return promise;
  }

  /** The value of `key` is known to be behind: the next caller reads again. */
  markStale(key: string): void {
    const entry = this.entries.get(key);
    if (entry) entry.staleSinceMs = this.now();
  }

  private add(key: string): Entry<Value> {
    if (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    const entry: Entry<Value> = { loadStartedAtMs: 0, staleSinceMs: -1 };
    this.entries.set(key, entry);
    return entry;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}
