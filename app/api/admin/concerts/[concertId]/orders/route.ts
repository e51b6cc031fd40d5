import { listConcertOrders } from "@/lib/admin/list-concert-orders";
import { ordersQuery } from "@/lib/admin/order-schemas";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId, parseOrThrow } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { adminRoute } from "@/lib/http/route";

/** GET /api/admin/concerts/{concertId}/orders?cursor=&q= (operators) → the concert's orders, newest first. */
export const GET = adminRoute<{ concertId: string }>(async ({ request, params }) => {
  const concertId = parseId(params.concertId, "concert");
  const query = parseOrThrow(ordersQuery, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listConcertOrders(db(), { concertId, cursor: query.cursor, q: query.q || undefined }));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
