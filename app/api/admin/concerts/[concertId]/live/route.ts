import { readLiveSnapshot } from "@/lib/admin/live-snapshot";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { adminRoute } from "@/lib/http/route";

/** GET /api/admin/concerts/{concertId}/live (operators) → exact counts of the on-sale, shared per process for about a second. */
export const GET = adminRoute<{ concertId: string }>(async ({ params }) => {
  const live = await readLiveSnapshot(db(), parseId(params.concertId, "concert"));
  if (!live) throw new AppError("NOT_FOUND", "No such concert.");
  return json(live);
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
