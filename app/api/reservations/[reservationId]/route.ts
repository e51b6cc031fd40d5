import { releaseHold } from "@/lib/booking/release-hold";
import { requireBookingAdmission } from "@/lib/booking/require-booking-admission";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId } from "@/lib/http/request";
import { noContent } from "@/lib/http/responses";
import { sessionRoute } from "@/lib/http/route";

export const DELETE = sessionRoute<{ reservationId: string }>(async ({ request, params, session }) => {
  const reservationId = parseId(params.reservationId, "reservation");
  const userId = session.user.id;
  await requireBookingAdmission(db(), { request, userId, target: { reservationId, userId } });
  await releaseHold(db(), { userId, reservationId });
  return noContent();
});

export const { GET, HEAD, POST, PUT, PATCH } = otherMethods("DELETE");
