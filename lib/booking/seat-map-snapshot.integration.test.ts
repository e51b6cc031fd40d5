// The seat map is served from a per-process snapshot at most SEAT_MAP_FRESH_MS
// old; these tests pin down what may and may not lag behind.
import { describe, expect, it } from "vitest";
import { admittedFans, requestHold, requestRelease, requestSeats, requestSections, seatIdsOf, type Fan } from "@/lib/booking/booking-test-kit";
import { SEAT_MAP_FRESH_MS } from "@/lib/booking/seat-map-snapshot";
import { db } from "@/lib/db";
import { useMovableClock } from "@/lib/testing/clock";
import { createConcert } from "@/lib/testing/fixtures";
import { recordDatabaseStatements } from "@/lib/testing/queue";

const recorded = recordDatabaseStatements();
const SNAPSHOT_READ = /FROM performances p\s+LEFT JOIN seats s/;
// A section's seats themselves (ids, labels, prices), read apart from its live reservations.
const SECTION_LAYOUT_READ = /FROM seats s JOIN venue_sections vs ON vs.id = s.section_id\s+WHERE s.section_id =/;

type SeatBody = { seats: { id: string; status: string; heldByMe: boolean }[] };

async function seatsSeenBy(fan: Fan, performanceId: string): Promise<Map<string, { status: string; heldByMe: boolean }>> {
  const response = await requestSeats(fan, performanceId);
  expect(response.status).toBe(200);
  const body = (await response.json()) as SeatBody;
  return new Map(body.seats.map((seat) => [seat.id, { status: seat.status, heldByMe: seat.heldByMe }]));
}

async function dateWithFans(fanCount: number) {
  const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 6 });
  const performanceId = performanceIds[0]!;
  return { performanceId, seats: await seatIdsOf(performanceId), fans: await admittedFans(concertId, fanCount) };
}

describe("the seat map snapshot", () => {
  it("reads a date's seats once for many fans looking at the same moment", async () => {
    const { performanceId, fans } = await dateWithFans(40);
    const before = recorded.statements.filter((text) => SNAPSHOT_READ.test(text)).length;

    const responses = await Promise.all(fans.map((fan) => requestSeats(fan, performanceId)));

    expect(responses.map((response) => response.status)).toEqual(Array(40).fill(200));
    expect(recorded.statements.filter((text) => SNAPSHOT_READ.test(text)).length - before).toBe(1);
  });

  it("shows a fan's own hold and release at once, however fresh the shared map is", async () => {
    const { performanceId, seats, fans: [fan] } = await dateWithFans(1);
    await seatsSeenBy(fan!, performanceId);

    const held = await (await requestHold(fan!, { performanceId, seatIds: [seats[0]] })).json();
    expect((await seatsSeenBy(fan!, performanceId)).get(seats[0]!)).toEqual({ status: "HELD", heldByMe: true });

    expect((await requestRelease(fan!, held.reservations[0].id)).status).toBe(204);
    expect((await seatsSeenBy(fan!, performanceId)).get(seats[0]!)).toEqual({ status: "AVAILABLE", heldByMe: false });
  });

  it("shows another fan's hold within SEAT_MAP_FRESH_MS", async () => {
    const clock = useMovableClock();
    const { performanceId, seats, fans: [viewer, holder] } = await dateWithFans(2);
    await seatsSeenBy(viewer!, performanceId);
    expect((await requestHold(holder!, { performanceId, seatIds: [seats[1]] })).status).toBe(201);

    clock.advance(SEAT_MAP_FRESH_MS);

    expect((await seatsSeenBy(viewer!, performanceId)).get(seats[1]!)).toEqual({ status: "HELD", heldByMe: false });
  });

  it("reads the map again once a hold finds it behind, so the fan sees the seat taken", async () => {
    const { performanceId, seats, fans: [late, early] } = await dateWithFans(2);
    expect((await seatsSeenBy(late!, performanceId)).get(seats[2]!)?.status).toBe("AVAILABLE");
    expect((await requestHold(early!, { performanceId, seatIds: [seats[2]] })).status).toBe(201);

    const refused = await requestHold(late!, { performanceId, seatIds: [seats[2]] });

    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatchObject({ code: "SEAT_UNAVAILABLE", details: { seatIds: [seats[2]] } });
    expect((await seatsSeenBy(late!, performanceId)).get(seats[2]!)?.status).toBe("HELD");
  });

  it("reads a section's seats once and then only what changes, until an operator changes their price", async () => {
    const clock = useMovableClock();
    const { performanceId, fans: [viewer, holder] } = await dateWithFans(2);
    const section = ((await (await requestSections(viewer!, performanceId)).json()) as { sections: { id: string }[] }).sections[0]!.id;
    const layoutReads = () => recorded.statements.filter((text) => SECTION_LAYOUT_READ.test(text)).length;
    const seen = async (fan: Fan) => {
      const response = await requestSeats(fan, performanceId, { section });
      return { etag: response.headers.get("etag"), seats: ((await response.json()) as { seats: { id: string; status: string; price: number }[] }).seats };
    };
    const first = await seen(viewer!);
    const readsAfterFirst = layoutReads();

    clock.advance(SEAT_MAP_FRESH_MS);
    expect((await seen(viewer!)).etag).toBe(first.etag);
    expect((await requestHold(holder!, { performanceId, seatIds: [first.seats[0]!.id] })).status).toBe(201);
    clock.advance(SEAT_MAP_FRESH_MS);
    expect((await seen(viewer!)).seats[0]!.status).toBe("HELD");
    expect(layoutReads()).toBe(readsAfterFirst);

    await db().$executeRaw`UPDATE seats SET price = price + 1000 WHERE section_id = ${section}::uuid AND performance_id = ${performanceId}::uuid`;
    clock.advance(SEAT_MAP_FRESH_MS);
    const repriced = await seen(viewer!);
    expect(repriced.seats.map((seat) => seat.price)).toEqual(first.seats.map((seat) => seat.price + 1000));
    expect(repriced.seats[0]!.status).toBe("HELD");
    expect(layoutReads()).toBe(readsAfterFirst + 1);
  });
});
