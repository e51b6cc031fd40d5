// Who is looking at a page, as much of it as the page shows: a name for the
// header and whether to link the console. Shared by the server render and the
// browser, so nothing else of the session (id, email) reaches the page.
import type { Role } from "@/lib/generated/prisma/enums.ts";

export type Viewer = { name: string; role: Role };

/**
 * As the server rendering a page knows it. The render every fan shares
 * (docs/decisions/135) does not know who will see it: `known: false`, and the
 * browser asks GET /api/me. Any other render looked the session up: `viewer`
 * is the fan, or null for a visitor.
 */
export type PageViewer = { known: true; viewer: Viewer | null } | { known: false };

export function toViewer(user: { name: string; role: Role }): Viewer {
  return { name: user.name, role: user.role };
}
