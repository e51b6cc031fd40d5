import { auditEntriesQuery, auditEntriesResponse } from "@/lib/audit/schemas";
import type { ApiOperation } from "@/lib/openapi/operation";

export const auditOperations: ApiOperation[] = [
  {
    method: "get", path: "/api/admin/audit", tag: "Admin", summary: "The audit log", access: "admin",
    description:
      "Every operator change, newest first: who, what, why, with the values before and after. Each entry was written " +
      "in the transaction of its change. concertId (an addition) keeps the changes of one concert. Pass nextCursor back " +
      "as cursor for the next page; null means the end.",
    query: auditEntriesQuery,
    responses: { 200: { description: "One page of entries.", schema: auditEntriesResponse } },
    errors: ["VALIDATION_FAILED"],
  },
];
