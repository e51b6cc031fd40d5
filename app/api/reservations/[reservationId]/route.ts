import { releaseHold } from "@/lib/booking/release-hold";
import { requireBookingAdmission } from "@/lib/booking/require-booking-admission";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId } from "@/lib/http/request";
import { noContent } from "@/lib/http/responses";
import { admittedRoute } from "@/lib/http/route";

export const DELETE = admittedRoute<{ reservationId: string }>(async ({ params, session, queueTokens }) => {
  const reservationId = parseId(params.reservationId, "reservation");
  const userId = session.user.id;
  await requireBookingAdmission(db(), { queueTokens, userId, target: { reservationId, userId } });
  await releaseHold(db(), { userId, reservationId });
  return noContent();
});

export const { GET, HEAD, POST, PUT, PATCH } = otherMethods("DELETE");
