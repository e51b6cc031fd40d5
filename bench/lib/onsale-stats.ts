// Pure helpers of the on-sale simulation (bench/scenarios/onsale.ts): latency
// percentiles, the fairness count, tickets per minute. Unit-tested.

/** The p-th percentile (0–100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * Pairs (i < j) with values[i] > values[j], strictly (equal values, such as
 * fans admitted in the same batch, are not inverted). Merge sort, O(n log n).
 */
export function countInversions(values: readonly number[]): number {
  const items = [...values];
  const buffer = new Array<number>(items.length);
  let inversions = 0;
  for (let width = 1; width < items.length; width *= 2) {
    for (let start = 0; start < items.length; start += 2 * width) {
      const middle = Math.min(start + width, items.length);
      const end = Math.min(start + 2 * width, items.length);
      let left = start;
      let right = middle;
      let out = start;
      while (left < middle && right < end) {
        if (items[left]! <= items[right]!) buffer[out++] = items[left++]!;
        else {
          inversions += middle - left;
          buffer[out++] = items[right++]!;
        }
      }
      while (left < middle) buffer[out++] = items[left++]!;
      while (right < end) buffer[out++] = items[right++]!;
    }
    for (let index = 0; index < items.length; index++) items[index] = buffer[index]!;
  }
  return inversions;
}

/** A fan's place in line as the database recorded it. */
export type AdmittedPlace = {
  /** Joined before the room opened: the pre-queue, whose order the draw decides. */
  isPrequeued: boolean;
  /** Join time (epoch ms); orders the pre-queue among itself. */
  joinedAtMs: number;
  /** Ticket: the order of joins after opening (the draw's order for the pre-queue). */
  ticket: number;
  admittedAtMs: number;
};

export type Fairness = {
  admitted: number;
  /** Pairs admitted in the other order than they joined. */
  inversions: number;
  /** Of those, pairs of two pre-queued fans: the draw at opening orders them at random, by design. */
  prequeueDrawInversions: number;
  /** The rest: must be 0 (admission in the order of joining). */
  inversionsOutsideDraw: number;
};

/**
 * Inversions between the order fans joined and the order they were admitted.
 * Joining order: the pre-queue first (by join time), then everyone else by
 * ticket, which the join draws in the order the joins are recorded; two joins
 * racing in the same millisecond are ordered by the database, not by a clock.
 */
export function fairness(places: readonly AdmittedPlace[]): Fairness {
  const byJoin = [...places].sort(
    (a, b) => Number(b.isPrequeued) - Number(a.isPrequeued) || (a.isPrequeued ? a.joinedAtMs - b.joinedAtMs : a.ticket - b.ticket),
  );
  const inversions = countInversions(byJoin.map((place) => place.admittedAtMs));
  const prequeueDrawInversions = countInversions(byJoin.filter((place) => place.isPrequeued).map((place) => place.admittedAtMs));
  return { admitted: places.length, inversions, prequeueDrawInversions, inversionsOutsideDraw: inversions - prequeueDrawInversions };
}

/** Counts per time bucket: how many of `times` (ms since `startMs`) fall in each `bucketMs`, scaled to per minute. */
export function ratePerMinute(
  events: readonly { atMs: number; count: number }[],
  options: { startMs: number; endMs: number; bucketMs: number },
): { startSeconds: number; perMinute: number }[] {
  const buckets = Math.max(1, Math.ceil((options.endMs - options.startMs) / options.bucketMs));
  const counts = new Array<number>(buckets).fill(0);
  for (const event of events) {
    const index = Math.floor((event.atMs - options.startMs) / options.bucketMs);
    if (index >= 0 && index < buckets) counts[index]! += event.count;
  }
  return counts.map((count, index) => ({
    startSeconds: (index * options.bucketMs) / 1000,
    perMinute: (count * 60_000) / options.bucketMs,
  }));
}
