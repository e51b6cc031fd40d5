import { describe, expect, it } from "vitest";
import { seatViews, type SeatMapSnapshot, type SnapshotSeat } from "@/lib/booking/seat-views";

const NOW_MS = 1_800_000_000_000;
const ME = "fan-me";

function seat(number: number, rest: Partial<SnapshotSeat> = {}): SnapshotSeat {
  return { id: `seat-${number}`, number, grade: "R", price: 110_000, state: null, holderId: null, heldUntilMs: null, ...rest };
}

function snapshotOf(seats: SnapshotSeat[]): SeatMapSnapshot {
  return { concertId: "concert", seats, clockOffsetMs: 0 };
}

describe("seatViews", () => {
  it("shows free, sold and someone else's live hold, hiding when another fan's hold ends", () => {
    const views = seatViews(
      snapshotOf([
        seat(1),
        seat(2, { state: "SOLD", holderId: "fan-b" }),
        seat(3, { state: "HELD", holderId: "fan-c", heldUntilMs: NOW_MS + 60_000 }),
      ]),
      [],
      ME,
      NOW_MS,
    );

    expect(views.map((view) => [view.status, view.heldByMe, view.expiresAt])).toEqual([
      ["AVAILABLE", false, null],
      ["SOLD", false, null],
      ["HELD", false, null],
    ]);
    expect(views[0]).toEqual({ id: "seat-1", number: 1, grade: "R", price: 110_000, status: "AVAILABLE", heldByMe: false, expiresAt: null });
  });

  it("frees a seat whose hold has run out since the snapshot, before any cron run", () => {
    const [view] = seatViews(snapshotOf([seat(1, { state: "HELD", holderId: "fan-c", heldUntilMs: NOW_MS })]), [], ME, NOW_MS);
    expect(view!.status).toBe("AVAILABLE");
  });

  it("shows the fan's own holds as read just now, whatever the snapshot says", () => {
    const expiresAt = new Date(NOW_MS + 300_000);
    const views = seatViews(
      snapshotOf([
        seat(1), // held by the fan after the snapshot was taken
        seat(2, { state: "HELD", holderId: ME, heldUntilMs: NOW_MS + 200_000 }), // released since
      ]),
      [{ seatId: "seat-1", expiresAt }],
      ME,
      NOW_MS,
    );

    expect(views[0]).toMatchObject({ status: "HELD", heldByMe: true, expiresAt });
    expect(views[1]).toMatchObject({ status: "AVAILABLE", heldByMe: false, expiresAt: null });
  });
});
