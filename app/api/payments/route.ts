import { otherMethods } from "@/lib/http/method-not-allowed";
import { admittedIdempotentRoute } from "@/lib/idempotency/idempotent-route";
import { payForReservations } from "@/lib/payments/pay-for-reservations";
import { payInput } from "@/lib/payments/schemas";

/**
 * POST /api/payments {reservationIds} + Idempotency-Key (session + ADMITTED)
 * → 201. The concert, and so the queue token to check, follows from the holds.
 */
export const POST = admittedIdempotentRoute(payInput, async ({ session, input, tx, queueTokens, afterCommit }) => ({
  status: 201,
  body: await payForReservations(tx, {
    userId: session.user.id,
    reservationIds: input.reservationIds,
    queueTokens,
    afterCommit,
  }),
}));

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods("POST");
