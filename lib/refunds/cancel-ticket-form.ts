import "server-only";
import type { IdempotentFormAction } from "@/lib/actions/form-action";
import { parseId } from "@/lib/http/request";
import { payments } from "@/lib/i18n/ko/payments";
import { cancelTicket } from "@/lib/refunds/cancel-ticket";
import { cancelTicketInput, type CancelTicketResponse } from "@/lib/refunds/schemas";

const t = payments.tickets.cancel;

/**
 * "내 티켓"'s cancellation: POST /api/tickets/{reservationId}/cancel's schema and cancelTicket, the
 * ticket named by the confirm button's value, one effect per Idempotency-Key of the form. A ticket
 * cancelled in another tab, or whose date stopped taking bookings, is refused with the list re-read,
 * so the page no longer offers what it cannot do.
 */
export const cancelTicketForm: IdempotentFormAction<typeof cancelTicketInput, CancelTicketResponse> = {
  isIdempotent: true,
  name: "tickets.cancel",
  access: "session",
  schema: cancelTicketInput,
  toInput: () => ({}),
  fieldMessages: {},
  errorMessages: {
    ALREADY_REFUNDED: t.errors.alreadyCancelled,
    CANCELLATION_CLOSED: t.errors.closed,
    REQUEST_IN_PROGRESS: t.errors.inProgress,
  },
  refreshOn: ["ALREADY_REFUNDED", "CANCELLATION_CLOSED"],
  notice: (result: CancelTicketResponse) => t.done(result.reservation.label, result.refund.amount, result.balance),
  run: ({ session, tx, afterCommit, fields }) =>
    cancelTicket(tx, {
      userId: session.user.id,
      reservationId: parseId(typeof fields.reservationId === "string" ? fields.reservationId : undefined, "ticket"),
      afterCommit,
    }),
};
