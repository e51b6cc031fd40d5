import { exportSoldSeats } from "@/lib/admin/export-sold-seats";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId } from "@/lib/http/request";
import { adminRoute } from "@/lib/http/route";

/** GET /api/admin/concerts/{concertId}/orders.csv (operators) → text/csv, one row per seat sold. */
export const GET = adminRoute<{ concertId: string }>(async ({ params }) => {
  const concertId = parseId(params.concertId, "concert");
  const csv = await exportSoldSeats(db(), concertId);
  if (csv === null) throw new AppError("NOT_FOUND", "No such concert.");
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="orders-${concertId}.csv"`,
      "cache-control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
