import { listSeats } from "@/lib/booking/list-seats";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { sessionRoute } from "@/lib/http/route";
import { queueTokenFrom, requireAdmission } from "@/lib/queue/require-admission";

export const GET = sessionRoute<{ performanceId: string }>(async ({ request, params, session }) => {
  const performanceId = parseId(params.performanceId, "performance");
  const userId = session.user.id;
  // One query finds the concert (for the guard) and the seats; nothing is shown until the guard passes.
  const seatMap = await listSeats(db(), { performanceId, userId });
  if (!seatMap) throw new AppError("NOT_FOUND", "No such performance.");
  await requireAdmission(db(), { token: queueTokenFrom(request, seatMap.concertId), userId, concertId: seatMap.concertId });
  return json({ seats: seatMap.seats });
});
