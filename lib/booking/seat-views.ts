import { entityTagOf, type TaggedJson } from "@/lib/http/entity-tags";

import type { SeatPlace } from "@/lib/venues/seat-place";

type SeatStatus = "AVAILABLE" | "HELD" | "SOLD";

/** A seat as the map of a performance was read (at most a second ago), before it is shown to anyone. */
export type SnapshotSeat = SeatPlace & {
  id: string;
  number: number;
  grade: string;
  price: number;
  /** The live reservation's kind; null when the seat was free. */
  state: "HELD" | "SOLD" | null;
  /** Who held or bought it; never shown to other fans. */
  holderId: string | null;
  /** When a hold ends (database clock, epoch ms); null for other states. */
  heldUntilMs: number | null;
};

export type SeatMapSnapshot = {
  concertId: string;
  /** By seat number. */
  seats: SnapshotSeat[];
  /** The database clock minus this process's clock when the map was read. */
  clockOffsetMs: number;
};

/** One of the fan's live holds of the performance, read just now. */
export type OwnHold = { seatId: string; expiresAt: Date };

type SeatView = SeatPlace & {
  id: string;
  number: number;
  grade: string;
  price: number;
  status: SeatStatus;
  heldByMe: boolean;
  /** When the fan's own hold of this seat ends; null for every other seat. */
  expiresAt: Date | null;
};

/**
 * One seat for one fan (`userId` null: a fan with nothing to do with it):
 * - a seat the fan holds now: HELD, heldByMe, with its end;
 * - a seat sold in the snapshot: SOLD;
 * - a seat someone else held in the snapshot, whose hold has not run out by
 *   `dbNowMs` (database clock): HELD;
 * - anything else — free, a hold that has run out since, or a hold of the
 *   fan's that is no longer live (released or expired): AVAILABLE.
 * Only the holder learns when a hold ends; others see just that the seat is taken.
 */
function seatView(seat: SnapshotSeat, ownHoldEnd: Date | undefined, userId: string | null, dbNowMs: number): SeatView {
  const isHeldByOther = seat.state === "HELD" && seat.holderId !== userId && (seat.heldUntilMs ?? 0) > dbNowMs;
  const status: SeatStatus = ownHoldEnd || isHeldByOther ? "HELD" : seat.state === "SOLD" ? "SOLD" : "AVAILABLE";
  return {
    id: seat.id, number: seat.number, sectionId: seat.sectionId, sectionName: seat.sectionName, row: seat.row, label: seat.label,
    grade: seat.grade, price: seat.price, status, heldByMe: ownHoldEnd !== undefined, expiresAt: ownHoldEnd ?? null,
  };
}

/** The map as a fan with no holds on it sees it, serialized once per snapshot for as long as it stays true. */
type SharedJson = TaggedJson & {
  fragments: string[];
  validUntilMs: number;
  /** The seats each holder held or bought in the snapshot, by index: they read differently to that holder. */
  indexesByHolder: Map<string, number[]>;
  /** Made on the first request of a fan with live holds. */
  indexBySeatId?: Map<string, number>;
};

const sharedJsonBySnapshot = new WeakMap<SeatMapSnapshot, SharedJson>();

function sharedJson(snapshot: SeatMapSnapshot, dbNowMs: number): SharedJson {
  const known = sharedJsonBySnapshot.get(snapshot);
  if (known && dbNowMs < known.validUntilMs) return known;
  const fragments = snapshot.seats.map((seat) => JSON.stringify(seatView(seat, undefined, null, dbNowMs)));
  // It stays true until the first hold still shown as taken runs out.
  const validUntilMs = Math.min(
    Infinity,
    ...snapshot.seats.flatMap((seat) => (seat.state === "HELD" && (seat.heldUntilMs ?? 0) > dbNowMs ? [seat.heldUntilMs!] : [])),
  );
  const indexesByHolder = new Map<string, number[]>();
  snapshot.seats.forEach((seat, index) => {
    if (seat.holderId === null) return;
    const indexes = indexesByHolder.get(seat.holderId);
    if (indexes) indexes.push(index);
    else indexesByHolder.set(seat.holderId, [index]);
  });
  const body = bodyOf(fragments);
  const shared = { fragments, body, etag: entityTagOf(body), validUntilMs, indexesByHolder };
  sharedJsonBySnapshot.set(snapshot, shared);
  return shared;
}

/** The indexes of the seats that read differently to this fan: those they held or bought in the snapshot, and those they hold now. */
function personalIndexes(snapshot: SeatMapSnapshot, shared: SharedJson, ownHolds: OwnHold[], userId: string): Set<number> {
  const indexes = new Set(shared.indexesByHolder.get(userId));
  if (ownHolds.length === 0) return indexes;
  shared.indexBySeatId ??= new Map(snapshot.seats.map((seat, index) => [seat.id, index]));
  for (const hold of ownHolds) {
    const index = shared.indexBySeatId.get(hold.seatId);
    if (index !== undefined) indexes.add(index); // else a seat of another section
  }
  return indexes;
}

function bodyOf(fragments: string[]): string {
  return `{"seats":[${fragments.join(",")}]}`;
}

/**
 * The seat map as one fan may see it, as the response body `{"seats":[…]}`
 * with its entity tag:
 * the shared snapshot for everyone else's seats, and the fan's own holds as
 * read just now, so the fan always sees their own holds and releases at once,
 * whatever the snapshot's age.
 *
 * Every fan looking at a date shares one serialization of the snapshot; only
 * the seats the fan holds now, or held when the snapshot was read, are
 * serialized for them, found by index (a section's 240 seats are not scanned
 * per request). Building 50 seat objects and their JSON per request
 * was a fifth of the seat map's cost (docs/benchmarks.md). The shared body's
 * tag is computed with it; a holder's own body is hashed per request, so the
 * tag covers their holds too (docs/decisions/110).
 */
export function seatMapJson(snapshot: SeatMapSnapshot, ownHolds: OwnHold[], userId: string, dbNowMs: number): TaggedJson {
  const shared = sharedJson(snapshot, dbNowMs);
  const personal = personalIndexes(snapshot, shared, ownHolds, userId);
  if (personal.size === 0) return shared;
  const ownHoldEnds = new Map(ownHolds.map((hold) => [hold.seatId, hold.expiresAt]));
  const fragments = [...shared.fragments];
  for (const index of personal) {
    const seat = snapshot.seats[index]!;
    fragments[index] = JSON.stringify(seatView(seat, ownHoldEnds.get(seat.id), userId, dbNowMs));
  }
  const body = bodyOf(fragments);
  return { body, etag: entityTagOf(body) };
}
