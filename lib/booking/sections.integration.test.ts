// Arena seat maps: a performance's sections with their counts, one section's
// seats, and the ETags that let a fan's refresh answer 304 when nothing changed.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as payRoute } from "@/app/api/payments/route";
import { POST as cancelTicketRoute } from "@/app/api/tickets/[reservationId]/cancel/route";
import { admittedFans, backdateHolds, requestHold, requestSeats, requestSections, storedCountsDisagreeing, type Fan } from "@/lib/booking/booking-test-kit";
import { SEAT_MAP_FRESH_MS } from "@/lib/booking/seat-map-snapshot";
import { db } from "@/lib/db";
import { useMovableClock } from "@/lib/testing/clock";
import { createConcert } from "@/lib/testing/fixtures";
import { fundWallet } from "@/lib/testing/holds";
import { call, testRequest } from "@/lib/testing/http";
import { arenaSections, ARENA_PRICES, type ArenaPlan } from "@/lib/venues/arena-layout";

/** 2 floor blocks of 2 × 3 seats and a ring of 3 stand sections of 2 × 2: 24 seats in 5 sections. */
const SMALL_ARENA: ArenaPlan = {
  floor: { columns: 2, rows: 1, rowsPerBlock: 2, seatsPerRow: 3, grades: ["VIP"] },
  tiers: [{ sections: 3, rows: 2, seatsPerRow: 2, grade: "R", back: { sections: 1, grade: "S" } }],
};

type Section = { id: string; name: string; grade: string; price: number; totalSeats: number; availableSeats: number; position: number };
type SectionsBody = { venue: { id: string; name: string }; sections: Section[]; totalSeats: number; availableSeats: number };
type Seat = { id: string; number: number; sectionId: string; sectionName: string; row: string; label: string; status: string; heldByMe: boolean; price: number };

async function arenaWithFans(fanCount: number, performances = 1) {
  const { concertId, performanceIds } = await createConcert(db(), {
    performances,
    venue: { sections: arenaSections(SMALL_ARENA), prices: ARENA_PRICES },
  });
  return { concertId, performanceId: performanceIds[0]!, performanceIds, fans: await admittedFans(concertId, fanCount) };
}

async function sectionsSeenBy(fan: Fan, performanceId: string): Promise<SectionsBody> {
  const response = await requestSections(fan, performanceId);
  expect(response.status).toBe(200);
  return response.json();
}

async function seatsSeenBy(fan: Fan, performanceId: string, section?: string): Promise<Seat[]> {
  const response = await requestSeats(fan, performanceId, { section });
  expect(response.status).toBe(200);
  return ((await response.json()) as { seats: Seat[] }).seats;
}

function pay(fan: Fan, reservationIds: string[]): Promise<Response> {
  return call(payRoute, testRequest("POST", "/api/payments", {
    cookie: fan.cookie, body: { reservationIds }, headers: { ...fan.headers, "idempotency-key": randomUUID() },
  }));
}

describe("GET /api/performances/{id}/sections", () => {
  it("lists the venue's sections in drawing order with what the page needs to draw them, summing to the performance", async () => {
    const { performanceId, fans: [fan] } = await arenaWithFans(1);

    const body = await sectionsSeenBy(fan!, performanceId);

    expect(body.venue.name).toBe("테스트 아레나");
    expect(body.sections.map((section) => [section.name, section.grade, section.price, section.totalSeats])).toEqual([
      ["F1구역", "VIP", ARENA_PRICES.VIP, 6],
      ["F2구역", "VIP", ARENA_PRICES.VIP, 6],
      ["1구역", "R", ARENA_PRICES.R, 4],
      ["2구역", "S", ARENA_PRICES.S, 4],
      ["3구역", "R", ARENA_PRICES.R, 4],
    ]);
    expect(body.sections[2]).toMatchObject({
      position: 2, rowLabels: ["1", "2"], rowLengths: [2, 2], aislesAfter: [],
      x: expect.any(Number), y: expect.any(Number), width: expect.any(Number), height: expect.any(Number), rotation: expect.any(Number),
    });
    expect(body.totalSeats).toBe(24);
    expect(body.availableSeats).toBe(24);
    const [row] = await db().$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM seats WHERE performance_id = ${performanceId}::uuid`;
    expect(body.totalSeats).toBe(row!.count);
  });

  it("applies the seat list's admission rules, and answers 404 for an unknown performance", async () => {
    const { performanceId, fans: [fan] } = await arenaWithFans(1);
    const { fans: [fanOfAnotherConcert] } = await arenaWithFans(1);

    expect((await requestSections({ ...fan!, headers: {} }, performanceId)).status).toBe(401);
    expect((await requestSections(fanOfAnotherConcert!, performanceId)).status).toBe(401);
    const unknown = await requestSections(fan!, randomUUID());
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("NOT_FOUND");
  });
});

describe("GET /api/performances/{id}/seats?section=", () => {
  it("answers only that section's seats, with section, row and label, which together make the whole list", async () => {
    const { performanceId, fans: [fan] } = await arenaWithFans(1);
    const { sections } = await sectionsSeenBy(fan!, performanceId);

    const perSection = await Promise.all(sections.map((section) => seatsSeenBy(fan!, performanceId, section.id)));

    perSection.forEach((seats, index) => {
      expect(seats).toHaveLength(sections[index]!.totalSeats);
      expect(seats.every((seat) => seat.sectionId === sections[index]!.id && seat.sectionName === sections[index]!.name)).toBe(true);
    });
    expect(perSection[2]!.map((seat) => [seat.row, seat.label])).toEqual([
      ["1", "1구역 1열 1번"], ["1", "1구역 1열 2번"], ["2", "1구역 2열 1번"], ["2", "1구역 2열 2번"],
    ]);
    expect(perSection.flat()).toEqual(await seatsSeenBy(fan!, performanceId));
  });

  it("answers 404 for an unknown section, a malformed one and a section of another venue", async () => {
    const { performanceId, fans: [fan] } = await arenaWithFans(1);
    const other = await arenaWithFans(1);
    const { sections: otherSections } = await sectionsSeenBy(other.fans[0]!, other.performanceId);

    for (const section of [randomUUID(), "not-a-section", otherSections[0]!.id]) {
      const response = await requestSeats(fan!, performanceId, { section });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("NOT_FOUND");
    }
  });

  it("takes holds across two sections, and counts the four-seat limit across sections", async () => {
    const { performanceId, fans: [fan, viewer] } = await arenaWithFans(2);
    const { sections } = await sectionsSeenBy(fan!, performanceId);
    const floor = await seatsSeenBy(fan!, performanceId, sections[0]!.id);
    const stand = await seatsSeenBy(fan!, performanceId, sections[2]!.id);

    const held = await requestHold(fan!, { performanceId, seatIds: [floor[0]!.id, floor[1]!.id, stand[0]!.id] });
    expect(held.status).toBe(201);
    const overLimit = await requestHold(fan!, { performanceId, seatIds: [stand[1]!.id, stand[2]!.id] });
    expect(overLimit.status).toBe(409);
    expect((await overLimit.json()).error.code).toBe("HOLD_LIMIT");
    expect((await requestHold(fan!, { performanceId, seatIds: [stand[1]!.id] })).status).toBe(201);

    const mine = (await seatsSeenBy(fan!, performanceId, sections[2]!.id)).filter((seat) => seat.heldByMe);
    expect(mine.map((seat) => seat.label)).toEqual(["1구역 1열 1번", "1구역 1열 2번"]);
    useMovableClock().advance(SEAT_MAP_FRESH_MS);
    const counts = await sectionsSeenBy(viewer!, performanceId);
    expect(counts.sections.map((section) => section.availableSeats)).toEqual([4, 6, 2, 4, 4]);
    expect(counts.availableSeats).toBe(20);
  });

  it("keeps the counts in step with the seat lists under concurrent holds, payments and expiry", async () => {
    const clock = useMovableClock();
    const { performanceId, fans } = await arenaWithFans(12);
    const viewer = fans.pop()!;
    const { sections } = await sectionsSeenBy(viewer, performanceId);
    const seats = await seatsSeenBy(viewer, performanceId);
    // Each fan tries two seats that overlap with the next fan's: some holds lose.
    const attempts = await Promise.all(fans.map(async (fan, index) => {
      const response = await requestHold(fan, { performanceId, seatIds: [seats[index * 2]!.id, seats[index * 2 + 3]!.id] });
      return { fan, index, response, body: response.status === 201 ? await response.json() : null };
    }));
    const won = attempts.filter((attempt) => attempt.body !== null);
    expect(won.length).toBeGreaterThan(0);
    for (const attempt of won) await fundWallet(db(), { userId: attempt.fan.userId, amount: 1_000_000 });
    const ids = (attempt: (typeof won)[number]): string[] => attempt.body.reservations.map((reservation: { id: string }) => reservation.id);
    // A third pay, a third let their holds run out, a third keep holding; all at once.
    await Promise.all(won.map(async (attempt, index) => {
      if (index % 3 === 0) expect((await pay(attempt.fan, ids(attempt))).status).toBe(201);
      if (index % 3 === 1) await backdateHolds(ids(attempt));
    }));
    clock.advance(SEAT_MAP_FRESH_MS);

    const overview = await sectionsSeenBy(viewer, performanceId);
    const lists = await Promise.all(sections.map((section) => seatsSeenBy(viewer, performanceId, section.id)));

    overview.sections.forEach((section, index) => {
      expect(section.availableSeats).toBe(lists[index]!.filter((seat) => seat.status === "AVAILABLE").length);
    });
    const [row] = await db().$queryRaw<{ live: number }[]>`
      SELECT count(*)::int AS live FROM reservations r WHERE r.performance_id = ${performanceId}::uuid AND is_live_reservation(r.status, r.expires_at)`;
    expect(overview.availableSeats).toBe(24 - row!.live);
    expect(overview.availableSeats).toBe(overview.sections.reduce((sum, section) => sum + section.availableSeats, 0));
    expect(await storedCountsDisagreeing()).toEqual([]);
  });

  it("keeps the stored sold counts exact through payments, cancellations and deletions", async () => {
    const { performanceId, fans: [fan] } = await arenaWithFans(1);
    const seats = await seatsSeenBy(fan!, performanceId);
    const held = await (await requestHold(fan!, { performanceId, seatIds: [seats[0]!.id, seats[7]!.id, seats[20]!.id] })).json();
    await fundWallet(db(), { userId: fan!.userId, amount: 1_000_000 });
    const ids = held.reservations.map((reservation: { id: string }) => reservation.id);
    expect((await pay(fan!, ids)).status).toBe(201);
    expect(await storedCountsDisagreeing()).toEqual([]);
    const [row] = await db().$queryRaw<{ sold: number }[]>`
      SELECT sum(sold_seats)::int AS sold FROM performance_section_seats WHERE performance_id = ${performanceId}::uuid`;
    expect(row!.sold).toBe(3);

    const cancelled = await call(cancelTicketRoute, testRequest("POST", `/api/tickets/${ids[0]}/cancel`, {
      cookie: fan!.cookie, headers: { "idempotency-key": randomUUID() },
    }), { reservationId: ids[0] });
    expect(cancelled.status).toBe(200);
    expect(await storedCountsDisagreeing()).toEqual([]);
    await db().$executeRaw`DELETE FROM reservations WHERE id = ${ids[1]}::uuid`;
    expect(await storedCountsDisagreeing()).toEqual([]);
  });
});

describe("the hold answer", () => {
  it("names each held seat's section, row and label", async () => {
    const { performanceId, fans: [fan] } = await arenaWithFans(1);
    const { sections } = await sectionsSeenBy(fan!, performanceId);
    const stand = await seatsSeenBy(fan!, performanceId, sections[3]!.id);

    const held = await (await requestHold(fan!, { performanceId, seatIds: [stand[3]!.id] })).json();

    expect(held.reservations[0]).toMatchObject({ seatId: stand[3]!.id, sectionId: sections[3]!.id, sectionName: "2구역", row: "2", label: "2구역 2열 2번" });
  });
});

describe("ETags of the sections and of a section's seats", () => {
  it("answers 304 with no body for the current tag, weak or strong, and 200 for an old one", async () => {
    const { performanceId, fans: [fan] } = await arenaWithFans(1);
    const first = await requestSections(fan!, performanceId);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");

    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await requestSections(fan!, performanceId, { ifNoneMatch });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
    }
    expect((await requestSections(fan!, performanceId, { ifNoneMatch: '"old"' })).status).toBe(200);
    const { sections } = await first.json();
    const seats = await requestSeats(fan!, performanceId, { section: sections[0].id });
    const seatsTag = seats.headers.get("etag")!;
    expect((await requestSeats(fan!, performanceId, { section: sections[0].id, ifNoneMatch: seatsTag })).status).toBe(304);
    // The whole list has a tag of its own.
    expect((await requestSeats(fan!, performanceId, { ifNoneMatch: seatsTag })).status).toBe(200);
  });

  it("changes a section's tag when a seat of that section changes, and only then", async () => {
    const clock = useMovableClock();
    const { performanceId, fans: [viewer, holder] } = await arenaWithFans(2);
    const { sections } = await sectionsSeenBy(viewer!, performanceId);
    const [floor, stand] = [sections[0]!.id, sections[2]!.id];
    const tagOf = async (fan: Fan, section?: string) => (await requestSeats(fan, performanceId, { section })).headers.get("etag");
    const overviewTag = async () => (await requestSections(viewer!, performanceId)).headers.get("etag");
    const before = { floor: await tagOf(viewer!, floor), stand: await tagOf(viewer!, stand), overview: await overviewTag() };

    clock.advance(SEAT_MAP_FRESH_MS);
    expect(await tagOf(viewer!, floor)).toBe(before.floor); // read again, nothing changed
    const standSeats = await seatsSeenBy(holder!, performanceId, stand);
    const held = await (await requestHold(holder!, { performanceId, seatIds: [standSeats[0]!.id] })).json();

    // The holder sees their hold at once: their own list, and its tag, change.
    expect(await tagOf(holder!, stand)).not.toBe(before.stand);
    clock.advance(SEAT_MAP_FRESH_MS);
    expect(await tagOf(viewer!, floor)).toBe(before.floor);
    const standAfterHold = await tagOf(viewer!, stand);
    expect(standAfterHold).not.toBe(before.stand);
    expect(await overviewTag()).not.toBe(before.overview);

    // The hold running out changes the stand section back, the floor still not.
    await backdateHolds([held.reservations[0].id]);
    clock.advance(SEAT_MAP_FRESH_MS);
    expect(await tagOf(viewer!, stand)).toBe(before.stand);
    expect(await tagOf(viewer!, floor)).toBe(before.floor);
    expect(await overviewTag()).toBe(before.overview);
  });
});
