import type { ApiOperation } from "@/lib/openapi/operation";
import { venueInput, venueListResponse, venueResponse } from "@/lib/venues/venue-input";

export const venueOperations: ApiOperation[] = [
  {
    method: "get", path: "/api/admin/venues", tag: "Admin", summary: "List the venues", access: "admin",
    description: "Every venue with its sections in drawing order (rows, seats, layout) and its seat count, newest first.",
    responses: { 200: { description: "The venues.", schema: venueListResponse } },
  },
  {
    method: "post", path: "/api/admin/venues", tag: "Admin", summary: "Build a venue from sections", access: "admin",
    description:
      "A venue from its sections, in drawing order: name, grade, rows and seats per row, and optionally row labels " +
      "(\"1\", \"2\"… otherwise), row lengths when rows differ, aisles and the section's box in the 1000 × 1000 drawing " +
      "(stacked below the stage otherwise). At least one section, unique section names, at most 100,000 seats. Audited as venue.create.",
    body: venueInput,
    responses: { 201: { description: "The venue.", schema: venueResponse } },
  },
];
