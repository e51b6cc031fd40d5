// The SQL twin of isStillNeeded decides which ended tokens retention may
// remove; the TypeScript one decides which the room snapshot remembers. They
// must agree, or a purged row could leave a poll answered ADMITTED.
import { describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db";
import { isEndedTokenStillPolled } from "@/lib/queue/ended-token-sql";
import { isStillNeeded } from "@/lib/queue/ended-tokens";

const NOW_MS = Date.parse("2026-11-29T12:00:00Z");
const SERVING_COUNTER = 10;

const cases = [null, 5, 10, 11].flatMap((ticket) =>
  [null, NOW_MS - 1_000, NOW_MS + 1_000].flatMap((admittedUntilMs) =>
    [true, false].map((isPrequeueOrdered) => ({ ticket, admittedUntilMs, isPrequeueOrdered })),
  ),
);

describe("isEndedTokenStillPolled", () => {
  it.each(cases)("agrees with isStillNeeded for %o", async ({ ticket, admittedUntilMs, isPrequeueOrdered }) => {
    const admittedUntil = admittedUntilMs === null ? null : new Date(admittedUntilMs);
    const [row] = await db().$queryRaw<{ still: boolean }[]>(Prisma.sql`
      SELECT ${isEndedTokenStillPolled(Prisma.sql`${new Date(NOW_MS)}::timestamptz`)} AS still
      FROM (SELECT ${ticket}::bigint AS ticket, ${admittedUntil}::timestamptz AS admitted_until) t,
           (SELECT ${SERVING_COUNTER}::bigint AS serving_counter, ${isPrequeueOrdered}::boolean AS is_prequeue_ordered) r`);
    const expected = isStillNeeded(
      { id: "t", ticket, admittedUntilMs },
      { servingCounter: SERVING_COUNTER, isPrequeueOrdered, nowMs: NOW_MS },
    );
    expect(row!.still).toBe(expected);
  });
});
