// The seat map is served from a per-process snapshot at most SEAT_MAP_FRESH_MS
// old; these tests pin down what may and may not lag behind.
import { describe, expect, it } from "vitest";
import { admittedFans, requestHold, requestRelease, requestSeats, requestSections, seatIdsOf, type Fan } from "@/lib/booking/booking-test-kit";
import { SEAT_MAP_FRESH_MS } from "@/lib/booking/seat-map-snapshot";
import { db } from "@/lib/db";
import { useMovableClock } from "@/lib/testing/clock";
import { createConcert } from "@/lib/testing/fixtures";
import { recordDatabaseStatements } from "@/lib/testing/queue";
import { arenaSections, ARENA_PRICES, type ArenaPlan } from "@/lib/venues/arena-layout";

const recorded = recordDatabaseStatements();
const SNAPSHOT_READ = /FROM performances p\s+LEFT JOIN seats s/;
// A section's seats themselves (ids, labels, prices), read apart from its live reservations.
const SECTION_LAYOUT_READ = /FROM seats s JOIN venue_sections vs ON vs.id = s.section_id\s+WHERE s.section_id =/;
// The live reservations of every section of a performance, shared by the refreshes of all its sections.
const LIVE_SECTIONS_READ = /AS taken\s+FROM performances p/;

const countOf = (pattern: RegExp) => recorded.statements.filter((text) => pattern.test(text)).length;

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
    const before = countOf(SNAPSHOT_READ);

    const responses = await Promise.all(fans.map((fan) => requestSeats(fan, performanceId)));

    expect(responses.map((response) => response.status)).toEqual(Array(40).fill(200));
    expect(countOf(SNAPSHOT_READ) - before).toBe(1);
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
    const layoutReads = () => countOf(SECTION_LAYOUT_READ);
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

/** 4 floor blocks of 2 × 2 seats and a ring of 16 stand sections of 1 × 2: 48 seats in 20 sections. */
const TWENTY_SECTIONS: ArenaPlan = {
  floor: { columns: 4, rows: 1, rowsPerBlock: 2, seatsPerRow: 2, grades: ["VIP"] },
  tiers: [{ sections: 16, rows: 1, seatsPerRow: 2, grade: "R", back: { sections: 4, grade: "S" } }],
};

async function arenaWithFans(fanCount: number) {
  const { concertId, performanceIds } = await createConcert(db(), {
    performances: 1,
    venue: { sections: arenaSections(TWENTY_SECTIONS), prices: ARENA_PRICES },
  });
  const performanceId = performanceIds[0]!;
  const fans = await admittedFans(concertId, fanCount);
  const { sections } = (await (await requestSections(fans[0]!, performanceId)).json()) as { sections: { id: string }[] };
  return { performanceId, fans, sections: sections.map((section) => section.id) };
}

type SectionSeat = { id: string; status: string; price: number };

async function sectionSeen(fan: Fan, performanceId: string, section: string): Promise<{ etag: string | null; seats: SectionSeat[] }> {
  const response = await requestSeats(fan, performanceId, { section });
  expect(response.status).toBe(200);
  return { etag: response.headers.get("etag"), seats: ((await response.json()) as { seats: SectionSeat[] }).seats };
}

describe("a section's refresh", () => {
  it("reads the live reservations of every section of the performance in one statement for many refreshes of different sections", async () => {
    const clock = useMovableClock();
    const { performanceId, fans, sections } = await arenaWithFans(20);
    expect(sections).toHaveLength(20);
    const refreshAll = () => Promise.all(fans.map((fan, index) => sectionSeen(fan, performanceId, sections[index]!)));
    const before = { live: countOf(LIVE_SECTIONS_READ), layouts: countOf(SECTION_LAYOUT_READ) };

    const first = await refreshAll();

    expect(countOf(LIVE_SECTIONS_READ) - before.live).toBe(1);
    expect(countOf(SECTION_LAYOUT_READ) - before.layouts).toBe(20); // each section's seats, once per process
    expect(first.map((seen) => seen.seats.length)).toEqual([...Array(4).fill(4), ...Array(16).fill(2)]);

    clock.advance(SEAT_MAP_FRESH_MS);
    const again = await refreshAll();

    expect(countOf(LIVE_SECTIONS_READ) - before.live).toBe(2);
    expect(countOf(SECTION_LAYOUT_READ) - before.layouts).toBe(20);
    expect(again.map((seen) => seen.etag)).toEqual(first.map((seen) => seen.etag));
  });

  it("shows a hold in one section once the shared read is older than SEAT_MAP_FRESH_MS, and changes that section's tag only", async () => {
    const clock = useMovableClock();
    const { performanceId, fans: [viewer, holder], sections } = await arenaWithFans(2);
    const seenBefore = await Promise.all(sections.map((section) => sectionSeen(viewer!, performanceId, section)));
    const target = 7;

    expect((await requestHold(holder!, { performanceId, seatIds: [seenBefore[target]!.seats[1]!.id] })).status).toBe(201);
    clock.advance(SEAT_MAP_FRESH_MS);
    const seenAfter = await Promise.all(sections.map((section) => sectionSeen(viewer!, performanceId, section)));

    expect(seenAfter[target]!.seats.map((seat) => seat.status)).toEqual(["AVAILABLE", "HELD"]);
    expect(seenAfter[target]!.etag).not.toBe(seenBefore[target]!.etag);
    seenAfter.forEach((seen, index) => {
      if (index !== target) expect(seen.etag).toBe(seenBefore[index]!.etag);
    });
  });

  it("reads again only the seats of a section whose prices changed", async () => {
    const clock = useMovableClock();
    const { performanceId, fans: [viewer], sections } = await arenaWithFans(1);
    const [repriced, untouched] = [sections[0]!, sections[1]!];
    const before = { repriced: await sectionSeen(viewer!, performanceId, repriced), untouched: await sectionSeen(viewer!, performanceId, untouched) };
    const layoutReads = countOf(SECTION_LAYOUT_READ);

    await db().$executeRaw`UPDATE seats SET price = price + 1000 WHERE section_id = ${repriced}::uuid AND performance_id = ${performanceId}::uuid`;
    clock.advance(SEAT_MAP_FRESH_MS);

    const after = { repriced: await sectionSeen(viewer!, performanceId, repriced), untouched: await sectionSeen(viewer!, performanceId, untouched) };
    expect(after.repriced.seats.map((seat) => seat.price)).toEqual(before.repriced.seats.map((seat) => seat.price + 1000));
    expect(after.untouched.etag).toBe(before.untouched.etag);
    expect(countOf(SECTION_LAYOUT_READ)).toBe(layoutReads + 1);
  });
});
