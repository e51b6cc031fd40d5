import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId, readJson } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { adminRoute } from "@/lib/http/route";
import { readAdminRoom } from "@/lib/queue/read-admin-room";
import { roomSettingsUpdate } from "@/lib/queue/schemas";
import { updateRoomSettings } from "@/lib/queue/update-room-settings";

type Params = { concertId: string };

/** GET /api/admin/concerts/{concertId}/room (operators) → the room's settings and exact line. */
export const GET = adminRoute<Params>(async ({ params }) => {
  const room = await readAdminRoom(db(), parseId(params.concertId, "concert"));
  if (!room) throw new AppError("NOT_FOUND", "No such concert.");
  return json({ room });
});

/** PATCH /api/admin/concerts/{concertId}/room (operators) → the room after the change (settings, pause, resume). */
export const PATCH = adminRoute<Params>(async ({ request, params, session }) => {
  const concertId = parseId(params.concertId, "concert");
  const changes = await readJson(request, roomSettingsUpdate);
  return json({ room: await updateRoomSettings(db(), { actorId: session.user.id, concertId, changes }) });
});

export const { POST, PUT, DELETE } = otherMethods("GET", "PATCH");
