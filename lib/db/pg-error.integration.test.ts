import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pgErrorCode, PG } from "@/lib/db/pg-error";
import { inTransaction } from "@/lib/db/transaction";
import { failureOf } from "@/lib/testing/faults";
import { createUser } from "@/lib/testing/fixtures";

describe("pgErrorCode", () => {
  it("reads the SQLSTATE of ORM and raw-query failures", async () => {
    const user = await createUser(db());
    const duplicateOrm = await failureOf(() =>
      db().user.create({ data: { email: user.email, name: "x", passwordHash: "x" } }),
    );
    expect(pgErrorCode(duplicateOrm)).toBe(PG.UNIQUE_VIOLATION);

    const duplicateRaw = await failureOf(
      () => db().$executeRaw`INSERT INTO users (email, name, password_hash) VALUES (${user.email}, 'x', 'x')`,
    );
    expect(pgErrorCode(duplicateRaw)).toBe(PG.UNIQUE_VIOLATION);

    const negativeBalance = await failureOf(
      () => db().$executeRaw`INSERT INTO wallets (user_id, balance) VALUES (${user.id}::uuid, -1)`,
    );
    expect(pgErrorCode(negativeBalance)).toBe(PG.CHECK_VIOLATION);

    const badUuid = await failureOf(() => db().$queryRaw`SELECT 1 FROM users WHERE id = ${"nope"}::uuid`);
    expect(pgErrorCode(badUuid)).toBe(PG.INVALID_TEXT_REPRESENTATION);
  });

  it("reports a lock timeout inside inTransaction as 55P03", async () => {
    const user = await createUser(db());
    await db().wallet.create({ data: { userId: user.id } });
    let release!: () => void;
    let locked!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = inTransaction(db(), async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM wallets WHERE user_id = ${user.id}::uuid FOR UPDATE`;
      locked();
      await held;
    });
    await isLocked;
    const waiter = await failureOf(() =>
      inTransaction(db(), (tx) => tx.$executeRaw`UPDATE wallets SET balance = 1 WHERE user_id = ${user.id}::uuid`, {
        lockTimeoutMs: 100,
      }),
    );
    release();
    await holder;
    expect(pgErrorCode(waiter)).toBe(PG.LOCK_NOT_AVAILABLE);
  });

  it("is undefined for errors that are not from the database", () => {
    expect(pgErrorCode(new Error("plain"))).toBeUndefined();
    expect(pgErrorCode({ code: "P2025" })).toBeUndefined();
    expect(pgErrorCode(null)).toBeUndefined();
  });
});
