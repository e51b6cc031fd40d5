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
import { sqlPoolOf } from "@/lib/db/client";
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
    expect(body.room).toMatchObject({ waiting: 25, admitted: 3, isPaused: false, lastTicket: 30, servingCounter: 4, noShows: 0 });
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

describe("the live line: no-shows and the ETA", () => {
  it("counts as no-shows the admitted fans who never claimed their turn, ended by the sweep or not yet", async () => {
    const clock = useMovableClock();
    const operator = await signedInUser(db(), "ADMIN");
    const { concertId } = await createConcert(db(), { performances: 1, seatsPerPerformance: 10, room: { capacity: 10 } });
    await db().$executeRaw`
      UPDATE waiting_rooms SET opens_at = now() - interval '1 hour', admission_rate_per_minute = 60, admission_window_seconds = 600
      WHERE concert_id = ${concertId}::uuid`;
    await fillLine(concertId, 100);
    // Tickets 1–5 were admitted two minutes ago: 1 and 2 never came (the sweep ended them), 3 came and ran out of
    // time, 4 has not come and its claim window is over (not swept yet), 5 came and is buying.
    await db().$executeRaw`
      UPDATE queue_tokens SET status = 'ADMITTED', admitted_at = now() - interval '2 minutes', admitted_until = now() + interval '8 minutes',
             claim_by = CASE WHEN ticket = 4 THEN now() - interval '1 second' ELSE now() + interval '1 minute' END,
             claimed_at = CASE WHEN ticket IN (3, 5) THEN now() - interval '1 minute' END
      WHERE concert_id = ${concertId}::uuid AND ticket <= 5`;
    await db().$executeRaw`
      UPDATE queue_tokens SET status = 'ENDED', ended_at = now(), end_reason = CASE WHEN ticket = 3 THEN 'EXPIRED' ELSE 'ABANDONED' END::"QueueEndReason"
      WHERE concert_id = ${concertId}::uuid AND ticket <= 3`;
    await db().$executeRaw`UPDATE waiting_rooms SET serving_counter = 5 WHERE concert_id = ${concertId}::uuid`;

    const { room } = await live(operator.cookie, concertId);
    const [truth] = await db().$queryRaw<{ no_shows: bigint }[]>`
      SELECT count(*) AS no_shows FROM queue_tokens
      WHERE concert_id = ${concertId}::uuid AND claimed_at IS NULL AND (end_reason = 'ABANDONED' OR (status = 'ADMITTED' AND claim_by <= now()))`;
    expect(room.noShows).toBe(3);
    expect(room.noShows).toBe(Number(truth!.no_shows));
    // 95 waiting at the last five minutes' pace of 5 admissions per 300 s.
    expect(room.waiting).toBe(95);
    expect(room.etaSeconds).toBe(Math.ceil(95 / (5 / 300)));

    await db().$executeRaw`UPDATE waiting_rooms SET is_paused = true WHERE concert_id = ${concertId}::uuid`;
    clock.advance(LIVE_FRESH_MS + 1);
    expect((await live(operator.cookie, concertId)).room.etaSeconds).toBeNull();
  });

  it("reads as many rows of the line with 2,000 more fans waiting: one statement, its cost not growing with the waiters", async () => {
    const clock = useMovableClock();
    const operator = await signedInUser(db(), "ADMIN");
    const { concertId } = await createConcert(db(), { performances: 1, seatsPerPerformance: 10, room: { capacity: 5 } });
    await fillLine(concertId, 20);
    await db().$executeRaw`
      UPDATE queue_tokens SET status = 'ADMITTED', admitted_at = now(), admitted_until = now() + interval '10 minutes', claim_by = now() + interval '1 minute'
      WHERE concert_id = ${concertId}::uuid AND ticket <= 3`;
    await db().$executeRaw`UPDATE waiting_rooms SET serving_counter = 3 WHERE concert_id = ${concertId}::uuid`;

    const small = await refreshCost(operator.cookie, concertId);
    await fillLine(concertId, 2_000);
    // They joined more than an hour ago, beyond the per-minute charts: what is left to read is the line itself.
    await db().$executeRaw`
      UPDATE queue_tokens SET created_at = now() - interval '2 hours' WHERE concert_id = ${concertId}::uuid AND ticket > 20`;
    clock.advance(LIVE_FRESH_MS + 1);
    const large = await refreshCost(operator.cookie, concertId);

    expect(large.waiting).toBe(small.waiting + 2_000);
    expect(small.statements).toBe(1);
    expect(large.statements).toBe(1);
    // The planner may pick another index for a term as the table grows (a few rows either way); reading the line would be 2,000 more.
    expect(large.queueTokenRowsRead).toBeLessThanOrEqual(small.queueTokenRowsRead);
  });
});

type PlanNode = {
  "Relation Name"?: string; "Actual Rows"?: number; "Actual Loops"?: number;
  "Rows Removed by Filter"?: number; "Rows Removed by Index Recheck"?: number; Plans?: PlanNode[];
};

/** Rows of queue_tokens a plan's nodes read (returned or filtered out), over all their loops. */
function queueTokenRowsRead(node: PlanNode): number {
  const own = node["Relation Name"] === "queue_tokens"
    ? ((node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0)) * (node["Actual Loops"] ?? 1)
    : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + queueTokenRowsRead(child), 0);
}

/** One refresh of the live view: the statements it sent, and the rows of the line its statement reads when run again under EXPLAIN. */
async function refreshCost(cookie: string, concertId: string) {
  const first = log.statements.length;
  const body = await live(cookie, concertId);
  const sent = log.statements.slice(first).map((text, index) => ({ text, values: log.values[first + index]! })).filter(({ text }) => LIVE_READ.test(text));
  const client = await sqlPoolOf(db()).connect();
  try {
    // Without the dead versions the test's own updates leave, and with the plan a table of millions of rows gets: this
    // small one would be read whole by a sequential scan, whatever the statement asks of it.
    await client.query("VACUUM ANALYZE queue_tokens");
    await client.query("BEGIN");
    await client.query("SET LOCAL enable_seqscan = off");
    const explained = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sent[0]!.text}`, sent[0]!.values);
    await client.query("ROLLBACK");
    const [{ Plan: plan }] = explained.rows[0]["QUERY PLAN"] as [{ Plan: PlanNode }];
    return { waiting: body.room.waiting as number, statements: sent.length, queueTokenRowsRead: queueTokenRowsRead(plan) };
  } finally {
    client.release();
  }
}
