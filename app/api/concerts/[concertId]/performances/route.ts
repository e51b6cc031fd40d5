import { listPerformances } from "@/lib/booking/list-performances";
import { requireBookingAdmission } from "@/lib/booking/require-booking-admission";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { admittedRoute } from "@/lib/http/route";

export const GET = admittedRoute<{ concertId: string }>(async ({ params, session, queueTokens }) => {
  const concertId = parseId(params.concertId, "concert");
  await requireBookingAdmission(db(), { queueTokens, userId: session.user.id, target: { concertId } });
  const performances = await listPerformances(db(), { concertId });
  return json({ performances });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
