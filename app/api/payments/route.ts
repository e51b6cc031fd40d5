import { otherMethods } from "@/lib/http/method-not-allowed";
import { idempotentRoute } from "@/lib/idempotency/idempotent-route";
import { payForReservations } from "@/lib/payments/pay-for-reservations";
import { payInput } from "@/lib/payments/schemas";
import { queueTokenFrom } from "@/lib/queue/require-admission";

/**
 * POST /api/payments {reservationIds} + Idempotency-Key (session + ADMITTED)
 * → 201. The concert, and so the queue token to check, follows from the holds.
 */
export const POST = idempotentRoute(payInput, async ({ request, session, input, tx }) => ({
  status: 201,
  body: await payForReservations(tx, {
    userId: session.user.id,
    reservationIds: input.reservationIds,
    queueTokenFor: (concertId) => queueTokenFrom(request, concertId),
  }),
}));

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods("POST");
