// The live view: exact counts against the tables, one statement per refresh,
// shared by every operator watching in the process for about a second.
import { describe, expect, it } from "vitest";
import { GET as liveRoute } from "@/app/api/admin/concerts/[concertId]/live/route";
import { LIVE_FRESH_MS } from "@/lib/admin/live-snapshot";
import { db } from "@/lib/db";
import { useMovableClock } from "@/lib/testing/clock";
import { createConcert, createUser, signedInUser } from "@/lib/testing/fixtures";
import { createHolds } from "@/lib/testing/holds";
import { call, testRequest } from "@/lib/testing/http";
import { fillLine, recordDatabaseStatements } from "@/lib/testing/queue";
import { recordSale } from "@/lib/testing/sales";

const log = recordDatabaseStatements();
const LIVE_READ = /\bAS per_minute\b/;
const liveReads = () => log.statements.filter((sql) => LIVE_READ.test(sql)).length;

async function live(cookie: string, concertId: string) {
  const response = await call(liveRoute, testRequest("GET", `/api/admin/concerts/${concertId}/live`, { cookie }), { concertId });
  expect(response.status).toBe(200);
  return response.json();
}

describe("GET /api/admin/concerts/{id}/live", () => {
  it("counts the line, the seats, the revenue and the last hour exactly as the tables hold them", async () => {
    const clock = useMovableClock();
    const operator = await signedInUser(db(), "ADMIN");
    const { concertId, performanceIds } = await createConcert(db(), { performances: 2, seatsPerPerformance: 20, room: { capacity: 3 } });
    await fillLine(concertId, 30);
    // Three admitted, two who left the line beyond the counter, one skipped below it.
    await db().$executeRaw`
      UPDATE queue_tokens SET status = 'ADMITTED', admitted_at = now(), admitted_until = now() + interval '10 minutes', claim_by = now() + interval '1 minute'
      WHERE concert_id = ${concertId}::uuid AND ticket IN (1, 2, 4)`;
    await db().$executeRaw`UPDATE waiting_rooms SET serving_counter = 4 WHERE concert_id = ${concertId}::uuid`;
    await db().$executeRaw`
      UPDATE queue_tokens SET status = 'ENDED', end_reason = 'LEFT', ended_at = now() WHERE concert_id = ${concertId}::uuid AND ticket IN (10, 11)`;
    const fan = await createUser(db());
    await recordSale(db(), { userId: fan.id, performanceId: performanceIds[0]!, seatNumbers: [1, 2, 15] });
    await recordSale(db(), { userId: fan.id, performanceId: performanceIds[1]!, seatNumbers: [20] });
    await createHolds(db(), { userId: fan.id, performanceId: performanceIds[0]!, seatNumbers: [5, 6] });
    await createHolds(db(), { userId: fan.id, performanceId: performanceIds[1]!, seatNumbers: [7], expiresInMs: -1_000 });

    const body = await live(operator.cookie, concertId);
    const [truth] = await db().$queryRaw<Record<string, bigint>[]>`
      SELECT (SELECT count(*) FROM queue_tokens WHERE concert_id = ${concertId}::uuid AND status = 'WAITING') AS waiting,
             (SELECT count(*) FROM queue_tokens WHERE concert_id = ${concertId}::uuid AND status = 'ADMITTED') AS admitted,
             (SELECT count(*) FROM seats WHERE performance_id = ANY(${performanceIds}::uuid[])) AS total,
             (SELECT count(*) FROM reservations WHERE performance_id = ANY(${performanceIds}::uuid[]) AND status = 'CONFIRMED') AS sold,
             (SELECT count(*) FROM reservations WHERE performance_id = ANY(${performanceIds}::uuid[]) AND status = 'HELD' AND expires_at > now()) AS held,
             (SELECT sum(price) FROM reservations WHERE performance_id = ANY(${performanceIds}::uuid[]) AND status = 'CONFIRMED') AS revenue,
             (SELECT count(*) FROM reservations WHERE performance_id = ANY(${performanceIds}::uuid[])) AS holds_made,
             (SELECT count(*) FROM payments p WHERE EXISTS (SELECT 1 FROM reservations r WHERE r.payment_id = p.id AND r.performance_id = ANY(${performanceIds}::uuid[]))) AS payments`;
    expect(body.room).toEqual({ waiting: 25, admitted: 3, isPaused: false, lastTicket: 30, servingCounter: 4 });
    expect(body.room.waiting).toBe(Number(truth!.waiting));
    expect(body.room.admitted).toBe(Number(truth!.admitted));
    expect(body.seats).toEqual({ total: 40, sold: 4, held: 2, available: 34 });
    expect(body.seats.total).toBe(Number(truth!.total));
    expect(body.seats.sold).toBe(Number(truth!.sold));
    expect(body.seats.held).toBe(Number(truth!.held));
    expect(body.revenue).toBe(Number(truth!.revenue));
    expect(body.dates.map((date: { sold: number; held: number }) => [date.sold, date.held])).toEqual([[3, 2], [1, 0]]);
    type SectionCounts = { name: string; total: number; sold: number; held: number; available: number };
    const heat = (index: number) => body.dates[index].sections.map(({ name, total, sold, held, available }: SectionCounts) => ({ name, total, sold, held, available }));
    expect(heat(0)).toEqual([
      { name: "VIP석", total: 10, sold: 2, held: 2, available: 6 },
      { name: "R석", total: 10, sold: 1, held: 0, available: 9 },
    ]);
    expect(heat(1)).toEqual([
      { name: "VIP석", total: 10, sold: 0, held: 0, available: 10 },
      { name: "R석", total: 10, sold: 1, held: 0, available: 9 },
    ]);

    expect(body.perMinute).toHaveLength(60);
    const totals = (field: string) => body.perMinute.reduce((sum: number, minute: Record<string, number>) => sum + minute[field]!, 0);
    expect(totals("joins")).toBe(30);
    expect(totals("admissions")).toBe(3);
    expect(totals("holds")).toBe(Number(truth!.holds_made));
    expect(totals("seatsSold")).toBe(4);
    expect(totals("payments")).toBe(Number(truth!.payments));

    // The counts move only with a new read: after the freshness, a new sale shows.
    await recordSale(db(), { userId: fan.id, performanceId: performanceIds[1]!, seatNumbers: [19] });
    expect((await live(operator.cookie, concertId)).seats.sold).toBe(4);
    clock.advance(LIVE_FRESH_MS + 1);
    expect((await live(operator.cookie, concertId)).seats.sold).toBe(5);
  });

  it("reads the database once per refresh, however many operators watch at once", async () => {
    const clock = useMovableClock();
    const operator = await signedInUser(db(), "ADMIN");
    const { concertId } = await createConcert(db(), { performances: 1, seatsPerPerformance: 10 });
    const before = liveReads();
    await Promise.all(Array.from({ length: 50 }, () => live(operator.cookie, concertId)));
    expect(liveReads() - before).toBe(1);
    clock.advance(LIVE_FRESH_MS + 1);
    await Promise.all(Array.from({ length: 50 }, () => live(operator.cookie, concertId)));
    expect(liveReads() - before).toBe(2);
  });
});
