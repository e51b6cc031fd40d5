import "server-only";
import { Prisma, type SqlClient } from "@/lib/db";
import { asTemplate } from "@/lib/db/composed-template";
import { AppError } from "@/lib/errors";
import type { AfterCommit } from "@/lib/idempotency/with-idempotency";
import { lockPayableHolds, holdExpired, type LockedHold } from "@/lib/payments/lock-payable-holds";
import type { PaymentResponse } from "@/lib/payments/schemas";
import { endQueueToken } from "@/lib/queue/end-queue-token";
import { queueTokenFor, type QueueTokens } from "@/lib/queue/queue-tokens";
import { requireAdmission } from "@/lib/queue/require-admission";
import { noteTokenEnded } from "@/lib/queue/room-snapshot";
import { ledgerWrite } from "@/lib/wallet/ledger-write";

export type PayForReservationsOptions = {
  userId: string;
  reservationIds: string[];
  /** The request's queue tokens; the concert of the holds picks the one that counts. */
  queueTokens: QueueTokens;
  /** Runs an in-process effect once the payment has committed (withIdempotency's). */
  afterCommit: AfterCommit;
};

type SettleRow = {
  expired_ids: string[];
  balance_before: bigint | null;
  balance_after: bigint | null;
  payment_id: string | null;
  payment_created_at: Date | null;
  confirmed: number;
};

/**
 * Pays the fan's holds from the wallet. Run it inside a transaction (the
 * idempotency record's): every step below commits together or not at all.
 *
 * 1. lock the holds and check they are the fan's, HELD, of one concert (409);
 * 2. the ADMITTED guard for that concert (401/403/410);
 * 3. one statement: the holds are live by the database clock now, under their
 *    locks (else 410 HOLD_EXPIRED), the conditional debit `balance >= total`
 *    (else 402), the payment row, the PAYMENT ledger entry with the new
 *    balance, and the holds CONFIRMED with the payment id;
 * 4. the queue token ends (reason PAID), freeing the place in line. Once the
 *    payment commits, this process's status polls answer 410 at once (as
 *    after leaving); another process learns it from its next room snapshot,
 *    at most about a second later (SNAPSHOT_FRESH_MS).
 *
 * The hold rows stay locked from step 1 to commit, so nobody can take a seat
 * whose hold was live at step 3: a hold that expires between step 3 and the
 * commit was still the fan's when it was paid.
 */
export async function payForReservations(tx: SqlClient, options: PayForReservationsOptions): Promise<PaymentResponse> {
  const holds = await lockPayableHolds(tx, options);
  const concertId = holds[0]!.concertId;
  const admission = await requireAdmission(tx, {
    token: queueTokenFor(options.queueTokens, concertId),
    userId: options.userId,
    concertId,
  });
  const total = holds.reduce((sum, hold) => sum + hold.price, 0n);
  if (total <= 0n) {
    throw new AppError("RESERVATION_NOT_PAYABLE", "Free seats cannot be paid for from the wallet.", {
      details: { reservationIds: options.reservationIds },
    });
  }
  const settled = await settle(tx, { userId: options.userId, reservationIds: options.reservationIds, total });
  if (settled.expired_ids.length > 0) throw holdExpired(settled.expired_ids);
  if (settled.balance_after === null || settled.payment_id === null || settled.payment_created_at === null) {
    const balance = Number(settled.balance_before ?? 0n);
    throw new AppError("INSUFFICIENT_BALANCE", "Your wallet balance is not enough for this payment.", {
      details: { required: Number(total), balance, shortfall: Number(total) - balance },
    });
  }
  if (settled.confirmed !== holds.length) throw new Error("payment confirmed a different number of holds than it locked");
  const ended = await endQueueToken(tx, { tokenId: admission.tokenId, reason: "PAID" });
  if (ended) options.afterCommit(() => noteTokenEnded(concertId, ended));
  return {
    payment: {
      id: settled.payment_id,
      amount: Number(total),
      status: "COMPLETED",
      createdAt: settled.payment_created_at.toISOString(),
    },
    reservations: holds.toSorted(byDateAndSeat).map(toPaidReservation),
    balance: Number(settled.balance_after),
  };
}

/**
 * Everything that moves money and seats, in one statement. Each step feeds the
 * next, so when the holds are no longer live or the balance falls short, no
 * step after that one writes anything.
 */
async function settle(tx: SqlClient, options: { userId: string; reservationIds: string[]; total: bigint }): Promise<SettleRow> {
  const { userId, reservationIds, total } = options;
  const debit = ledgerWrite({
    userId,
    type: "PAYMENT",
    amount: -total,
    paymentId: Prisma.sql`(SELECT id FROM payment)`,
    onlyIf: Prisma.sql`(SELECT cardinality(ids) FROM expired) = 0`,
  });
  const [row] = await tx.$queryRaw<SettleRow[]>(...asTemplate(Prisma.sql`
    WITH expired AS (
      SELECT coalesce(array_agg(id::text ORDER BY id), '{}') AS ids
      FROM reservations
      WHERE id = ANY(${reservationIds}::uuid[]) AND is_expired_hold(status, expires_at, clock_timestamp())
    ),
    ${debit.change},
    payment AS (
      INSERT INTO payments (user_id, amount) SELECT ${userId}::uuid, ${total} FROM wallet_change
      RETURNING id, created_at
    ),
    ${debit.entry},
    confirmed AS (
      UPDATE reservations r SET status = 'CONFIRMED', payment_id = payment.id, updated_at = now()
      FROM payment
      WHERE r.id = ANY(${reservationIds}::uuid[]) AND r.status = 'HELD'
      RETURNING r.id
    )
    SELECT (SELECT ids FROM expired) AS expired_ids,
           (SELECT balance FROM wallets WHERE user_id = ${userId}::uuid) AS balance_before,
           (SELECT balance_after FROM ledger_entry) AS balance_after,
           (SELECT id FROM payment) AS payment_id,
           (SELECT created_at FROM payment) AS payment_created_at,
           (SELECT count(*)::int FROM confirmed) AS confirmed`));
  return row!;
}

function byDateAndSeat(a: LockedHold, b: LockedHold): number {
  return a.startsAt.getTime() - b.startsAt.getTime() || a.seatNumber - b.seatNumber;
}

function toPaidReservation(hold: LockedHold): PaymentResponse["reservations"][number] {
  return {
    id: hold.id,
    seatId: hold.seatId,
    seatNumber: hold.seatNumber,
    grade: hold.grade,
    performanceId: hold.performanceId,
    concertId: hold.concertId,
    startsAt: hold.startsAt.toISOString(),
    price: Number(hold.price),
    status: "CONFIRMED",
    expiresAt: hold.expiresAt.toISOString(),
  };
}
