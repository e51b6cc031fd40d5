import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { POST as payRoute } from "@/app/api/payments/route";
import { db } from "@/lib/db";
import { createConcert, createUser, createUsers, sessionCookieFor } from "@/lib/testing/fixtures";
import { createHolds, fundWallet } from "@/lib/testing/holds";
import { answersOf, call, type Answer } from "@/lib/testing/http";
import { expectHistoryExplained, startHistory } from "@/lib/testing/history/record-history";
import { countInvariantViolations, NO_VIOLATIONS } from "@/lib/testing/ledger";
import { createPayingFan, payRequest } from "@/lib/testing/payments";
import { admitFan } from "@/lib/testing/queue";

function countBy(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[answer.code ?? String(answer.status)] = (counts[answer.code ?? String(answer.status)] ?? 0) + 1;
  return counts;
}

afterEach(async () => {
  expect(await countInvariantViolations(db())).toEqual(NO_VIOLATIONS);
});

describe("payment races", () => {
  it("50 concurrent payments with the same key debit once and give identical answers", async () => {
    const fan = await createPayingFan(db(), { balance: 1_000_000 });
    const key = randomUUID();
    const ids = fan.holds.map((hold) => hold.id);
    const history = await startHistory(db());
    const answers = await answersOf(
      Array.from({ length: 50 }, () =>
        history.record({ kind: "pay", userId: fan.userId, reservationIds: ids, key }, () =>
          call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: ids, key })),
        ),
      ),
    );
    const paid = answers.filter((answer) => answer.status === 201);
    expect(paid.length).toBeGreaterThan(1);
    expect(new Set(paid.map((answer) => answer.text)).size).toBe(1);
    for (const other of answers.filter((answer) => answer.status !== 201)) expect(other.code).toBe("REQUEST_IN_PROGRESS");
    expect(await db().payment.count({ where: { userId: fan.userId } })).toBe(1);
    expect(await db().walletEntry.count({ where: { userId: fan.userId, type: "PAYMENT" } })).toBe(1);
    expect((await db().wallet.findUniqueOrThrow({ where: { userId: fan.userId } })).balance).toBe(BigInt(1_000_000 - fan.total));
    await expectHistoryExplained(db(), history);
  });

  it("50 concurrent payments with different keys for the same holds give one success", async () => {
    const fan = await createPayingFan(db(), { balance: 1_000_000 });
    const ids = fan.holds.map((hold) => hold.id);
    const answers = await answersOf(
      Array.from({ length: 50 }, () => call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: ids }))),
    );
    expect(countBy(answers)).toEqual({ 201: 1, RESERVATION_NOT_PAYABLE: 49 });
    expect(await db().payment.count({ where: { userId: fan.userId } })).toBe(1);
    expect((await db().wallet.findUniqueOrThrow({ where: { userId: fan.userId } })).balance).toBe(BigInt(1_000_000 - fan.total));
  });

  it("a wallet that can afford 3 of 10 concurrent payments pays exactly 3", async () => {
    const user = await createUser(db());
    const cookie = await sessionCookieFor(db(), user.id);
    // Ten concerts, so each payment has its own admission and only the wallet is shared.
    const attempts = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 2 });
        const { token } = await admitFan(db(), { userId: user.id, concertId });
        const [hold] = await createHolds(db(), { userId: user.id, performanceId: performanceIds[0]!, seatNumbers: [1] });
        return { token, hold: hold! };
      }),
    );
    await fundWallet(db(), { userId: user.id, amount: 3 * 150_000 });
    const answers = await answersOf(
      attempts.map(({ token, hold }) => call(payRoute, payRequest({ cookie, token, reservationIds: [hold.id] }))),
    );
    expect(countBy(answers)).toEqual({ 201: 3, INSUFFICIENT_BALANCE: 7 });
    expect((await db().wallet.findUniqueOrThrow({ where: { userId: user.id } })).balance).toBe(0n);
    expect(await db().reservation.count({ where: { userId: user.id, status: "CONFIRMED" } })).toBe(3);
    expect(await db().reservation.count({ where: { userId: user.id, status: "HELD" } })).toBe(7);
  });

  it("at the edge of expiry a hold ends either sold and debited or free and not debited", async () => {
    const balance = 200_000;
    // 10 backdated holds, 20 expiring 0–950 ms after the payments start, 5 with a minute left.
    const offsetsMs = [
      ...Array.from({ length: 10 }, () => -1_000),
      ...Array.from({ length: 20 }, (_, index) => index * 50),
      ...Array.from({ length: 5 }, () => 60_000),
    ];
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: offsetsMs.length });
    const users = await createUsers(db(), offsetsMs.length);
    const fans = await Promise.all(
      users.map(async (user, index) => {
        const { token } = await admitFan(db(), { userId: user.id, concertId });
        const [hold] = await createHolds(db(), { userId: user.id, performanceId: performanceIds[0]!, seatNumbers: [index + 1] });
        await fundWallet(db(), { userId: user.id, amount: balance });
        return { userId: user.id, cookie: await sessionCookieFor(db(), user.id), token, hold: hold! };
      }),
    );
    await db().$executeRaw`
      UPDATE reservations r SET expires_at = clock_timestamp() + make_interval(secs => edge.offset_ms / 1000.0)
      FROM unnest(${fans.map((fan) => fan.hold.id)}::uuid[], ${offsetsMs}::int[]) AS edge(id, offset_ms)
      WHERE r.id = edge.id`;
    // The release job sweeps expired holds, again and again, for as long as the payments run.
    let paying = true;
    const sweeps = (async () => {
      while (paying) {
        await db().$executeRaw`UPDATE reservations SET status = 'EXPIRED', updated_at = now()
                               WHERE performance_id = ${performanceIds[0]}::uuid AND is_expired_hold(status, expires_at, clock_timestamp())`;
      }
    })();
    const answers = await answersOf(
      fans.map((fan) => call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: [fan.hold.id] }))),
    ).finally(() => (paying = false));
    await sweeps;

    const outcomes: Record<string, number> = {};
    for (const [index, fan] of fans.entries()) {
      const [reservation, wallet, payments] = await Promise.all([
        db().reservation.findUniqueOrThrow({ where: { id: fan.hold.id }, select: { status: true, paymentId: true } }),
        db().wallet.findUniqueOrThrow({ where: { userId: fan.userId }, select: { balance: true } }),
        db().payment.count({ where: { userId: fan.userId } }),
      ]);
      if (reservation.status === "CONFIRMED") {
        expect(answers[index]!.status).toBe(201);
        expect(reservation.paymentId).not.toBeNull();
        expect(wallet.balance).toBe(BigInt(balance - fan.hold.price));
        expect(payments).toBe(1);
        outcomes.sold = (outcomes.sold ?? 0) + 1;
      } else {
        expect(answers[index]!.code).toBe("HOLD_EXPIRED");
        expect(["HELD", "EXPIRED"]).toContain(reservation.status);
        expect(wallet.balance).toBe(BigInt(balance));
        expect(payments).toBe(0);
        outcomes.free = (outcomes.free ?? 0) + 1;
      }
    }
    expect(answers.slice(0, 10).every((answer) => answer.code === "HOLD_EXPIRED")).toBe(true);
    expect(answers.slice(30).every((answer) => answer.status === 201)).toBe(true);
    expect(outcomes.sold! + outcomes.free!).toBe(offsetsMs.length);
  });
});
