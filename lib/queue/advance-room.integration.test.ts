import { afterAll, describe, expect, it } from "vitest";
import { db, type Database } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { advanceAllRooms } from "@/lib/queue/advance-all-rooms";
import { advanceRoom } from "@/lib/queue/advance-room";
import { createConcert, createUser, createUsers, sessionCookieFor } from "@/lib/testing/fixtures";
import { joinAs } from "@/lib/testing/queue";

/** Tests of capacity use a rate cap so high that it never decides; the rate cap has its own test. */
const UNCAPPED_RATE_PER_MINUTE = 6_000_000;

const secondProcess: Database = createPrismaClient({ connectionString: process.env.DATABASE_URL!, poolSize: 10 });
afterAll(() => secondProcess.$disconnect());

async function fansInLine(concertId: string, count: number): Promise<string[]> {
  const userIds: string[] = [];
  for (let index = 0; index < count; index++) {
    const user = await createUser(db());
    await joinAs(await sessionCookieFor(db(), user.id), concertId);
    userIds.push(user.id);
  }
  return userIds;
}

async function liveAdmitted(concertId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ live: bigint }[]>`
    SELECT count(*) AS live FROM queue_tokens
    WHERE concert_id = ${concertId}::uuid AND status = 'ADMITTED' AND admitted_until > now()
      AND (claimed_at IS NOT NULL OR claim_by > now())`;
  return Number(row!.live);
}

async function statusOf(concertId: string, userId: string) {
  return db().queueToken.findFirstOrThrow({
    where: { concertId, userId },
    orderBy: { createdAt: "desc" },
    select: { status: true, endReason: true, ticket: true },
  });
}

describe("admission by capacity", () => {
  it("never admits more than the capacity while two app processes advance the room at once", async () => {
    const capacity = 5;
    const { concertId } = await createConcert(db(), { room: { capacity, admissionRatePerMinute: UNCAPPED_RATE_PER_MINUTE } });
    await fansInLine(concertId, 40);
    expect(await liveAdmitted(concertId)).toBe(capacity);

    let highestSeen = 0;
    let isRacing = true;
    const watcher = (async () => {
      while (isRacing) highestSeen = Math.max(highestSeen, await liveAdmitted(concertId));
    })();
    // Places keep freeing (fans pay or walk away) while both processes race to fill them.
    for (let round = 0; round < 6; round++) {
      await db().$executeRaw`
        UPDATE queue_tokens SET status = 'ENDED', end_reason = 'PAID', ended_at = now()
        WHERE id IN (SELECT id FROM queue_tokens WHERE concert_id = ${concertId}::uuid AND status = 'ADMITTED' ORDER BY ticket LIMIT 2)`;
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, index) => advanceRoom(index % 2 ? secondProcess : db(), { concertId })),
      );
      expect(results.filter((result) => result.isLeader).length).toBeGreaterThanOrEqual(1);
      expect(await liveAdmitted(concertId)).toBeLessThanOrEqual(capacity);
    }
    isRacing = false;
    await watcher;

    expect(highestSeen).toBeLessThanOrEqual(capacity);
    expect(await liveAdmitted(concertId)).toBe(capacity);
    // Admission follows ticket order: every admitted or paid ticket is below every waiting one.
    const tokens = await db().queueToken.findMany({ where: { concertId }, select: { status: true, ticket: true } });
    const highestServed = Math.max(...tokens.filter((token) => token.status !== "WAITING").map((token) => Number(token.ticket)));
    const lowestWaiting = Math.min(...tokens.filter((token) => token.status === "WAITING").map((token) => Number(token.ticket)));
    expect(highestServed).toBeLessThan(lowestWaiting);
    const room = await db().waitingRoom.findUniqueOrThrow({ where: { concertId }, select: { servingCounter: true } });
    expect(Number(room.servingCounter)).toBe(highestServed);
  });

  it("lets fans join while two processes admit, without a deadlock or a refused join", async () => {
    const capacity = 50;
    const { concertId } = await createConcert(db(), { room: { capacity, admissionRatePerMinute: UNCAPPED_RATE_PER_MINUTE } });
    const users = await createUsers(db(), 200);
    const cookies = await Promise.all(users.map((user) => sessionCookieFor(db(), user.id)));

    const [answers] = await Promise.all([
      Promise.all(cookies.map((cookie) => joinAs(cookie, concertId))),
      Promise.all(Array.from({ length: 40 }, () => advanceRoom(secondProcess, { concertId }))),
    ]);

    expect(answers.every((answer) => answer.httpStatus === 201)).toBe(true);
    await advanceRoom(secondProcess, { concertId });
    expect(await liveAdmitted(concertId)).toBe(capacity);
  });

  it("frees the place of an admitted fan who never shows up, and admits the next fan", async () => {
    const { concertId } = await createConcert(db(), { room: { capacity: 2, admissionRatePerMinute: UNCAPPED_RATE_PER_MINUTE } });
    const [noShow, shopper, next] = await fansInLine(concertId, 3);
    // Joining claimed both turns at once (the join answered "admitted"). Rewind the no-show's: admitted
    // while away, never claimed; then the claim window runs out for both.
    await db().$executeRaw`UPDATE queue_tokens SET claimed_at = NULL WHERE user_id = ${noShow}::uuid`;
    await db().$executeRaw`UPDATE queue_tokens SET claim_by = now() - interval '1 second' WHERE concert_id = ${concertId}::uuid AND status = 'ADMITTED'`;

    const result = await advanceRoom(db(), { concertId });

    expect(result).toMatchObject({ isLeader: true, admitted: 1 });
    expect(await statusOf(concertId, noShow!)).toMatchObject({ status: "ENDED", endReason: "ABANDONED" });
    expect(await statusOf(concertId, shopper!)).toMatchObject({ status: "ADMITTED" });
    expect(await statusOf(concertId, next!)).toMatchObject({ status: "ADMITTED" });
    expect(await liveAdmitted(concertId)).toBe(2);
  });

  it("ends a turn whose admission window is over and moves the line on", async () => {
    const { concertId } = await createConcert(db(), { room: { capacity: 1, admissionRatePerMinute: UNCAPPED_RATE_PER_MINUTE } });
    const [first, second] = await fansInLine(concertId, 2);
    await db().$executeRaw`UPDATE queue_tokens SET claimed_at = now(), admitted_until = now() - interval '1 second' WHERE user_id = ${first}::uuid`;

    await advanceRoom(db(), { concertId });

    expect(await statusOf(concertId, first!)).toMatchObject({ status: "ENDED", endReason: "EXPIRED" });
    expect(await statusOf(concertId, second!)).toMatchObject({ status: "ADMITTED" });
  });

  it("skips places that were given up, and never moves the serving counter back", async () => {
    const { concertId } = await createConcert(db(), { room: { capacity: 1, admissionRatePerMinute: UNCAPPED_RATE_PER_MINUTE } });
    const [first, , third] = await fansInLine(concertId, 3);
    await db().$executeRaw`
      UPDATE queue_tokens SET status = 'ENDED', end_reason = 'LEFT', ended_at = now()
      WHERE concert_id = ${concertId}::uuid AND user_id <> ${third}::uuid`;

    await advanceRoom(db(), { concertId });
    const counterAfter = await db().waitingRoom.findUniqueOrThrow({ where: { concertId }, select: { servingCounter: true } });
    await advanceRoom(db(), { concertId });
    const counterLater = await db().waitingRoom.findUniqueOrThrow({ where: { concertId }, select: { servingCounter: true } });

    expect(await statusOf(concertId, first!)).toMatchObject({ status: "ENDED" });
    const admitted = await statusOf(concertId, third!);
    expect(admitted.status).toBe("ADMITTED");
    expect(counterAfter.servingCounter).toBe(admitted.ticket);
    expect(counterLater.servingCounter).toBe(admitted.ticket);
  });
});

describe("admission rate cap", () => {
  it("admits no faster than the rate cap, with a burst of a couple of seconds after a pause", async () => {
    // 60 per minute: one per second, a burst of 2.
    const { concertId } = await createConcert(db(), { room: { capacity: 100, admissionRatePerMinute: 60 } });
    await db().$executeRaw`UPDATE waiting_rooms SET last_advanced_at = now() + interval '1 hour' WHERE concert_id = ${concertId}::uuid`;
    await fansInLine(concertId, 10);
    expect(await liveAdmitted(concertId)).toBe(0);

    await db().$executeRaw`UPDATE waiting_rooms SET last_advanced_at = now() - interval '1 hour' WHERE concert_id = ${concertId}::uuid`;
    const afterPause = await advanceRoom(db(), { concertId });
    const rightAfter = await advanceRoom(db(), { concertId });

    expect(afterPause).toMatchObject({ isLeader: true, admitted: 2 });
    expect(rightAfter).toMatchObject({ isLeader: true, admitted: 0 });
    await db().$executeRaw`UPDATE waiting_rooms SET last_advanced_at = last_advanced_at - interval '1 second' WHERE concert_id = ${concertId}::uuid`;
    expect(await advanceRoom(db(), { concertId })).toMatchObject({ isLeader: true, admitted: 1 });
    expect(await liveAdmitted(concertId)).toBe(3);
  });
});

describe("advancing every room (cron)", () => {
  it("moves each open room with someone waiting and leaves rooms that have not opened alone", async () => {
    const open = await createConcert(db(), { room: { capacity: 1, admissionRatePerMinute: UNCAPPED_RATE_PER_MINUTE } });
    const closed = await createConcert(db(), { room: { capacity: 1, admissionRatePerMinute: UNCAPPED_RATE_PER_MINUTE, opensAt: new Date(Date.now() + 3_600_000) } });
    const [first] = await fansInLine(open.concertId, 2);
    await fansInLine(closed.concertId, 2);
    await db().$executeRaw`UPDATE queue_tokens SET claimed_at = NULL, claim_by = now() - interval '1 second' WHERE user_id = ${first}::uuid`;

    const result = await advanceAllRooms(db());

    expect(result.admitted).toBeGreaterThanOrEqual(1);
    expect(await liveAdmitted(open.concertId)).toBe(1);
    expect(await db().queueToken.count({ where: { concertId: closed.concertId, NOT: { ticket: null } } })).toBe(0);
    expect(await liveAdmitted(closed.concertId)).toBe(0);
  });
});
