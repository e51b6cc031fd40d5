import { concertIdParams, concertListResponse, concertResponse } from "@/lib/catalog/schemas";
import type { ApiOperation } from "@/lib/openapi/operation";

export const catalogOperations: ApiOperation[] = [
  {
    method: "get", path: "/api/concerts", tag: "Catalogue", summary: "List the concerts", access: "public",
    description: "Public. Concerts with at least one performance, ordered by their first performance.",
    responses: { 200: { description: "The concerts.", schema: concertListResponse } },
  },
  {
    method: "get", path: "/api/concerts/{concertId}", tag: "Catalogue", summary: "One concert", access: "public",
    description: "Public. The concert with its performances, seat grades and when its waiting room opens.",
    pathParams: concertIdParams,
    responses: { 200: { description: "The concert.", schema: concertResponse } },
    errors: ["NOT_FOUND"],
  },
];
