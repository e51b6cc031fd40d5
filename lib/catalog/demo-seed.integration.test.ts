import { describe, expect, it } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { listConcerts } from "@/lib/catalog/list-concerts";
import { db } from "@/lib/db";
import { call, testRequest } from "@/lib/testing/http";
import { countInvariantViolations, NO_VIOLATIONS } from "@/lib/testing/ledger";
import { arenaSeatCount } from "@/lib/venues/arena-layout";
import { DEMO_CONCERTS, DEMO_USERS, SEAT_GRADES } from "@/prisma/seed-data";
import { seedDemoData, seoulTime } from "@/prisma/seed";

const TABLES = [
  "users", "concerts", "waiting_rooms", "performances", "seats", "reservations",
  "payments", "wallets", "wallet_entries", "sessions", "queue_tokens", "idempotency_records",
] as const;

async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await db().$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) AS count FROM ${table}`);
    counts[table] = Number(row!.count);
  }
  return counts;
}

const ARENA_CONCERT = DEMO_CONCERTS.find((concert) => concert.arena)!;

describe("seedDemoData", () => {
  it("creates the demo catalogue and accounts once, even when two processes seed at the same time", async () => {
    const summaries = await Promise.all([seedDemoData(db()), seedDemoData(db())]);
    expect(summaries.flatMap((summary) => summary.createdConcerts)).toHaveLength(DEMO_CONCERTS.length);
    expect(summaries.flatMap((summary) => summary.createdUsers).sort()).toEqual(
      ["admin@encore.test", "fan1@encore.test", "fan2@encore.test", "sold-out-demo@encore.test"],
    );

    const concerts = await listConcerts(db());
    expect(concerts.length).toBeGreaterThanOrEqual(4);
    const statuses = concerts.map((concert) => concert.status);
    expect(statuses.filter((status) => status === "SOLD_OUT")).toHaveLength(1);
    expect(statuses.filter((status) => status === "OPENS_SOON")).toHaveLength(1);
    expect(statuses.filter((status) => status === "ON_SALE").length).toBeGreaterThanOrEqual(2);
    const upcoming = concerts.find((concert) => concert.status === "OPENS_SOON")!;
    const hoursToOpening = (new Date(upcoming.opensAt!).getTime() - Date.now()) / 3_600_000;
    expect(hoursToOpening).toBeGreaterThan(24);
    expect(hoursToOpening).toBeLessThan(72);
    for (const concert of concerts) {
      expect(concert.title).toMatch(/[가-힣]/);
      expect(new Date(concert.firstPerformanceAt).getTime()).toBeGreaterThan(Date.now());
    }

    const performances = await db().$queryRaw<{ concert_id: string; performances: bigint }[]>`
      SELECT concert_id, count(*) AS performances FROM performances GROUP BY concert_id`;
    for (const row of performances) expect(Number(row.performances)).toBeGreaterThanOrEqual(3);
    for (const row of performances) expect(Number(row.performances)).toBeLessThanOrEqual(5);

    const seatLayouts = await db().$queryRaw<{ layout: string }[]>`
      SELECT string_agg(s.grade || ':' || s.number || ':' || s.price, ',' ORDER BY s.number) AS layout
      FROM seats s JOIN performances p ON p.id = s.performance_id JOIN concerts c ON c.id = p.concert_id
      WHERE c.title <> ${ARENA_CONCERT.title}
      GROUP BY s.performance_id`;
    const expectedLayout = SEAT_GRADES.flatMap(({ grade, from, to, price }) =>
      Array.from({ length: to - from + 1 }, (_, index) => `${grade}:${from + index}:${price}`),
    ).join(",");
    expect(new Set(seatLayouts.map((row) => row.layout))).toEqual(new Set([expectedLayout]));

    // The arena: about 15,000 seats in more than 20 sections on each of its dates, every grade priced.
    const arenaDates = await db().$queryRaw<{ seats: number; sections: number; grades: string[] }[]>`
      SELECT count(*)::int AS seats, count(DISTINCT s.section_id)::int AS sections, array_agg(DISTINCT s.grade ORDER BY s.grade) AS grades
      FROM seats s JOIN performances p ON p.id = s.performance_id JOIN concerts c ON c.id = p.concert_id
      WHERE c.title = ${ARENA_CONCERT.title} GROUP BY s.performance_id`;
    expect(arenaDates).toHaveLength(3);
    for (const date of arenaDates) {
      expect(date.seats).toBe(arenaSeatCount(ARENA_CONCERT.arena!.plan));
      expect(date.seats).toBeGreaterThan(14_000);
      expect(date.sections).toBeGreaterThan(20);
      expect(date.grades).toEqual(Object.keys(ARENA_CONCERT.arena!.prices).sort());
    }
    expect(concerts.find((concert) => concert.title === ARENA_CONCERT.title)?.status).toBe("ON_SALE");

    const rooms = await db().waitingRoom.findMany({
      select: { capacity: true, admissionWindowSeconds: true, claimWindowSeconds: true },
    });
    expect(rooms).toHaveLength(concerts.length);
    for (const room of rooms) expect(room).toEqual({ capacity: 100, admissionWindowSeconds: 600, claimWindowSeconds: 60 });

    // The sold-out concert was paid for like any purchase: the ledger adds up.
    expect(await countInvariantViolations(db())).toEqual(NO_VIOLATIONS);
  });

  it("changes nothing when run again", async () => {
    const before = await tableCounts();
    const concertIds = (await listConcerts(db())).map((concert) => concert.id);
    const summary = await seedDemoData(db());
    expect(summary).toEqual({ createdUsers: [], createdConcerts: [] });
    expect(await tableCounts()).toEqual(before);
    expect((await listConcerts(db())).map((concert) => concert.id)).toEqual(concertIds);
  });

  it.each(DEMO_USERS.map((user) => [user.email, user] as const))("lets %s sign in with the documented password", async (_email, user) => {
    const response = await call(signInRoute, testRequest("POST", "/api/auth/sign-in", {
      body: { email: user.email, password: user.password },
    }));
    expect(response.status).toBe(200);
    expect((await response.json()).user).toMatchObject({ email: user.email, role: user.role });
  });
});

describe("seoulTime", () => {
  it("places a local Seoul time on the right day, across the UTC date line", () => {
    // 23:30 UTC on 1 Dec is already 2 Dec 08:30 in Seoul.
    const now = new Date("2026-12-01T23:30:00Z");
    expect(seoulTime(now, 0, "19:30").toISOString()).toBe("2026-12-02T10:30:00.000Z");
    expect(seoulTime(now, 3, "09:00").toISOString()).toBe("2026-12-05T00:00:00.000Z");
    expect(seoulTime(now, -1, "20:00").toISOString()).toBe("2026-12-01T11:00:00.000Z");
  });
});
