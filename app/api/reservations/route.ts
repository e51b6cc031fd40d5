import { holdSeats } from "@/lib/booking/hold-seats";
import { listMyReservations } from "@/lib/booking/list-my-reservations";
import { holdSeatsInput } from "@/lib/booking/schemas";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { readJson } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { admittedRoute, sessionRoute } from "@/lib/http/route";

export const GET = sessionRoute(async ({ session }) => {
  const reservations = await listMyReservations(db(), { userId: session.user.id });
  return json({ reservations });
});

export const POST = admittedRoute(async ({ request, session, queueTokens }) => {
  const input = await readJson(request, holdSeatsInput);
  const reservations = await holdSeats(db(), {
    userId: session.user.id,
    performanceId: input.performanceId.toLowerCase(),
    seatIds: input.seatIds,
    queueTokens,
  });
  return json({ reservations }, 201);
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
