import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId } from "@/lib/http/request";
import { idempotentRoute } from "@/lib/idempotency/idempotent-route";
import { cancelTicket } from "@/lib/refunds/cancel-ticket";
import { cancelTicketInput } from "@/lib/refunds/schemas";

/**
 * POST /api/tickets/{reservationId}/cancel + Idempotency-Key (session; no body)
 * → 200: the fan's ticket is cancelled and its price refunded to the wallet.
 */
export const POST = idempotentRoute<typeof cancelTicketInput, { reservationId: string }>(
  cancelTicketInput,
  async ({ params, session, tx, afterCommit }) => ({
    status: 200,
    body: await cancelTicket(tx, {
      userId: session.user.id,
      reservationId: parseId(params.reservationId, "ticket"),
      afterCommit,
    }),
  }),
  { isBodyOptional: true },
);

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods("POST");
