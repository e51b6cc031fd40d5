import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { purgeExpiredRows } from "@/lib/retention/purge-expired-rows";
import { RETENTION, RETENTION_KINDS, type RetentionKind } from "@/lib/retention/retention-policy";
import { countRemaining, createPassedRoom, insertRows } from "@/lib/retention/retention-test-kit";
import { createConcert, createUser } from "@/lib/testing/fixtures";

// Rows here are dated years ahead of the database clock, so a purge on the real clock never reaches them:
// only the moments the tests pass in decide.
const BASE_MS = Date.parse("2040-01-01T00:00:00.000Z");
const at = (seconds: number) => new Date(BASE_MS + seconds * 1000);

let userId: string;
let room: Awaited<ReturnType<typeof createPassedRoom>>;

beforeAll(async () => {
  userId = (await createUser(db())).id;
  room = await createPassedRoom();
});

// Each test counts only its own rows.
beforeEach(async () => {
  await purgeExpiredRows(db(), { now: at(100 * 365 * 24 * 60 * 60) });
});

describe("purgeExpiredRows", () => {
  it.each(RETENTION_KINDS)("removes %s once their window is over, and not a second before", async (kind: RetentionKind) => {
    const window = RETENTION[kind].keepSeconds;
    const keys = await insertRows(kind, { userId, room, moment: at(0), count: 3 });

    const early = await purgeExpiredRows(db(), { now: at(window - 1) });
    expect(early[kind]).toBe(0);
    expect(await countRemaining(kind, keys)).toBe(3);

    const late = await purgeExpiredRows(db(), { now: at(window + 1) });
    expect(late[kind]).toBe(3);
    expect(await countRemaining(kind, keys)).toBe(0);
  });

  it("keeps live sessions and places in line, however old", async () => {
    const liveSession = await insertRows("sessions", { userId, room, moment: at(10 * 24 * 60 * 60) });
    const { concertId } = await createConcert(db(), { performances: 1, seatsPerPerformance: 1 });
    const fans = await Promise.all([createUser(db()), createUser(db())]);
    await db().$executeRaw`
      INSERT INTO queue_tokens (user_id, concert_id, ticket, status, created_at, admitted_at, admitted_until, claim_by)
      VALUES (${fans[0]!.id}::uuid, ${concertId}::uuid, 1, 'WAITING', '2000-01-01', NULL, NULL, NULL),
             (${fans[1]!.id}::uuid, ${concertId}::uuid, 2, 'ADMITTED', '2000-01-01', '2000-01-01', '2000-01-01', '2000-01-01')`;

    const result = await purgeExpiredRows(db(), { now: at(24 * 60 * 60) });

    expect(result).toMatchObject({ sessions: 0, queueTokens: 0 });
    expect(await countRemaining("sessions", liveSession)).toBe(1);
    const [live] = await db().$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM queue_tokens WHERE concert_id = ${concertId}::uuid`;
    expect(live!.count).toBe(2);
  });

  it("keeps an ended place in line while a poll could still ask about it, however old", async () => {
    const { concertId } = await createConcert(db(), { performances: 1, seatsPerPerformance: 1 });
    const fans = await Promise.all([createUser(db()), createUser(db()), createUser(db())]);
    const day = 24 * 60 * 60;
    // Left while waiting at ticket 5 (the counter is at 2), left the pre-queue before the draw,
    // and paid with an admission that runs on past the moment of the purge.
    await db().$executeRaw`UPDATE waiting_rooms SET last_ticket = 5, serving_counter = 2 WHERE concert_id = ${concertId}::uuid`;
    await db().$executeRaw`
      INSERT INTO queue_tokens (user_id, concert_id, ticket, status, end_reason, ended_at, admitted_at, admitted_until, claim_by, claimed_at)
      VALUES (${fans[0]!.id}::uuid, ${concertId}::uuid, 5, 'ENDED', 'LEFT', ${at(0)}, NULL, NULL, NULL, NULL),
             (${fans[1]!.id}::uuid, ${concertId}::uuid, NULL, 'ENDED', 'LEFT', ${at(0)}, NULL, NULL, NULL, NULL),
             (${fans[2]!.id}::uuid, ${concertId}::uuid, 1, 'ENDED', 'PAID', ${at(0)}, ${at(0)}, ${at(3 * day)}, ${at(0)}, ${at(0)})`;
    const remaining = async () => {
      const [row] = await db().$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM queue_tokens WHERE concert_id = ${concertId}::uuid`;
      return row!.count;
    };

    expect((await purgeExpiredRows(db(), { now: at(2 * day) })).queueTokens).toBe(0);
    expect(await remaining()).toBe(3);

    // The draw has run and the counter has passed ticket 5: only the admission with time left stays.
    await db().$executeRaw`UPDATE waiting_rooms SET serving_counter = 5, is_prequeue_ordered = true WHERE concert_id = ${concertId}::uuid`;
    expect((await purgeExpiredRows(db(), { now: at(2 * day) })).queueTokens).toBe(2);
    expect(await remaining()).toBe(1);

    expect((await purgeExpiredRows(db(), { now: at(3 * day + 1) })).queueTokens).toBe(1);
    expect(await remaining()).toBe(0);
  });

  it("works through more rows than one batch, and a run whose time budget is spent leaves the rest to the next", async () => {
    const keys = Object.fromEntries(
      await Promise.all(RETENTION_KINDS.map(async (kind) => [kind, await insertRows(kind, { userId, room, moment: at(0), count: 25 })] as const)),
    ) as Record<RetentionKind, string[]>;
    const after = at(2 * 24 * 60 * 60);
    // A clock that jumps a second at every reading: the check after the second batch ends a 2 s budget.
    let clockMs = 0;
    const clock = () => (clockMs += 1_000);

    const first = await purgeExpiredRows(db(), { now: after, batchSize: 10, timeBudgetMs: 2_000, clock });
    expect(first).toEqual({ sessions: 10, idempotencyRecords: 10, queueTokens: 0, signInThrottles: 0, isDrained: false });

    const second = await purgeExpiredRows(db(), { now: after, batchSize: 10 });
    expect(second).toEqual({ sessions: 15, idempotencyRecords: 15, queueTokens: 25, signInThrottles: 25, isDrained: true });
    for (const kind of RETENTION_KINDS) expect(await countRemaining(kind, keys[kind])).toBe(0);
  });

  it("removes each row once in total when several runs overlap, and none of them fails", async () => {
    const keys = Object.fromEntries(
      await Promise.all(RETENTION_KINDS.map(async (kind) => [kind, await insertRows(kind, { userId, room, moment: at(0), count: 400 })] as const)),
    ) as Record<RetentionKind, string[]>;
    const after = at(2 * 24 * 60 * 60);

    const runs = await Promise.all(Array.from({ length: 4 }, () => purgeExpiredRows(db(), { now: after, batchSize: 25 })));

    for (const kind of RETENTION_KINDS) {
      expect(runs.reduce((sum, run) => sum + run[kind], 0)).toBe(400);
      expect(await countRemaining(kind, keys[kind])).toBe(0);
    }
  });
});
