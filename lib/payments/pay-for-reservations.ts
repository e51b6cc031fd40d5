import "server-only";
import type { SqlClient } from "@/lib/db";
import { preparedQuery } from "@/lib/db/prepared-query";
import { AppError } from "@/lib/errors";
import type { AfterCommit } from "@/lib/idempotency/with-idempotency";
import type { PaymentResponse } from "@/lib/payments/schemas";
import { toQueuePlace } from "@/lib/queue/claim-queue-place";
import { toEndedToken } from "@/lib/queue/end-queue-token";
import type { QueueTokens } from "@/lib/queue/queue-tokens";
import { admissionRefusal, verifiedQueueTokens } from "@/lib/queue/require-admission";
import { noteTokenEnded } from "@/lib/queue/room-snapshot";
import { seatPlaceOf } from "@/lib/venues/seat-place";

export type PayForReservationsOptions = {
  userId: string;
  reservationIds: string[];
  /** The request's queue tokens; the concert of the holds picks the one that counts. */
  queueTokens: QueueTokens;
  /** Runs an in-process effect once the payment has committed (withIdempotency's). */
  afterCommit: AfterCommit;
};

type SettleRefusal = "NOT_PAYABLE" | "SEVERAL_CONCERTS" | "HOLD_EXPIRED" | "NOT_ADMITTED" | "FREE_SEATS" | "INSUFFICIENT_BALANCE";

/** A row of settle_payment (prisma/functions/settle_payment.sql): a refusal, or one paid hold with the payment. */
type SettleRow = {
  refusal: SettleRefusal | null;
  refused_ids: string[] | null;
  place_status: string | null;
  place_admitted_until: Date | null;
  place_is_live: boolean | null;
  total: bigint | null;
  balance: bigint | null;
  payment_id: string | null;
  payment_created_at: Date | null;
  ended_token_id: string | null;
  ended_ticket: bigint | null;
  ended_admitted_until_ms: number | null;
  reservation_id: string;
  seat_id: string;
  seat_number: number;
  grade: string;
  performance_id: string;
  concert_id: string;
  starts_at: Date;
  price: bigint;
  expires_at: Date;
  section_id: string;
  section_name: string;
  row_label: string;
  label: string;
};

/**
 * Pays the fan's holds from the wallet. Run it inside a transaction (the
 * idempotency record's). The request's queue tokens are verified here, without
 * the database; then ONE statement, the SQL function settle_payment, does the
 * rest (docs/decisions/030, 095):
 *
 * 1. lock the holds and check they are the fan's, HELD, of one concert (409;
 *    410 for holds the release job marked EXPIRED);
 * 2. the ADMITTED guard for that concert (401/403/410);
 * 3. the holds are live by the database clock now, under their locks (else
 *    410 HOLD_EXPIRED), the debit through ledger_write (else 402), the
 *    payment row, and the holds CONFIRMED with the payment id;
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
  const tokens = await verifiedQueueTokens(options.queueTokens, options.userId);
  const rows = await preparedQuery<SettleRow>(tx)`
    SELECT * FROM settle_payment(${options.userId}::uuid, ${options.reservationIds}::uuid[],
                                 ${tokens.concertIds}::uuid[], ${tokens.tokenIds}::uuid[])`;
  const settled = rows[0];
  if (!settled) throw new Error("settle_payment answered no row.");
  if (settled.refusal !== null) throw refusalError(settled, options.reservationIds);
  if (settled.payment_id === null || settled.payment_created_at === null || settled.total === null || settled.balance === null) {
    throw new Error("settle_payment answered a payment without its id, time, total or balance.");
  }
  if (settled.ended_token_id !== null) {
    const ended = toEndedToken({ id: settled.ended_token_id, ticket: settled.ended_ticket, admitted_until_ms: settled.ended_admitted_until_ms });
    options.afterCommit(() => noteTokenEnded(settled.concert_id, ended));
  }
  return {
    payment: {
      id: settled.payment_id,
      amount: Number(settled.total),
      status: "COMPLETED",
      createdAt: settled.payment_created_at.toISOString(),
    },
    reservations: rows.map(toPaidReservation),
    balance: Number(settled.balance),
  };
}

/** What a refusal of settle_payment answers: the order and the bodies of docs/API.md. */
function refusalError(row: SettleRow, reservationIds: string[]): Error {
  switch (row.refusal) {
    case "NOT_PAYABLE":
      return new AppError("RESERVATION_NOT_PAYABLE", "Some reservations cannot be paid: they are not your current holds.", {
        details: { reservationIds: row.refused_ids ?? [] },
      });
    case "SEVERAL_CONCERTS":
      return new AppError("RESERVATION_NOT_PAYABLE", "Pay for the holds of one concert at a time.", { details: { reservationIds } });
    case "HOLD_EXPIRED":
      return new AppError("HOLD_EXPIRED", "Your hold has expired. Pick your seats again.", {
        details: { reservationIds: row.refused_ids ?? [] },
      });
    case "NOT_ADMITTED": {
      const place = row.place_status === null ? null : toQueuePlace({ status: row.place_status, admitted_until: row.place_admitted_until, is_live: row.place_is_live ?? false });
      return admissionRefusal(place) ?? new Error("settle_payment refused an admitted place.");
    }
    case "FREE_SEATS":
      return new AppError("RESERVATION_NOT_PAYABLE", "Free seats cannot be paid for from the wallet.", { details: { reservationIds } });
    case "INSUFFICIENT_BALANCE": {
      const required = Number(row.total ?? 0n);
      const balance = Number(row.balance ?? 0n);
      return new AppError("INSUFFICIENT_BALANCE", "Your wallet balance is not enough for this payment.", {
        details: { required, balance, shortfall: required - balance },
      });
    }
    default:
      return new Error(`settle_payment answered an unknown refusal: ${String(row.refusal)}`);
  }
}

function toPaidReservation(row: SettleRow): PaymentResponse["reservations"][number] {
  return {
    id: row.reservation_id,
    seatId: row.seat_id,
    seatNumber: row.seat_number,
    ...seatPlaceOf(row),
    grade: row.grade,
    performanceId: row.performance_id,
    concertId: row.concert_id,
    startsAt: row.starts_at.toISOString(),
    price: Number(row.price),
    status: "CONFIRMED",
    expiresAt: row.expires_at.toISOString(),
  };
}
