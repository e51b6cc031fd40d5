import { describe, expect, it } from "vitest";
import { GET as getConcertRoute } from "@/app/api/concerts/[concertId]/route";
import { GET as listConcertsRoute } from "@/app/api/concerts/route";
import { CATALOG_FRESH_MS, catalogSnapshot, createCatalogSnapshot } from "@/lib/catalog/catalog-snapshot";
import { createCatalogConcert, sellOutPerformance } from "@/lib/catalog/catalog-test-kit";
import { db } from "@/lib/db";
import { createUser } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { recordDatabaseStatements } from "@/lib/testing/queue";

const recorded = recordDatabaseStatements();
const CATALOG_READ = /WITH per_concert AS \(/;
const CONCURRENT_REQUESTS = 100;

function catalogReads(): number {
  return recorded.statements.filter((statement) => CATALOG_READ.test(statement)).length;
}

describe("the catalogue snapshot", () => {
  it("answers many concurrent list and detail requests with one statement and the same answer", async () => {
    const { concertId } = await createCatalogConcert(db(), { title: "동시 요청", performanceDays: [7, 8, 9], seatsPerPerformance: 50 });
    const before = catalogReads();

    const responses = await Promise.all(Array.from({ length: CONCURRENT_REQUESTS }, (_, index) =>
      index % 2 === 0
        ? call(listConcertsRoute, testRequest("GET", "/api/concerts"))
        : call(getConcertRoute, testRequest("GET", `/api/concerts/${concertId}`), { concertId }),
    ));

    expect(responses.map((response) => response.status)).toEqual(Array(CONCURRENT_REQUESTS).fill(200));
    expect(catalogReads() - before).toBe(1);
    const lists = await Promise.all(responses.filter((_, index) => index % 2 === 0).map((response) => response.text()));
    expect(new Set(lists).size).toBe(1);
    expect(JSON.parse(lists[0]!).concerts.map((concert: { id: string }) => concert.id)).toContain(concertId);
  });

  it("shows a change only once the clock has moved a full second past the last read, or at once when told", async () => {
    let nowMs = 1_000_000;
    const snapshot = createCatalogSnapshot({ now: () => nowMs });
    const buyer = await createUser(db());
    const { concertId, performanceIds } = await createCatalogConcert(db(), { title: "시계", performanceDays: [10] });
    const statusOf = async () => (await snapshot.read(db())).details.get(concertId)?.status;
    expect(await statusOf()).toBe("ON_SALE");
    const readsAfterFirst = catalogReads();

    await sellOutPerformance(db(), { performanceId: performanceIds[0]!, userId: buyer.id });
    nowMs += CATALOG_FRESH_MS - 1;
    expect(await statusOf()).toBe("ON_SALE");
    expect(catalogReads()).toBe(readsAfterFirst);

    nowMs += 1;
    expect(await statusOf()).toBe("SOLD_OUT");
    expect(catalogReads()).toBe(readsAfterFirst + 1);

    const added = await createCatalogConcert(db(), { title: "방금 추가", performanceDays: [12] });
    expect((await snapshot.read(db())).details.has(added.concertId)).toBe(false);
    snapshot.markStale();
    expect((await snapshot.read(db())).details.has(added.concertId)).toBe(true);
  });

  it("finds a concert added after the last read by its id, and answers unknown ids with one key lookup and no re-read", async () => {
    await catalogSnapshot().read(db());
    // Inserted without telling the snapshot, as another app process would.
    const [concert] = await db().$queryRaw<{ id: string }[]>`
      INSERT INTO concerts (title, artist, venue_id, description) VALUES ('다른 프로세스', '밴드', create_venue('홀', '[]'), '') RETURNING id::text`;
    const readsBefore = catalogReads();

    const unknownId = "00000000-0000-4000-8000-000000000001";
    const unknown = await call(getConcertRoute, testRequest("GET", `/api/concerts/${unknownId}`), { concertId: unknownId });
    expect(unknown.status).toBe(404);
    expect(catalogReads()).toBe(readsBefore);

    const found = await call(getConcertRoute, testRequest("GET", `/api/concerts/${concert!.id}`), { concertId: concert!.id });
    expect(found.status).toBe(200);
    expect((await found.json()).concert).toMatchObject({ id: concert!.id, performances: [], status: "ENDED" });
    expect(catalogReads()).toBe(readsBefore + 1);
  });

  it("reads the price tiers and dates of a 4,000-seat concert", async () => {
    const snapshot = createCatalogSnapshot();
    const { concertId } = await createCatalogConcert(db(), { title: "대형", performanceDays: [20, 21], seatsPerPerformance: 2_000 });
    const detail = (await snapshot.read(db())).details.get(concertId)!;
    expect(detail.priceTiers).toEqual([
      { grade: "VIP", price: 150_000 },
      { grade: "R", price: 110_000 },
      { grade: "S", price: 80_000 },
    ]);
    expect(detail.performances.map((performance) => performance.isSoldOut)).toEqual([false, false]);
  });
});
