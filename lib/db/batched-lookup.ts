import type { Db } from "@/lib/db";
import { retryReadOnce } from "@/lib/db/connection-fault";

/**
 * Lookups by key, sent to the database as few statements as the load allows.
 * A lookup goes out at once when none is in flight; lookups asked for while
 * one is in flight wait for it to answer and then go out together, up to
 * `maxBatch` keys per statement. An idle process answers as fast as before; a
 * busy one sends one statement for many requests instead of one each (a
 * statement costs the app a pool checkout, a socket write and a reply to
 * parse, whatever it asks for).
 *
 * `loadMany` answers the keys it found; a key it leaves out answers
 * `undefined`. If it fails, every lookup of that batch fails with its error.
 */
export function batchedLookup<Key, Value>(
  loadMany: (keys: Key[]) => Promise<Map<Key, Value>>,
  options: { maxBatch: number },
): (key: Key) => Promise<Value | undefined> {
  type Waiter = { key: Key; resolve: (value: Value | undefined) => void; reject: (error: unknown) => void };
  let waiting: Waiter[] = [];
  let isInFlight = false;

  function sendNext(): void {
    if (waiting.length === 0) {
      isInFlight = false;
      return;
    }
    isInFlight = true;
    const batch = waiting.slice(0, options.maxBatch);
    waiting = waiting.slice(options.maxBatch);
    let answer: Promise<Map<Key, Value>>;
    try {
      answer = loadMany([...new Set(batch.map((waiter) => waiter.key))]);
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer
      .then(
        (found) => batch.forEach((waiter) => waiter.resolve(found.get(waiter.key))),
        (error: unknown) => batch.forEach((waiter) => waiter.reject(error)),
      )
      .finally(sendNext);
  }

  return (key) =>
    new Promise<Value | undefined>((resolve, reject) => {
      waiting.push({ key, resolve, reject });
      if (!isInFlight) sendNext();
    });
}

/**
 * `batchedLookup` for each database client, made on first use: the form app
 * code uses, `lookup(db, key)`. A lookup only reads, so a batch whose
 * connection was dropped is sent once more (on another connection) before its
 * lookups fail.
 */
export function batchedLookupByDb<Key, Value>(
  loadMany: (db: Db, keys: Key[]) => Promise<Map<Key, Value>>,
  options: { maxBatch: number },
): (db: Db, key: Key) => Promise<Value | undefined> {
  const lookups = new WeakMap<Db, (key: Key) => Promise<Value | undefined>>();
  return (db, key) => {
    let lookup = lookups.get(db);
    if (!lookup) {
      lookup = batchedLookup((keys: Key[]) => retryReadOnce(() => loadMany(db, keys)), options);
      lookups.set(db, lookup);
    }
    return lookup(key);
  };
}
