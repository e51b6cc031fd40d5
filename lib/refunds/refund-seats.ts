import "server-only";
import { markSeatMapStale } from "@/lib/booking/seat-map-snapshot";
import { catalogSnapshot } from "@/lib/catalog/catalog-snapshot";
import { Prisma, type SqlClient } from "@/lib/db";
import { asTemplate } from "@/lib/db/composed-template";
import { AppError } from "@/lib/errors";
import type { AfterCommit } from "@/lib/idempotency/with-idempotency";
import type { RefundedReservation } from "@/lib/refunds/schemas";
import { SEAT_PLACE_COLUMNS, SEAT_SECTION_JOIN, seatPlaceOf, type SeatPlaceRow } from "@/lib/venues/seat-place";
import { ledgerWrite } from "@/lib/wallet/ledger-write";

export type RefundSeatsOptions = {
  paymentId: string;
  /** Which of the payment's seats to refund; every seat still sold when omitted. */
  reservationIds?: string[];
  /** The operator refunding; null when the fan cancels their own ticket. */
  actorId: string | null;
  /** Runs an in-process effect once the refund has committed (withIdempotency's). */
  afterCommit: AfterCommit;
};

/** COMPLETED: every seat still sold; PARTIALLY_REFUNDED: some refunded; REFUNDED: all (docs/decisions/105). */
export type PaymentStatus = "COMPLETED" | "PARTIALLY_REFUNDED" | "REFUNDED";

export type RefundedSeats = {
  refund: { id: string; amount: number };
  reservations: RefundedReservation[];
  /** The fan's wallet balance after the refund. */
  balance: number;
  payment: { id: string; userId: string; concertId: string; statusBefore: PaymentStatus; statusAfter: PaymentStatus };
};

type PaymentRow = { id: string; user_id: string; status: PaymentStatus };

type SoldSeat = SeatPlaceRow & {
  id: string;
  seat_id: string;
  seat_number: number;
  grade: string;
  performance_id: string;
  concert_id: string;
  starts_at: Date;
  price: bigint;
  expires_at: Date;
};
type SettleRow = { refund_id: string; balance_after: bigint; cancelled: number };

/**
 * Refunds seats of one payment: the one home of refunding, for an operator's
 * refund and a fan's cancellation alike. Run it inside a transaction (the
 * idempotency record's): every step commits together or not at all.
 *
 * 1. lock the payment row (404 when there is none): every refund of a payment
 *    takes its turn here, so a seat is refunded once however many requests race;
 * 2. lock its seats still sold (CONFIRMED), in id order; none of the wanted
 *    ones left → 409 ALREADY_REFUNDED;
 * 3. one statement: the refunds row, the REFUND ledger entry crediting their
 *    total (ledgerWrite), the seats CANCELLED with the refund's id (each seat is
 *    free again: it has no live reservation) and the payment's new status.
 * Once committed, this process's seat maps and catalogue read afresh; other
 * processes' snapshots catch up within a second.
 */
export async function refundSeats(tx: SqlClient, options: RefundSeatsOptions): Promise<RefundedSeats> {
  const [payment] = await tx.$queryRaw<PaymentRow[]>`
    SELECT id, user_id, status FROM payments WHERE id = ${options.paymentId}::uuid FOR UPDATE`;
  if (!payment) throw new AppError("NOT_FOUND", "No such payment.");
  const sold = await lockSoldSeats(tx, payment.id);
  const wanted = options.reservationIds ? new Set(options.reservationIds) : undefined;
  const refunded = wanted ? sold.filter((seat) => wanted.has(seat.id)) : sold;
  if (refunded.length === 0) {
    throw new AppError("ALREADY_REFUNDED", "These seats are refunded already.", { details: { paymentId: payment.id } });
  }
  const total = refunded.reduce((sum, seat) => sum + seat.price, 0n);
  const statusAfter: PaymentStatus = refunded.length === sold.length ? "REFUNDED" : "PARTIALLY_REFUNDED";
  const settled = await settle(tx, { payment, actorId: options.actorId, seats: refunded, total, statusAfter });
  if (settled.cancelled !== refunded.length) throw new Error("refund cancelled a different number of seats than it locked");

  options.afterCommit(() => {
    for (const performanceId of new Set(refunded.map((seat) => seat.performance_id))) markSeatMapStale(performanceId);
    catalogSnapshot().markStale();
  });
  return {
    refund: { id: settled.refund_id, amount: Number(total) },
    reservations: refunded.toSorted(byDateAndSeat).map(toRefundedReservation),
    balance: Number(settled.balance_after),
    payment: { id: payment.id, userId: payment.user_id, concertId: refunded[0]!.concert_id, statusBefore: payment.status, statusAfter },
  };
}

/** The payment's seats still sold, locked in id order (so two refunds of one payment never deadlock). */
function lockSoldSeats(tx: SqlClient, paymentId: string): Promise<SoldSeat[]> {
  return tx.$queryRaw<SoldSeat[]>(...asTemplate(Prisma.sql`
    SELECT r.id, r.seat_id, s.number AS seat_number, ${SEAT_PLACE_COLUMNS}, s.grade, r.performance_id, p.concert_id, p.starts_at, r.price, r.expires_at
    FROM reservations r
    JOIN seats s ON s.id = r.seat_id
    ${SEAT_SECTION_JOIN}
    JOIN performances p ON p.id = r.performance_id
    WHERE r.payment_id = ${paymentId}::uuid AND r.status = 'CONFIRMED'
    ORDER BY r.id
    FOR UPDATE OF r`));
}

/** Everything that moves money and seats, in one statement. */
async function settle(
  tx: SqlClient,
  options: { payment: PaymentRow; actorId: string | null; seats: SoldSeat[]; total: bigint; statusAfter: PaymentStatus },
): Promise<SettleRow> {
  const { payment, total } = options;
  const credit = ledgerWrite({ userId: payment.user_id, type: "REFUND", amount: total, refundId: Prisma.sql`(SELECT id FROM refund)` });
  // Data-modifying CTEs all run, read or not.
  const [row] = await tx.$queryRaw<SettleRow[]>(...asTemplate(Prisma.sql`
    WITH refund AS (
      INSERT INTO refunds (payment_id, user_id, amount, actor_id)
      VALUES (${payment.id}::uuid, ${payment.user_id}::uuid, ${total}, ${options.actorId}::uuid)
      RETURNING id
    ),
    ${credit.change},
    ${credit.entry},
    cancelled AS (
      UPDATE reservations r SET status = 'CANCELLED', refund_id = refund.id, updated_at = now()
      FROM refund
      WHERE r.id = ANY(${options.seats.map((seat) => seat.id)}::uuid[]) AND r.status = 'CONFIRMED'
      RETURNING r.id
    ),
    payment_status AS (
      UPDATE payments SET status = ${options.statusAfter} WHERE id = ${payment.id}::uuid
    )
    SELECT (SELECT id FROM refund) AS refund_id,
           (SELECT balance_after FROM ledger_entry) AS balance_after,
           (SELECT count(*)::int FROM cancelled) AS cancelled`));
  return row!;
}

function byDateAndSeat(a: SoldSeat, b: SoldSeat): number {
  return a.starts_at.getTime() - b.starts_at.getTime() || a.seat_number - b.seat_number;
}

function toRefundedReservation(seat: SoldSeat): RefundedReservation {
  return {
    id: seat.id,
    seatId: seat.seat_id,
    seatNumber: seat.seat_number,
    ...seatPlaceOf(seat),
    grade: seat.grade,
    performanceId: seat.performance_id,
    concertId: seat.concert_id,
    startsAt: seat.starts_at.toISOString(),
    price: Number(seat.price),
    status: "CANCELLED",
    expiresAt: seat.expires_at.toISOString(),
  };
}
