import "server-only";
import type { Database, Prisma } from "@/lib/db";
import { pgErrorCode, PG } from "@/lib/db/pg-error";
import { env } from "@/lib/env";
import { assertHoldable, seatUnavailable } from "@/lib/booking/hold-refusals";
import { readHoldFacts, type HoldFactsRow } from "@/lib/booking/read-hold-facts";
import { inRawTransaction } from "@/lib/db/sql-transaction";
import { requireAdmission } from "@/lib/queue/require-admission";

export type HoldSeatsOptions = {
  userId: string;
  performanceId: string;
  /** 1–4 distinct seat ids (validated by the caller's schema). */
  seatIds: string[];
  /** The queue token the request carries for a concert (X-Queue-Token, or the web UI's cookie for it). */
  queueTokenFor: (concertId: string) => string | undefined;
  /** Defaults to HOLD_TTL_SECONDS. */
  holdTtlSeconds?: number;
  /** Defaults to MAX_HOLDS_PER_PERFORMANCE. */
  maxHoldsPerPerformance?: number;
};

export type HeldReservation = {
  id: string;
  seatId: string;
  performanceId: string;
  price: number;
  status: "HELD";
  expiresAt: Date;
};

/** Holds wait this long at most for a competing hold of the same seat to commit. */
const HOLD_LOCK_TIMEOUT_MS = 1_000;
const HOLD_STATEMENT_TIMEOUT_MS = 3_000;
/** A transaction left idle this long (a stuck caller) is ended by the database, releasing its rows. */
const HOLD_IDLE_TIMEOUT_MS = 3 * HOLD_STATEMENT_TIMEOUT_MS;
const LOST_RACE_CODES: ReadonlySet<string> = new Set([PG.LOCK_NOT_AVAILABLE, PG.QUERY_CANCELED, PG.DEADLOCK_DETECTED]);

/**
 * Holds all of the requested seats for the fan, or none of them.
 *
 * The claim is one INSERT guarded by the partial unique index
 * reservations_one_live_per_seat, so two fans can never hold one seat: the
 * loser's row conflicts and is skipped, and the whole request rolls back.
 * A fan's own concurrent requests for the performance are serialized by an
 * advisory lock so the per-fan limit cannot be overrun.
 *
 * Before the transaction, one read finds the performance's concert for the
 * ADMITTED guard and refuses what can already be seen to fail — in a storm for
 * one seat, the losers are answered without a transaction. That read can only
 * refuse, never admit: the claim alone decides who gets a seat.
 */
export async function holdSeats(database: Database, options: HoldSeatsOptions): Promise<HeldReservation[]> {
  const seatIds = [...new Set(options.seatIds.map((id) => id.toLowerCase()))].sort();
  const holdTtlSeconds = options.holdTtlSeconds ?? env().HOLD_TTL_SECONDS;
  const maxHolds = options.maxHoldsPerPerformance ?? env().MAX_HOLDS_PER_PERFORMANCE;
  const judge = (facts: HoldFactsRow, takenSeatIds: string[]) =>
    assertHoldable({ ...facts, takenSeatIds, limit: { liveHolds: facts.liveHolds, requested: seatIds.length, max: maxHolds } });

  const early = await readHoldFacts(database, { ...options, seatIds });
  await requireAdmission(database, { token: options.queueTokenFor(early.concertId), userId: options.userId, concertId: early.concertId });
  judge(early, early.takenSeatIds);
  try {
    return await inRawTransaction(database, async (tx) => {
      await limitAndLockFanHolds(tx, options.userId, options.performanceId);
      // Under the fan's lock the count is exact; taken seats are left to the claim itself.
      judge(await readHoldFacts(tx, { ...options, seatIds }), []);
      await expireStaleHolds(tx, seatIds);
      const held = await insertHolds(tx, { ...options, seatIds, holdTtlSeconds });
      if (held.length < seatIds.length) {
        const heldSeatIds = new Set(held.map((row) => row.seatId));
        // Thrown inside the transaction: the seats that were free are released with it.
        throw seatUnavailable(seatIds.filter((id) => !heldSeatIds.has(id)));
      }
      return held;
    }, { timeoutMs: HOLD_IDLE_TIMEOUT_MS });
  } catch (error) {
    // Waiting too long behind a competing claim means someone else is taking the seat.
    if (LOST_RACE_CODES.has(pgErrorCode(error) ?? "")) throw seatUnavailable(seatIds);
    throw error;
  }
}

/**
 * The transaction's limits and the fan's lock in one round trip. The limits
 * are set in the FROM subquery, so they are in force before the lock is
 * requested; statement_timeout applies from the next statement on.
 */
async function limitAndLockFanHolds(tx: Prisma.TransactionClient, userId: string, performanceId: string): Promise<void> {
  await tx.$queryRaw`
    SELECT pg_advisory_xact_lock(hashtextextended(${`hold:${userId}:${performanceId}`}, 0))::text AS locked
    FROM (SELECT set_config('lock_timeout', ${String(HOLD_LOCK_TIMEOUT_MS)}, true),
                 set_config('statement_timeout', ${String(HOLD_STATEMENT_TIMEOUT_MS)}, true),
                 set_config('idle_in_transaction_session_timeout', ${String(HOLD_IDLE_TIMEOUT_MS)}, true)) AS limits`;
}

/** Holds of these seats whose time ran out give way before the claim (the cron may not have run yet). */
async function expireStaleHolds(tx: Prisma.TransactionClient, seatIds: string[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE reservations SET status = 'EXPIRED', updated_at = now()
    WHERE id IN (SELECT id FROM reservations
                 WHERE seat_id = ANY(${seatIds}::uuid[]) AND status = 'HELD' AND expires_at <= now()
                 ORDER BY seat_id FOR UPDATE)
      AND status = 'HELD'`;
}

/** The claim itself: rows insert in seat-id order, so competing multi-seat claims cannot deadlock. */
async function insertHolds(
  tx: Prisma.TransactionClient,
  options: { userId: string; performanceId: string; seatIds: string[]; holdTtlSeconds: number },
): Promise<HeldReservation[]> {
  const rows = await tx.$queryRaw<{ id: string; seat_id: string; price: bigint; expires_at: Date }[]>`
    INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at)
    SELECT s.id, s.performance_id, ${options.userId}::uuid, s.price, 'HELD', now() + make_interval(secs => ${options.holdTtlSeconds}::int)
    FROM seats s
    WHERE s.id = ANY(${options.seatIds}::uuid[]) AND s.performance_id = ${options.performanceId}::uuid
    ORDER BY s.id
    ON CONFLICT (seat_id) WHERE status IN ('HELD', 'CONFIRMED') DO NOTHING
    RETURNING id::text AS id, seat_id::text AS seat_id, price, expires_at`;
  return rows.map((row) => ({
    id: row.id,
    seatId: row.seat_id,
    performanceId: options.performanceId,
    price: Number(row.price),
    status: "HELD",
    expiresAt: row.expires_at,
  }));
}
