import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { advanceAllRooms } from "@/lib/queue/advance-all-rooms";
import { expireQueueTokens } from "@/lib/queue/expire-queue-tokens";
import { createConcert, createUsers } from "@/lib/testing/fixtures";

/**
 * Admitted tokens written straight to the table, every one lapsed: the first
 * `claimed` were claimed and their window ran out, the rest were never
 * claimed in their claim window.
 */
async function insertLapsedTokens(concertId: string, count: number, claimed: number): Promise<void> {
  const users = await createUsers(db(), count);
  await db().$executeRaw`
    INSERT INTO queue_tokens (user_id, concert_id, ticket, status, admitted_at, admitted_until, claim_by, claimed_at)
    SELECT u.id, ${concertId}::uuid, u.ordinality, 'ADMITTED', now() - interval '20 minutes',
           CASE WHEN u.ordinality <= ${claimed} THEN now() - interval '1 second' ELSE now() + interval '5 minutes' END,
           now() - interval '1 second',
           CASE WHEN u.ordinality <= ${claimed} THEN now() - interval '19 minutes' END
    FROM unnest(${users.map((user) => user.id)}::uuid[]) WITH ORDINALITY AS u(id, ordinality)`;
}

async function endReasons(concertId: string): Promise<Record<string, number>> {
  const rows = await db().$queryRaw<{ reason: string; count: number }[]>`
    SELECT coalesce(end_reason::text, status::text) AS reason, count(*)::int AS count
    FROM queue_tokens WHERE concert_id = ${concertId}::uuid GROUP BY 1`;
  return Object.fromEntries(rows.map((row) => [row.reason, row.count]));
}

describe("ending lapsed admissions (cron)", () => {
  it("ends every lapsed token in small batches, two runs at once counting each token once", async () => {
    const { concertId } = await createConcert(db(), { performances: 0 });
    await insertLapsedTokens(concertId, 23, 9);
    const otherProcess = createPrismaClient({ connectionString: process.env.DATABASE_URL!, poolSize: 2 });
    try {
      const counts = await Promise.all([
        expireQueueTokens(db(), { batchSize: 2 }),
        expireQueueTokens(otherProcess, { batchSize: 2 }),
      ]);
      expect(counts[0] + counts[1]).toBe(23);
    } finally {
      await otherProcess.$disconnect();
    }
    expect(await endReasons(concertId)).toEqual({ EXPIRED: 9, ABANDONED: 14 });
    expect(await expireQueueTokens(db(), { batchSize: 2 })).toBe(0);
  });

  it("stops after the batch in which its time budget ran out", async () => {
    const { concertId } = await createConcert(db(), { performances: 0 });
    await insertLapsedTokens(concertId, 5, 0);

    expect(await expireQueueTokens(db(), { batchSize: 2, timeBudgetMs: 0 })).toBe(2);
    expect(await endReasons(concertId)).toEqual({ ABANDONED: 2, ADMITTED: 3 });
  });
});

describe("advancing every room in batches (cron)", () => {
  it("reaches every open room with someone to admit, one room per batch", async () => {
    const concertIds: string[] = [];
    for (let index = 0; index < 3; index++) concertIds.push((await createConcert(db(), { performances: 0 })).concertId);

    const result = await advanceAllRooms(db(), { batchSize: 1 });

    expect(result.rooms).toBeGreaterThanOrEqual(3);
    const drawn = await db().waitingRoom.count({ where: { concertId: { in: concertIds }, isPrequeueOrdered: true } });
    expect(drawn).toBe(3);
  });

  it("stops after the room in which its time budget ran out", async () => {
    for (let index = 0; index < 2; index++) await createConcert(db(), { performances: 0 });

    expect(await advanceAllRooms(db(), { batchSize: 1, timeBudgetMs: 0 })).toMatchObject({ rooms: 1 });
  });
});
