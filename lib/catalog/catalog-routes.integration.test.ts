import { describe, expect, it } from "vitest";
import { GET as getConcertRoute } from "@/app/api/concerts/[concertId]/route";
import { GET as listConcertsRoute } from "@/app/api/concerts/route";
import { createCatalogConcert, sellOutPerformance } from "@/lib/catalog/catalog-test-kit";
import { concertListResponse, concertResponse } from "@/lib/catalog/schemas";
import { db } from "@/lib/db";
import { createUser } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";

async function listConcerts() {
  const response = await call(listConcertsRoute, testRequest("GET", "/api/concerts"));
  expect(response.status).toBe(200);
  return concertListResponse.parse(await response.json()).concerts;
}

async function fetchConcert(concertId: string) {
  return call(getConcertRoute, testRequest("GET", `/api/concerts/${concertId}`), { concertId });
}

describe("GET /api/concerts", () => {
  it("lists concerts with performances by first performance, with the docs/API.md fields and a sale status", async () => {
    const later = await createCatalogConcert(db(), { title: "나중 공연", performanceDays: [20, 21] });
    const sooner = await createCatalogConcert(db(), { title: "먼저 공연", performanceDays: [9, 5, 7] });
    await createCatalogConcert(db(), { title: "일정 없는 공연", performanceDays: [] });

    const concerts = await listConcerts();
    expect(concerts.map((concert) => concert.title)).toEqual(["먼저 공연", "나중 공연"]);
    const [first] = concerts;
    expect(first).toEqual({
      id: sooner.concertId,
      title: "먼저 공연",
      artist: "테스트 밴드",
      venue: "테스트 아트홀",
      firstPerformanceAt: expect.any(String),
      lastPerformanceAt: expect.any(String),
      status: "ON_SALE",
      opensAt: expect.any(String),
    });
    const span = new Date(first!.lastPerformanceAt).getTime() - new Date(first!.firstPerformanceAt).getTime();
    expect(span).toBe(4 * 86_400_000);
    expect(first!.firstPerformanceAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(concerts[1]!.id).toBe(later.concertId);
  });

  it("tells opening-soon, sold-out and ended concerts apart", async () => {
    const buyer = await createUser(db());
    const upcoming = await createCatalogConcert(db(), { title: "오픈 예정", opensInDays: 2, performanceDays: [30] });
    const noRoom = await createCatalogConcert(db(), { title: "대기열 없음", opensInDays: null, performanceDays: [31] });
    const soldOut = await createCatalogConcert(db(), { title: "매진", performanceDays: [10, 11] });
    for (const performanceId of soldOut.performanceIds) await sellOutPerformance(db(), { performanceId, userId: buyer.id });
    const partly = await createCatalogConcert(db(), { title: "일부 매진", performanceDays: [12, 13] });
    await sellOutPerformance(db(), { performanceId: partly.performanceIds[0]!, userId: buyer.id });
    // Only the performance still on sale counts: a past, sold-out one does not make the concert sold out.
    const pastSoldOut = await createCatalogConcert(db(), { title: "지난 회차 매진", performanceDays: [-3, 14] });
    await sellOutPerformance(db(), { performanceId: pastSoldOut.performanceIds[0]!, userId: buyer.id });
    await createCatalogConcert(db(), { title: "종료", performanceDays: [-10, -9] });
    // A hold is not a sale: all seats held still leaves the concert on sale.
    const held = await createCatalogConcert(db(), { title: "홀드만", performanceDays: [15], seatsPerPerformance: 1 });
    await db().$executeRaw`
      INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at)
      SELECT id, performance_id, ${buyer.id}::uuid, price, 'HELD', now() + interval '5 minutes' FROM seats
      WHERE performance_id = ${held.performanceIds[0]!}::uuid`;

    const byTitle = Object.fromEntries((await listConcerts()).map((concert) => [concert.title, concert]));
    expect(byTitle["오픈 예정"]).toMatchObject({ id: upcoming.concertId, status: "OPENS_SOON" });
    expect(new Date(byTitle["오픈 예정"]!.opensAt!).getTime()).toBeGreaterThan(Date.now());
    expect(byTitle["대기열 없음"]).toMatchObject({ id: noRoom.concertId, status: "OPENS_SOON", opensAt: null });
    expect(byTitle["매진"]!.status).toBe("SOLD_OUT");
    expect(byTitle["일부 매진"]!.status).toBe("ON_SALE");
    expect(byTitle["지난 회차 매진"]!.status).toBe("ON_SALE");
    expect(byTitle["종료"]!.status).toBe("ENDED");
    expect(byTitle["홀드만"]!.status).toBe("ON_SALE");
  });
});

describe("GET /api/concerts/{concertId}", () => {
  it("answers the concert with its performances in date order, sold-out ones marked, and its price tiers", async () => {
    const buyer = await createUser(db());
    const { concertId, performanceIds } = await createCatalogConcert(db(), { title: "상세", performanceDays: [8, 6, -1] });
    await sellOutPerformance(db(), { performanceId: performanceIds[0]!, userId: buyer.id });

    const response = await fetchConcert(concertId);
    expect(response.status).toBe(200);
    const { concert } = concertResponse.parse(await response.json());
    expect(concert).toMatchObject({
      id: concertId,
      title: "상세",
      artist: "테스트 밴드",
      venue: "테스트 아트홀",
      description: "첫 줄\n둘째 줄",
      status: "ON_SALE",
      admissionWindowSeconds: 600,
      claimWindowSeconds: 60,
    });
    expect(concert.performances.map((performance) => performance.id)).toEqual([
      performanceIds[2], performanceIds[1], performanceIds[0],
    ]);
    expect(concert.performances.map(({ isSoldOut, isOnSale }) => ({ isSoldOut, isOnSale }))).toEqual([
      { isSoldOut: false, isOnSale: false },
      { isSoldOut: false, isOnSale: true },
      { isSoldOut: true, isOnSale: true },
    ]);
    expect(concert.priceTiers).toEqual([
      { grade: "VIP", price: 150_000 },
      { grade: "R", price: 110_000 },
      { grade: "S", price: 80_000 },
    ]);
  });

  it.each([
    ["an unknown id", "00000000-0000-4000-8000-000000000000"],
    ["a malformed id", "not-a-uuid"],
    ["an SQL-looking id", "1' OR '1'='1"],
    ["a numeric id", "42"],
    ["an overlong id", "a".repeat(10_000)],
  ])("answers %s with 404 NOT_FOUND", async (_what, concertId) => {
    const response = await fetchConcert(concertId);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
  });
});
