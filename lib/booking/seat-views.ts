export type SeatStatus = "AVAILABLE" | "HELD" | "SOLD";

/** A seat as the map of a performance was read (at most a second ago), before it is shown to anyone. */
export type SnapshotSeat = {
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

export type SeatView = {
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
 * The seat map as one fan may see it: the shared snapshot for everyone else's
 * seats, and the fan's own holds as read just now, so the fan always sees
 * their own holds and releases at once, whatever the snapshot's age.
 *
 * - a seat the fan holds now: HELD, heldByMe, with its end;
 * - a seat sold in the snapshot: SOLD;
 * - a seat someone else held in the snapshot, whose hold has not run out by
 *   `dbNowMs` (database clock): HELD;
 * - anything else — free, a hold that has run out since, or a hold of the
 *   fan's that is no longer live (released or expired): AVAILABLE.
 */
export function seatViews(snapshot: SeatMapSnapshot, ownHolds: OwnHold[], userId: string, dbNowMs: number): SeatView[] {
  const ownHoldEnds = new Map(ownHolds.map((hold) => [hold.seatId, hold.expiresAt]));
  return snapshot.seats.map((seat) => {
    const ownHoldEnd = ownHoldEnds.get(seat.id);
    const isHeldByOther = seat.state === "HELD" && seat.holderId !== userId && (seat.heldUntilMs ?? 0) > dbNowMs;
    const status: SeatStatus = ownHoldEnd || isHeldByOther ? "HELD" : seat.state === "SOLD" ? "SOLD" : "AVAILABLE";
    // Only the holder learns when a hold ends; others see just that the seat is taken.
    return { id: seat.id, number: seat.number, grade: seat.grade, price: seat.price, status, heldByMe: ownHoldEnd !== undefined, expiresAt: ownHoldEnd ?? null };
  });
}
