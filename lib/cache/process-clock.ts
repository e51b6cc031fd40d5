/**
 * The clock by which this process's in-memory snapshots (waiting-room
 * snapshots, seat maps) judge whether they are still fresh: Date.now, unless
 * another clock is set. Tests set one they can move forward, instead of
 * waiting out a freshness window. Only freshness uses it: times sent to the
 * database or compared with its clock still come from Date.now.
 */
export type Clock = { now: () => number };

const holder = globalThis as unknown as { encoreProcessClock?: Clock };

export const processClock: Clock = {
  now: () => (holder.encoreProcessClock ? holder.encoreProcessClock.now() : Date.now()),
};

/** Replaces the clock of every snapshot in this process; undefined restores Date.now. */
export function setProcessClock(clock: Clock | undefined): void {
  holder.encoreProcessClock = clock;
}
