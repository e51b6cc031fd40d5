// The stored sold counts per section (docs/decisions/111) are applied as the
// writer commits (docs/decisions/145): no counts row is locked while a sale's
// transaction is still open, concurrent sales of the same sections never
// deadlock, and a change undone by a savepoint is never counted.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { POST as payRoute } from "@/app/api/payments/route";
import { admittedFans, storedCountsDisagreeing, type Fan } from "@/lib/booking/booking-test-kit";
import { db } from "@/lib/db";
import { sqlPoolOf } from "@/lib/db/client";
import { createConcert, createUser } from "@/lib/testing/fixtures";
import { createHolds, fundWallet } from "@/lib/testing/holds";
import { call, testRequest } from "@/lib/testing/http";

function pay(fan: Fan, reservationIds: string[]): Promise<Response> {
  return call(payRoute, testRequest("POST", "/api/payments", {
    cookie: fan.cookie, body: { reservationIds }, headers: { ...fan.headers, "idempotency-key": randomUUID() },
  }));
}

/** Sold seats per grade section of the performance (the hall's sections are VIP 1–10, R 11–30, S 31–50). */
async function soldPerSection(performanceId: string): Promise<Record<string, number>> {
  const rows = await db().$queryRaw<{ name: string; sold: number }[]>`
    SELECT vs.name, c.sold_seats AS sold FROM performance_section_seats c JOIN venue_sections vs ON vs.id = c.section_id
    WHERE c.performance_id = ${performanceId}::uuid`;
  return Object.fromEntries(rows.map((row) => [row.name, row.sold]));
}

/** `work` on one connection of the pool inside BEGIN … COMMIT. */
async function inTransaction(work: (connection: pg.PoolClient) => Promise<void>): Promise<void> {
  const connection = await sqlPoolOf(db()).connect();
  try {
    await connection.query("BEGIN");
    await work(connection);
    await connection.query("COMMIT");
  } finally {
    connection.release();
  }
}

/** Sells the holds the way any writer may: a payment row, then the holds CONFIRMED with it. */
async function confirm(connection: pg.PoolClient, userId: string, reservationIds: string[]): Promise<void> {
  const { rows } = await connection.query<{ id: string }>("INSERT INTO payments (user_id, amount) VALUES ($1, 1) RETURNING id", [userId]);
  await connection.query("UPDATE reservations SET status = 'CONFIRMED', payment_id = $1 WHERE id = ANY($2::uuid[])", [rows[0]!.id, reservationIds]);
}

async function hallWithHolds(seatNumbers: number[]) {
  const { performanceIds: [performanceId] } = await createConcert(db(), { performances: 1 });
  const user = await createUser(db());
  const holds = await createHolds(db(), { userId: user.id, performanceId: performanceId!, seatNumbers });
  return { performanceId: performanceId!, userId: user.id, holdIds: holds.map((hold) => hold.id) };
}

describe("sold counts per section, applied at commit", () => {
  it("leaves the counts rows unlocked while the sale's transaction is open, and counts it once committed", async () => {
    const { performanceId, userId, holdIds } = await hallWithHolds([10, 11]);

    await inTransaction(async (connection) => {
      await confirm(connection, userId, holdIds);
      // Another transaction can still lock every counts row of the performance at once.
      const other = await sqlPoolOf(db()).connect();
      try {
        await other.query("BEGIN");
        const locked = await other.query("SELECT 1 FROM performance_section_seats WHERE performance_id = $1 FOR UPDATE NOWAIT", [performanceId]);
        expect(locked.rowCount).toBe(3);
        await other.query("ROLLBACK");
      } finally {
        other.release();
      }
    });

    expect(await soldPerSection(performanceId)).toEqual({ "VIP석": 1, "R석": 1, "S석": 0 });
    expect(await storedCountsDisagreeing()).toEqual([]);
  });

  it("does not count a sale undone by a rolled-back savepoint", async () => {
    const { performanceId, userId, holdIds } = await hallWithHolds([1, 31]);

    await inTransaction(async (connection) => {
      await connection.query("SAVEPOINT first_try");
      await confirm(connection, userId, [holdIds[0]!]);
      await connection.query("ROLLBACK TO SAVEPOINT first_try");
      await confirm(connection, userId, [holdIds[1]!]);
    });

    expect(await soldPerSection(performanceId)).toEqual({ "VIP석": 0, "R석": 0, "S석": 1 });
    expect(await storedCountsDisagreeing()).toEqual([]);
  });

  it("counts concurrent payments that each span the same two sections, without a deadlock or a retry", async () => {
    const { concertId, performanceIds: [performanceId] } = await createConcert(db(), { performances: 1 });
    const fans = await admittedFans(concertId, 10);
    // Fan i pays VIP seat i+1 and R seat 11+i: every payment locks both sections' rows, in random id order.
    const paid = await Promise.all(fans.map(async (fan, index) => {
      const holds = await createHolds(db(), { userId: fan.userId, performanceId: performanceId!, seatNumbers: [index + 1, index + 11] });
      await fundWallet(db(), { userId: fan.userId, amount: 1_000_000 });
      return pay(fan, holds.map((hold) => hold.id));
    }));

    expect(paid.map((response) => response.status)).toEqual(fans.map(() => 201));
    expect(await soldPerSection(performanceId!)).toEqual({ "VIP석": 10, "R석": 10, "S석": 0 });
    expect(await storedCountsDisagreeing()).toEqual([]);
  });
});
