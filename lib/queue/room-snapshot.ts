import "server-only";
import { processClock } from "@/lib/cache/process-clock";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { measureAdmissionsPerSecond, recordCounterSample, shouldAdvance, type CounterSample } from "@/lib/queue/admission-math";
import { advanceRoom, type AdvanceRoomResult } from "@/lib/queue/advance-room";
import { EndedTokenSet, type EndedToken } from "@/lib/queue/ended-tokens";
import { readRoomState, type RoomState } from "@/lib/queue/read-room-state";

/** A room snapshot is re-read at most this often per process. */
export const SNAPSHOT_FRESH_MS = 1_000;
/** When the database cannot be reached, a snapshot up to this old is still served. */
const MAX_STALE_SNAPSHOT_MS = 30_000;
/**
 * Ended tokens are re-read with this overlap: ended_at is the start time of
 * the ending transaction, which may commit a little later than that.
 */
const ENDED_OVERLAP_MS = 30_000;

export type RoomSnapshot = Omit<RoomState, "ended" | "nowMs"> & {
  concertId: string;
  /** Tickets admitted per second lately, as this process saw the counter move; null until measurable. */
  measuredPerSecond: number | null;
  /** The database clock minus this process's clock, to judge times against the database. */
  clockOffsetMs: number;
};

type RoomEntry = {
  snapshot: RoomSnapshot | null;
  /** Last refresh attempt (a failed one too, so a database outage is not retried by every poll). */
  refreshedAtMs: number;
  /** Last successful read. */
  readAtMs: number;
  inflight: Promise<RoomSnapshot | null> | null;
  ended: EndedTokenSet;
  samples: CounterSample[];
  /** Database time of the last read of ended tokens; null before the first. */
  endedSyncedAtMs: number | null;
};

type SnapshotCache = { rooms: Map<string, RoomEntry> };

// One cache per process, shared by every route module that imports this file.
const holder = globalThis as unknown as { encoreRoomSnapshots?: SnapshotCache };
const cache = (holder.encoreRoomSnapshots ??= { rooms: new Map() });

/**
 * The room as the waiting room's status polls see it: read from the database
 * at most once per SNAPSHOT_FRESH_MS per room in this process. Single-flight:
 * while a refresh runs, every caller awaits that same refresh. A refresh also
 * drives admission (advanceRoom) when the room could admit someone, so the line
 * moves while fans poll, without the cron. Null for an unknown room. Freshness
 * is judged by the process clock (lib/cache/process-clock.ts).
 */
export function getRoomSnapshot(database: Database, concertId: string): Promise<RoomSnapshot | null> {
  const entry = cache.rooms.get(concertId);
  if (entry?.snapshot && processClock.now() - entry.refreshedAtMs < SNAPSHOT_FRESH_MS) return Promise.resolve(entry.snapshot);
  if (entry?.inflight) return entry.inflight;
  const room: RoomEntry = entry ?? { snapshot: null, refreshedAtMs: 0, readAtMs: 0, inflight: null, ended: new EndedTokenSet(), samples: [], endedSyncedAtMs: null };
  cache.rooms.set(concertId, room);
  room.inflight = refreshRoom(database, concertId, room).finally(() => {
    room.inflight = null;
  });
  return room.inflight;
}

async function refreshRoom(database: Database, concertId: string, room: RoomEntry): Promise<RoomSnapshot | null> {
  let state: RoomState | null;
  try {
    state = await readRoomState(database, {
      concertId,
      endedSinceMs: room.endedSyncedAtMs === null ? null : room.endedSyncedAtMs - ENDED_OVERLAP_MS,
    });
  } catch (error) {
    room.refreshedAtMs = processClock.now();
    if (room.snapshot && room.refreshedAtMs - room.readAtMs < MAX_STALE_SNAPSHOT_MS) {
      logError("waiting room: serving a stale snapshot", error, { concertId });
      return room.snapshot;
    }
    logError("waiting room: cannot read the room", error, { concertId });
    throw new AppError("SERVICE_UNAVAILABLE", "The waiting room is busy. Please retry in a moment.", { retryAfterSeconds: 2 });
  }
  if (!state) {
    cache.rooms.delete(concertId);
    return null;
  }
  room.endedSyncedAtMs = state.nowMs;
  if (shouldAdvance(state)) {
    try {
      state = mergeAdvance(state, await advanceRoom(database, { concertId }));
    } catch (error) {
      // Admission is retried on the next refresh, join or cron run; the poll is answered regardless.
      logError("waiting room: advancing the room failed", error, { concertId });
    }
  }
  room.ended.addAll(state.ended);
  room.samples = recordCounterSample(room.samples, { atMs: state.nowMs, servingCounter: state.servingCounter });
  room.ended.prune({ servingCounter: state.servingCounter, isPrequeueOrdered: state.isPrequeueOrdered, nowMs: state.nowMs });
  const { ended: _ended, nowMs, ...facts } = state;
  room.snapshot = {
    ...facts,
    concertId,
    measuredPerSecond: measureAdmissionsPerSecond(room.samples),
    clockOffsetMs: nowMs - Date.now(),
  };
  room.refreshedAtMs = room.readAtMs = processClock.now();
  return room.snapshot;
}

function mergeAdvance(state: RoomState, advanced: AdvanceRoomResult): RoomState {
  if (!advanced.isLeader) return state;
  return {
    ...state,
    servingCounter: Math.max(state.servingCounter, advanced.servingCounter),
    lastTicket: Math.max(state.lastTicket, advanced.lastTicket),
    isPrequeueOrdered: advanced.isPrequeueOrdered,
    prequeued: advanced.isPrequeueOrdered ? 0 : state.prequeued,
    liveAdmitted: advanced.liveAdmitted ?? state.liveAdmitted,
    ended: [...state.ended, ...advanced.ended],
  };
}

/** Whether this process knows the token ended (left, paid, lapsed) while its poll would not ask the database. */
export function isTokenKnownEnded(concertId: string, tokenId: string): boolean {
  return cache.rooms.get(concertId)?.ended.has(tokenId) ?? false;
}

/** Records at once a token this process ended, so its next poll here answers 410 without waiting for a refresh. */
export function noteTokenEnded(concertId: string, token: EndedToken): void {
  cache.rooms.get(concertId)?.ended.add(token);
}

/**
 * Folds in an advance this process ran outside a refresh (e.g. on join), so
 * its answers reflect it at once. Returns the updated snapshot, if cached.
 */
export function noteRoomAdvanced(concertId: string, advanced: AdvanceRoomResult): RoomSnapshot | null {
  const room = cache.rooms.get(concertId);
  if (!room) return null;
  if (!advanced.isLeader || !room.snapshot) return room.snapshot;
  room.ended.addAll(advanced.ended);
  room.snapshot = {
    ...room.snapshot,
    servingCounter: Math.max(room.snapshot.servingCounter, advanced.servingCounter),
    lastTicket: Math.max(room.snapshot.lastTicket, advanced.lastTicket),
    isPrequeueOrdered: advanced.isPrequeueOrdered,
    prequeued: advanced.isPrequeueOrdered ? 0 : room.snapshot.prequeued,
    liveAdmitted: advanced.liveAdmitted ?? room.snapshot.liveAdmitted,
  };
  return room.snapshot;
}

/** Drops the cached snapshot of a room (after its settings change), so the next poll reads it afresh. */
export function forgetRoomSnapshot(concertId: string): void {
  const room = cache.rooms.get(concertId);
  if (room) room.refreshedAtMs = 0;
}
