import "server-only";
import type { SqlClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AfterCommit } from "@/lib/idempotency/with-idempotency";
import { refundSeats } from "@/lib/refunds/refund-seats";
import type { CancelTicketResponse } from "@/lib/refunds/schemas";

export type CancelTicketOptions = {
  userId: string;
  reservationId: string;
  afterCommit: AfterCommit;
};

type TicketRow = { payment_id: string | null; is_sold: boolean; is_refunded: boolean; is_booking_open: boolean };

/**
 * A fan cancels one of their own tickets while its date's booking is open
 * (is_booking_open, the rule that lets the seat be sold again): refundSeats
 * refunds that one seat. Someone else's ticket, a hold or an unknown id → 404;
 * a ticket refunded already → 409 ALREADY_REFUNDED; booking closed → 409
 * CANCELLATION_CLOSED. A cancellation racing an operator's refund of the same
 * payment queues on the payment row inside refundSeats, which decides.
 */
export async function cancelTicket(tx: SqlClient, options: CancelTicketOptions): Promise<CancelTicketResponse> {
  const [ticket] = await tx.$queryRaw<TicketRow[]>`
    SELECT r.payment_id, r.status = 'CONFIRMED' AS is_sold, r.refund_id IS NOT NULL AS is_refunded,
           is_booking_open(p.booking_opens_at, p.booking_closes_at, p.starts_at) AS is_booking_open
    FROM reservations r JOIN performances p ON p.id = r.performance_id
    WHERE r.id = ${options.reservationId}::uuid AND r.user_id = ${options.userId}::uuid`;
  if (!ticket?.payment_id || !(ticket.is_sold || ticket.is_refunded)) throw new AppError("NOT_FOUND", "No such ticket.");
  if (ticket.is_refunded) throw new AppError("ALREADY_REFUNDED", "This ticket is cancelled and refunded already.");
  if (!ticket.is_booking_open) {
    throw new AppError("CANCELLATION_CLOSED", "Booking for this date has closed, so the ticket can no longer be cancelled.");
  }
  const refunded = await refundSeats(tx, {
    paymentId: ticket.payment_id,
    reservationIds: [options.reservationId],
    actorId: null,
    afterCommit: options.afterCommit,
  });
  return { reservation: refunded.reservations[0]!, refund: refunded.refund, balance: refunded.balance };
}
