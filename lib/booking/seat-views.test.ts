import { describe, expect, it } from "vitest";
import { seatMapJson, type OwnHold, type SeatMapSnapshot, type SnapshotSeat } from "@/lib/booking/seat-views";

const NOW_MS = 1_800_000_000_000;
const ME = "fan-me";
const PLACE = { sectionId: "section-r", sectionName: "R석" };

function seat(number: number, rest: Partial<SnapshotSeat> = {}): SnapshotSeat {
  return { id: `seat-${number}`, number, ...PLACE, row: "B", label: `R석 B열 ${number}번`, grade: "R", price: 110_000, state: null, holderId: null, heldUntilMs: null, ...rest };
}

function snapshotOf(seats: SnapshotSeat[]): SeatMapSnapshot {
  return { concertId: "concert", seats, clockOffsetMs: 0 };
}

type Seen = { id: string; status: string; heldByMe: boolean; expiresAt: string | null };

function seen(snapshot: SeatMapSnapshot, ownHolds: OwnHold[] = [], userId = ME, nowMs = NOW_MS): Seen[] {
  return (JSON.parse(seatMapJson(snapshot, ownHolds, userId, nowMs).body) as { seats: Seen[] }).seats;
}

describe("seatMapJson", () => {
  it("shows free, sold and someone else's live hold, without saying when another fan's hold ends", () => {
    const snapshot = snapshotOf([
      seat(1),
      seat(2, { state: "SOLD", holderId: "fan-b" }),
      seat(3, { state: "HELD", holderId: "fan-c", heldUntilMs: NOW_MS + 60_000 }),
    ]);

    expect(seen(snapshot)).toEqual([
      { id: "seat-1", number: 1, ...PLACE, row: "B", label: "R석 B열 1번", grade: "R", price: 110_000, status: "AVAILABLE", heldByMe: false, expiresAt: null },
      { id: "seat-2", number: 2, ...PLACE, row: "B", label: "R석 B열 2번", grade: "R", price: 110_000, status: "SOLD", heldByMe: false, expiresAt: null },
      { id: "seat-3", number: 3, ...PLACE, row: "B", label: "R석 B열 3번", grade: "R", price: 110_000, status: "HELD", heldByMe: false, expiresAt: null },
    ]);
  });

  it("frees a seat whose hold has run out since the snapshot, before any cron run", () => {
    const snapshot = snapshotOf([seat(1, { state: "HELD", holderId: "fan-c", heldUntilMs: NOW_MS + 1_000 })]);
    expect(seen(snapshot, [], ME, NOW_MS)[0]!.status).toBe("HELD");
    expect(seen(snapshot, [], ME, NOW_MS + 1_000)[0]!.status).toBe("AVAILABLE");
  });

  it("shows the fan's own holds as read just now, whatever the snapshot says", () => {
    const expiresAt = new Date(NOW_MS + 300_000);
    const snapshot = snapshotOf([
      seat(1), // held by the fan after the snapshot was read
      seat(2, { state: "HELD", holderId: ME, heldUntilMs: NOW_MS + 200_000 }), // released since
      seat(3, { state: "HELD", holderId: "fan-c", heldUntilMs: NOW_MS + 200_000 }),
    ]);

    expect(seen(snapshot, [{ seatId: "seat-1", expiresAt }])).toMatchObject([
      { status: "HELD", heldByMe: true, expiresAt: expiresAt.toISOString() },
      { status: "AVAILABLE", heldByMe: false, expiresAt: null },
      { status: "HELD", heldByMe: false, expiresAt: null },
    ]);
    // Anyone else sees the fan's seats as the snapshot has them.
    expect(seen(snapshot, [], "fan-d").map((view) => view.status)).toEqual(["AVAILABLE", "HELD", "HELD"]);
  });

  it("gives every fan without holds on the date the same map, and a holder their own", () => {
    const snapshot = snapshotOf([seat(1), seat(2, { state: "HELD", holderId: ME, heldUntilMs: NOW_MS + 60_000 })]);
    const forOneFan = seatMapJson(snapshot, [], "fan-a", NOW_MS);

    expect(seatMapJson(snapshot, [], "fan-b", NOW_MS + 10)).toBe(forOneFan);
    expect(seatMapJson(snapshot, [], ME, NOW_MS + 10)).not.toBe(forOneFan);
  });

  it("tags each body by its bytes: a holder's own tag differs from everyone else's, and equal maps tag alike", () => {
    const snapshot = snapshotOf([seat(1), seat(2, { state: "HELD", holderId: ME, heldUntilMs: NOW_MS + 60_000 })]);
    const shared = seatMapJson(snapshot, [], "fan-a", NOW_MS);
    const holders = seatMapJson(snapshot, [{ seatId: "seat-2", expiresAt: new Date(NOW_MS + 60_000) }], ME, NOW_MS);

    expect(holders.etag).not.toBe(shared.etag);
    expect(seatMapJson(snapshotOf([seat(1), seat(2, { state: "HELD", holderId: ME, heldUntilMs: NOW_MS + 60_000 })]), [], "fan-b", NOW_MS).etag)
      .toBe(shared.etag);
    // Once the hold runs out, everyone else's map (and its tag) changes.
    expect(seatMapJson(snapshot, [], "fan-a", NOW_MS + 60_000).etag).not.toBe(shared.etag);
  });
});
