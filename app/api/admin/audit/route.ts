import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { auditEntriesQuery } from "@/lib/audit/schemas";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseOrThrow } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { adminRoute } from "@/lib/http/route";

/** GET /api/admin/audit?cursor=&concertId= (operators) → the audit log, newest first. */
export const GET = adminRoute(async ({ request }) => {
  const query = parseOrThrow(auditEntriesQuery, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listAuditEntries(db(), { cursor: query.cursor, concertId: query.concertId }));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
