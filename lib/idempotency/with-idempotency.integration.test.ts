import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashRequest } from "@/lib/idempotency/hash-request";
import { withIdempotency } from "@/lib/idempotency/with-idempotency";
import { createUser } from "@/lib/testing/fixtures";

const requestHash = hashRequest({ method: "POST", path: "/x", body: { amount: 1 } });

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );
}

async function recordCount(userId: string): Promise<number> {
  return db().idempotencyRecord.count({ where: { userId } });
}

describe("withIdempotency", () => {
  it("runs the work once and answers a retry with the stored answer", async () => {
    const user = await createUser(db());
    const key = randomUUID();
    let runs = 0;
    const work = async () => ({ status: 201, body: { run: ++runs, nested: { b: 2, a: 1 } } });

    const first = await withIdempotency(db(), { userId: user.id, key, requestHash, work });
    const retry = await withIdempotency(db(), { userId: user.id, key, requestHash, work });

    expect(runs).toBe(1);
    expect(first).toMatchObject({ status: 201, isReplay: false });
    expect(retry).toMatchObject({ status: 201, isReplay: true });
    expect(JSON.stringify(retry.body)).toBe(JSON.stringify(first.body));
  });

  it("runs the work under the transaction's lock_timeout and statement_timeout, with generic plans", async () => {
    const user = await createUser(db());
    const answer = await withIdempotency(db(), {
      userId: user.id, key: randomUUID(), requestHash, limits: { lockTimeoutMs: 1_234, statementTimeoutMs: 4_321 },
      work: async (tx) => {
        const [settings] = await tx.$queryRaw<{ lock: string; statement: string; plans: string }[]>`
          SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS statement,
                 current_setting('plan_cache_mode') AS plans`;
        return { status: 200, body: settings };
      },
    });
    expect(answer.body).toEqual({ lock: "1234ms", statement: "4321ms", plans: "force_generic_plan" });
    const [after] = await db().$queryRaw<{ lock: string; plans: string }[]>`
      SELECT current_setting('lock_timeout') AS lock, current_setting('plan_cache_mode') AS plans`;
    expect(after).toEqual({ lock: expect.not.stringMatching(/^1234ms$/), plans: "auto" });
  });

  it("runs what the effect registers after commit only once it has committed, and never for a failure or a replay", async () => {
    const user = await createUser(db());
    const key = randomUUID();
    const balancesSeenAfterCommit: Promise<bigint | undefined>[] = [];
    const work: Parameters<typeof withIdempotency>[1]["work"] = async (tx, afterCommit) => {
      await tx.$executeRaw`INSERT INTO wallets (user_id, balance) VALUES (${user.id}::uuid, 7)`;
      // Read on another connection: it sees the row only if the transaction has committed.
      afterCommit(() => balancesSeenAfterCommit.push(
        db().wallet.findUnique({ where: { userId: user.id }, select: { balance: true } }).then((wallet) => wallet?.balance),
      ));
      return { status: 201, body: {} };
    };
    const failing: typeof work = async (_tx, afterCommit) => {
      afterCommit(() => balancesSeenAfterCommit.push(Promise.resolve(-1n)));
      throw new AppError("INSUFFICIENT_BALANCE", "short");
    };

    await failureOf(withIdempotency(db(), { userId: user.id, key, requestHash, work: failing }));
    expect(balancesSeenAfterCommit).toHaveLength(0);
    await withIdempotency(db(), { userId: user.id, key, requestHash, work });
    await withIdempotency(db(), { userId: user.id, key, requestHash, work });
    expect(await Promise.all(balancesSeenAfterCommit)).toEqual([7n]);
  });

  it("keeps keys per user", async () => {
    const [a, b] = [await createUser(db()), await createUser(db())];
    const key = randomUUID();
    const work = async () => ({ status: 200, body: { ok: true } });
    await withIdempotency(db(), { userId: a.id, key, requestHash, work });
    const other = await withIdempotency(db(), { userId: b.id, key, requestHash, work });
    expect(other.isReplay).toBe(false);
  });

  it("refuses the same key with another request with 422 IDEMPOTENCY_KEY_REUSED", async () => {
    const user = await createUser(db());
    const key = randomUUID();
    const work = async () => ({ status: 200, body: {} });
    await withIdempotency(db(), { userId: user.id, key, requestHash, work });
    const otherHash = hashRequest({ method: "POST", path: "/x", body: { amount: 2 } });
    const error = await failureOf(withIdempotency(db(), { userId: user.id, key, requestHash: otherHash, work }));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect((error as AppError).status).toBe(422);
  });

  it("rolls the record back with a failed effect, so a retry runs again", async () => {
    const user = await createUser(db());
    const key = randomUUID();
    const failing = async (tx: Parameters<Parameters<typeof withIdempotency>[1]["work"]>[0]) => {
      await tx.$executeRaw`INSERT INTO wallets (user_id, balance) VALUES (${user.id}::uuid, 0)`;
      throw new AppError("INSUFFICIENT_BALANCE", "short");
    };
    const error = await failureOf(withIdempotency(db(), { userId: user.id, key, requestHash, work: failing }));
    expect((error as AppError).code).toBe("INSUFFICIENT_BALANCE");
    expect(await recordCount(user.id)).toBe(0);
    expect(await db().wallet.count({ where: { userId: user.id } })).toBe(0);

    const retry = await withIdempotency(db(), {
      userId: user.id, key, requestHash, work: async () => ({ status: 201, body: { paid: true } }),
    });
    expect(retry).toEqual({ status: 201, body: { paid: true }, isReplay: false });
  });

  it("answers 409 REQUEST_IN_PROGRESS to a duplicate that waits too long, then the stored answer", async () => {
    const user = await createUser(db());
    const key = randomUUID();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const slow = withIdempotency(db(), {
      userId: user.id, key, requestHash,
      work: async () => {
        started();
        await gate;
        return { status: 200, body: { slow: true } };
      },
    });
    await isStarted;
    const duplicate = await failureOf(withIdempotency(db(), {
      userId: user.id, key, requestHash, work: async () => ({ status: 200, body: { duplicate: true } }),
      limits: { lockTimeoutMs: 100 },
    }));
    release();
    expect((duplicate as AppError).code).toBe("REQUEST_IN_PROGRESS");
    expect((duplicate as AppError).status).toBe(409);
    expect((await slow).body).toEqual({ slow: true });

    const later = await withIdempotency(db(), {
      userId: user.id, key, requestHash, work: async () => ({ status: 200, body: { duplicate: true } }),
    });
    expect(later).toEqual({ status: 200, body: { slow: true }, isReplay: true });
    expect(await recordCount(user.id)).toBe(1);
  });

  it("works the same through another process's client, on its own pool", async () => {
    const other = createPrismaClient({ connectionString: process.env.DATABASE_URL! });
    try {
      const user = await createUser(db());
      const key = randomUUID();
      let runs = 0;
      const work = async () => ({ status: 200, body: { run: ++runs } });
      await withIdempotency(other, { userId: user.id, key, requestHash, work });
      const retry = await withIdempotency(other, { userId: user.id, key, requestHash, work });
      expect(retry).toEqual({ status: 200, body: { run: 1 }, isReplay: true });
    } finally {
      await other.$disconnect();
    }
  });
});
