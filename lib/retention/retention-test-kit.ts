// Rows of every kind the retention purge removes, written straight to the
// tables at a chosen moment, for the retention tests.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { RETENTION, type RetentionKind } from "@/lib/retention/retention-policy";
import { createConcert } from "@/lib/testing/fixtures";

/** A room whose serving counter has passed every ticket the kit hands out, so its ended tokens are no longer polled. */
export async function createPassedRoom(): Promise<{ concertId: string; nextTicket: () => number }> {
  const { concertId } = await createConcert(db(), { performances: 1, seatsPerPerformance: 1 });
  await db().$executeRaw`
    UPDATE waiting_rooms SET last_ticket = 1000000, serving_counter = 1000000, is_prequeue_ordered = true
    WHERE concert_id = ${concertId}::uuid`;
  let ticket = 0;
  return { concertId, nextTicket: () => ++ticket };
}

/**
 * `count` rows of `kind` for the user whose window starts at `moment`
 * (`moment` null: the database clock minus `ageSeconds`): a session that
 * expired then, an idempotency record created then, a token that ended then
 * (ticket passed by the counter), a throttle window that started then.
 * Returns how each row is found again.
 */
export async function insertRows(
  kind: RetentionKind,
  options: { userId: string; room: { concertId: string; nextTicket: () => number }; moment: Date | null; ageSeconds?: number; count?: number },
): Promise<string[]> {
  const count = options.count ?? 1;
  const ids = Array.from({ length: count }, () => randomUUID());
  const at = `coalesce(${options.moment ? `'${options.moment.toISOString()}'::timestamptz` : "NULL"}, now() - make_interval(secs => ${options.ageSeconds ?? 0}))`;
  switch (kind) {
    case "sessions":
      await db().$executeRawUnsafe(
        `INSERT INTO sessions (id, user_id, created_at, expires_at) SELECT id, $1::uuid, ${at} - interval '30 days', ${at} FROM unnest($2::text[]) id`,
        options.userId, ids);
      return ids;
    case "idempotencyRecords":
      await db().$executeRawUnsafe(
        `INSERT INTO idempotency_records (user_id, key, request_hash, response_status, response_body, created_at)
         SELECT $1::uuid, key, 'hash', 200, '{"balance": 1}'::jsonb, ${at} FROM unnest($2::text[]) key`,
        options.userId, ids);
      return ids;
    case "queueTokens": {
      const tickets = ids.map(() => options.room.nextTicket());
      await db().$executeRawUnsafe(
        `INSERT INTO queue_tokens (id, user_id, concert_id, ticket, status, end_reason, created_at, ended_at)
         SELECT id, $1::uuid, $2::uuid, ticket, 'ENDED', 'LEFT', ${at} - interval '1 hour', ${at}
         FROM unnest($3::uuid[], $4::bigint[]) AS t(id, ticket)`,
        options.userId, options.room.concertId, ids, tickets);
      return ids;
    }
    case "signInThrottles":
      await db().$executeRawUnsafe(
        `INSERT INTO sign_in_throttles (email, failures, window_started_at) SELECT email || '@unknown.test', 3, ${at} FROM unnest($1::text[]) email`,
        ids);
      return ids.map((id) => `${id}@unknown.test`);
  }
}

const KEY_COLUMN: Record<RetentionKind, string> = {
  sessions: "id",
  idempotencyRecords: "key",
  queueTokens: "id::text",
  signInThrottles: "email",
};

/** How many of these rows of `kind` are still there. */
export async function countRemaining(kind: RetentionKind, keys: string[]): Promise<number> {
  const [row] = await db().$queryRawUnsafe<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM ${RETENTION[kind].table} WHERE ${KEY_COLUMN[kind]} = ANY($1::text[])`,
    keys,
  );
  return row!.count;
}
