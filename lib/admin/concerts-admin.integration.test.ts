import { describe, expect, it } from "vitest";
import { GET as listConcertsRoute, POST as createConcertRoute } from "@/app/api/admin/concerts/route";
import { GET as concertRoute, PATCH as editConcertRoute } from "@/app/api/admin/concerts/[concertId]/route";
import { POST as addDateRoute } from "@/app/api/admin/concerts/[concertId]/performances/route";
import { PATCH as editDateRoute } from "@/app/api/admin/performances/[performanceId]/route";
import { db } from "@/lib/db";
import { DEFAULT_ROOM_SETTINGS } from "@/lib/queue/room-defaults";
import { createUser, signedInUser } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { recordSale } from "@/lib/testing/sales";
import { insertVenue } from "@/lib/venues/venue-records";
import { toSectionSpecs } from "@/lib/venues/venue-input";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function createTestVenue(): Promise<string> {
  return insertVenue(db(), {
    name: "테스트 아레나",
    sections: toSectionSpecs([
      { name: "A구역", grade: "R", rows: 2, seatsPerRow: 5 },
      { name: "B구역", grade: "S", rows: 2, seatsPerRow: 5 },
    ]),
  });
}

async function send<Params extends Record<string, string>>(
  route: (request: Request, context: { params: Promise<Params> }) => Promise<Response>,
  method: string, path: string, cookie: string, body?: unknown, params?: Params,
) {
  const response = await call(route, testRequest(method, path, { cookie, body }), params);
  return { status: response.status, body: await response.json() };
}

async function auditCount(concertId?: string): Promise<number> {
  const [row] = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) FROM audit_entries WHERE ${concertId ?? null}::uuid IS NULL OR concert_id = ${concertId ?? null}::uuid`;
  return Number(row!.count);
}

function dateTimes(startsInDays = 10) {
  const startsAt = Date.now() + startsInDays * DAY;
  return {
    startsAt: new Date(startsAt).toISOString(),
    bookingOpensAt: new Date(Date.now() - HOUR).toISOString(),
    bookingClosesAt: new Date(startsAt - 2 * HOUR).toISOString(),
  };
}

async function concertWithDate(cookie: string) {
  const venueId = await createTestVenue();
  const created = await send(createConcertRoute, "POST", "/api/admin/concerts", cookie, {
    title: "새 공연", artist: "가수", description: "설명", venueId, prices: { R: 100_000, S: 70_000 }, reason: "판매 개시",
  });
  const concertId = created.body.concert.id as string;
  const date = await send(addDateRoute, "POST", `/api/admin/concerts/${concertId}/performances`, cookie, { ...dateTimes(), reason: "회차 추가" }, { concertId });
  return { concertId, venueId, performanceId: date.body.performance.id as string, created, date };
}

describe("POST /api/admin/concerts and /performances", () => {
  it("creates a concert with a default room opening at once and a date with its seats, each audited", async () => {
    const operator = await signedInUser(db(), "ADMIN");
    const before = Date.now();
    const { concertId, performanceId, created, date } = await concertWithDate(operator.cookie);
    expect(created.status).toBe(201);
    expect(created.body.concert).toMatchObject({ title: "새 공연", prices: { R: 100_000, S: 70_000 }, isPaused: false, performances: [] });
    const room = await db().waitingRoom.findUniqueOrThrow({ where: { concertId } });
    expect(room).toMatchObject(DEFAULT_ROOM_SETTINGS);
    expect(room.opensAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(room.opensAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);

    expect(date.status).toBe(201);
    expect(date.body.performance).toMatchObject({ id: performanceId, totalSeats: 20, soldSeats: 0 });
    const prices = await db().$queryRaw<{ grade: string; price: bigint; seats: bigint }[]>`
      SELECT grade, price, count(*) AS seats FROM seats WHERE performance_id = ${performanceId}::uuid GROUP BY grade, price ORDER BY grade`;
    expect(prices).toEqual([{ grade: "R", price: 100_000n, seats: 10n }, { grade: "S", price: 70_000n, seats: 10n }]);
    const actions = await db().auditEntry.findMany({ where: { concertId }, orderBy: { id: "asc" }, select: { action: true, reason: true } });
    expect(actions).toEqual([{ action: "concert.create", reason: "판매 개시" }, { action: "performance.create", reason: "회차 추가" }]);

    const listed = await send(listConcertsRoute, "GET", "/api/admin/concerts", operator.cookie);
    expect(listed.body.concerts.find((concert: { id: string }) => concert.id === concertId).performances).toHaveLength(1);
    const one = await send(concertRoute, "GET", `/api/admin/concerts/${concertId}`, operator.cookie, undefined, { concertId });
    expect(one.body.concert.performances[0]).toMatchObject({ id: performanceId, totalSeats: 20 });
  });

  it("opens the room at opensAt when given", async () => {
    const operator = await signedInUser(db(), "ADMIN");
    const opensAt = new Date(Date.now() + DAY);
    const created = await send(createConcertRoute, "POST", "/api/admin/concerts", operator.cookie, {
      title: "예정 공연", artist: "가수", venueId: await createTestVenue(), prices: { R: 1, S: 0 }, reason: "예고", opensAt: opensAt.toISOString(),
    });
    expect(created.body.concert.roomOpensAt).toBe(opensAt.toISOString());
  });

  it.each([
    ["a grade without a price", { prices: { R: 100_000 } }, "prices.S"],
    ["a grade the venue does not have", { prices: { R: 1, S: 1, VIP: 1 } }, "prices.VIP"],
    ["a negative price", { prices: { R: -1, S: 1 } }, "prices.R"],
    ["an unknown venue", { venueId: "00000000-0000-4000-8000-000000000000" }, "venueId"],
    ["no reason", { reason: "" }, "reason"],
  ])("refuses %s with 422 and writes nothing", async (_label, overrides, field) => {
    const operator = await signedInUser(db(), "ADMIN");
    const title = `거절 ${crypto.randomUUID()}`;
    const audits = await auditCount();
    const refused = await send(createConcertRoute, "POST", "/api/admin/concerts", operator.cookie, {
      title, artist: "가수", venueId: await createTestVenue(), prices: { R: 1, S: 1 }, reason: "확인", ...overrides,
    });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.error.details.fields)).toContain(field);
    expect(await db().concert.count({ where: { title } })).toBe(0);
    expect(await auditCount()).toBe(audits);
  });

  it("refuses a date whose booking window does not fit or that starts in the past, writing nothing", async () => {
    const operator = await signedInUser(db(), "ADMIN");
    const { concertId } = await concertWithDate(operator.cookie);
    const audits = await auditCount(concertId);
    const cases = [
      { ...dateTimes(), bookingClosesAt: new Date(Date.now() + 20 * DAY).toISOString() },
      { ...dateTimes(), bookingOpensAt: new Date(Date.now() + 30 * DAY).toISOString() },
      { startsAt: new Date(Date.now() - HOUR).toISOString(), bookingOpensAt: new Date(Date.now() - 3 * HOUR).toISOString(), bookingClosesAt: new Date(Date.now() - 2 * HOUR).toISOString() },
    ];
    for (const times of cases) {
      const refused = await send(addDateRoute, "POST", `/api/admin/concerts/${concertId}/performances`, operator.cookie, { ...times, reason: "추가" }, { concertId });
      expect(refused.status).toBe(422);
    }
    expect(await db().performance.count({ where: { concertId } })).toBe(1);
    expect(await auditCount(concertId)).toBe(audits);
    const unknown = "00000000-0000-4000-8000-000000000000";
    const missing = await send(addDateRoute, "POST", `/api/admin/concerts/${unknown}/performances`, operator.cookie, { ...dateTimes(), reason: "추가" }, { concertId: unknown });
    expect(missing.status).toBe(404);
  });
});

describe("PATCH /api/admin/concerts/{id} and /api/admin/performances/{id}", () => {
  it("edits the text and re-prices an unsold grade on every date; a sold grade keeps its price with 409 SEATS_SOLD", async () => {
    const operator = await signedInUser(db(), "ADMIN");
    const { concertId, performanceId } = await concertWithDate(operator.cookie);
    const path = `/api/admin/concerts/${concertId}`;
    const edited = await send(editConcertRoute, "PATCH", path, operator.cookie, { title: "바뀐 제목", prices: { S: 60_000 }, reason: "가격 조정" }, { concertId });
    expect(edited.status).toBe(200);
    expect(edited.body.concert).toMatchObject({ title: "바뀐 제목", prices: { R: 100_000, S: 60_000 } });
    const [sPrice] = await db().$queryRaw<{ price: bigint }[]>`SELECT DISTINCT price FROM seats WHERE performance_id = ${performanceId}::uuid AND grade = 'S'`;
    expect(sPrice!.price).toBe(60_000n);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { concertId, action: "concert.update" } });
    expect(entry.before).toMatchObject({ title: "새 공연", prices: { S: 70_000 } });
    expect(entry.after).toMatchObject({ title: "바뀐 제목", prices: { S: 60_000 } });

    const fan = await createUser(db());
    await recordSale(db(), { userId: fan.id, performanceId, seatNumbers: [11] });
    const audits = await auditCount(concertId);
    const refused = await send(editConcertRoute, "PATCH", path, operator.cookie, { title: "또 바뀐 제목", prices: { S: 50_000 }, reason: "인하" }, { concertId });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("SEATS_SOLD");
    expect((await db().concert.findUniqueOrThrow({ where: { id: concertId } })).title).toBe("바뀐 제목");
    expect(await auditCount(concertId)).toBe(audits);
    const rPrice = await send(editConcertRoute, "PATCH", path, operator.cookie, { prices: { R: 90_000 }, reason: "R석 인하" }, { concertId });
    expect(rPrice.status).toBe(200);
  });

  it("moves an unsold date; a sold date keeps its start (409 SEATS_SOLD) but its booking window may move", async () => {
    const operator = await signedInUser(db(), "ADMIN");
    const { concertId, performanceId } = await concertWithDate(operator.cookie);
    const path = `/api/admin/performances/${performanceId}`;
    const moved = dateTimes(12);
    const ok = await send(editDateRoute, "PATCH", path, operator.cookie, { ...moved, reason: "일정 변경" }, { performanceId });
    expect(ok.status).toBe(200);
    expect(ok.body.performance).toMatchObject({ id: performanceId, startsAt: moved.startsAt, totalSeats: 20 });

    const fan = await createUser(db());
    await recordSale(db(), { userId: fan.id, performanceId, seatNumbers: [1, 2] });
    const audits = await auditCount(concertId);
    const refused = await send(editDateRoute, "PATCH", path, operator.cookie, { startsAt: dateTimes(14).startsAt, reason: "연기" }, { performanceId });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("SEATS_SOLD");
    expect(await auditCount(concertId)).toBe(audits);

    const closeEarly = new Date(Date.now() + HOUR).toISOString();
    const closed = await send(editDateRoute, "PATCH", path, operator.cookie, { bookingClosesAt: closeEarly, reason: "조기 마감" }, { performanceId });
    expect(closed.status).toBe(200);
    expect(closed.body.performance).toMatchObject({ startsAt: moved.startsAt, bookingClosesAt: closeEarly, soldSeats: 2 });

    const unfit = await send(editDateRoute, "PATCH", path, operator.cookie, { bookingOpensAt: new Date(Date.now() + 2 * HOUR).toISOString(), reason: "x" }, { performanceId });
    expect(unfit.status).toBe(422);
  });
});
