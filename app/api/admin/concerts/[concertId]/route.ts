import { concertUpdate } from "@/lib/admin/concert-input";
import { readAdminConcert } from "@/lib/admin/read-admin-concerts";
import { updateConcert } from "@/lib/admin/update-concert";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId, readJson } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { adminRoute } from "@/lib/http/route";

type Params = { concertId: string };

/** GET /api/admin/concerts/{concertId} (operators) → the concert as the console shows it. */
export const GET = adminRoute<Params>(async ({ params }) => {
  const concert = await readAdminConcert(db(), parseId(params.concertId, "concert"));
  if (!concert) throw new AppError("NOT_FOUND", "No such concert.");
  return json({ concert });
});

/** PATCH /api/admin/concerts/{concertId} (operators) → the edited concert. */
export const PATCH = adminRoute<Params>(async ({ request, params, session }) => {
  const concertId = parseId(params.concertId, "concert");
  const changes = await readJson(request, concertUpdate);
  return json({ concert: await updateConcert(db(), { actorId: session.user.id, concertId, changes }) });
});

export const { POST, PUT, DELETE } = otherMethods("GET", "PATCH");
