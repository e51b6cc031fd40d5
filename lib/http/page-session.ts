import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { toViewer, type PageViewer } from "@/lib/auth/page-viewer";
import { readSession, SESSION_COOKIE, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { readQueueTokens } from "@/lib/http/queue-tokens";
import { SHARED_RENDER_HEADER } from "@/lib/http/shared-page-cache";
import { queueTokenFor } from "@/lib/queue/queue-tokens";
import { requireAdmission, type Admission } from "@/lib/queue/require-admission";

/** The signed-in user of the page being rendered, or null. One lookup per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const cookieStore = await cookies();
  const session = await readSession(db(), cookieStore.get(SESSION_COOKIE)?.value);
  return session?.user ?? null;
});

/**
 * Who the header and the concert page's call to action show. The shared
 * render (the proxy's request, marked with SHARED_RENDER_HEADER) is handed to
 * every fan, so it looks up no session and says "not known": the browser
 * fills the personal parts in (docs/decisions/135). Every other render (a
 * client navigation, a refresh after signing in or out) knows.
 */
export const getPageViewer = cache(async (): Promise<PageViewer> => {
  if ((await headers()).has(SHARED_RENDER_HEADER)) return { known: false };
  const user = await getCurrentUser();
  return { known: true, viewer: user && toViewer(user) };
});

/** For pages that need a fan: sends a visitor to sign in, then back here. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * For operator pages (/admin): a visitor signs in first; a fan is shown "not found", so nothing of
 * the console is rendered or read for them. Every console page calls this itself: a layout's check
 * does not guard the pages under it (they render independently of it).
 */
export async function requirePageOperator(returnTo: string): Promise<SessionUser> {
  const user = await requirePageUser(returnTo);
  if (user.role !== "ADMIN") notFound();
  return user;
}

/** The guard's refusals that mean "not your turn yet" (or no place at all): the waiting room joins and shows the place. */
const BACK_TO_QUEUE_CODES = ["INVALID_QUEUE_TOKEN", "NOT_ADMITTED"] as const;

/** The waiting room's address for a fan whose turn has ended: it says so instead of joining the line again by itself. */
function queuePathAfterTurn(concertId: string): string {
  return `/concerts/${concertId}/queue?turn=ended`;
}

/**
 * For booking and checkout pages: the ADMITTED guard with the request's queue
 * token, read as admittedRoute reads it (the web UI's cookie); a fan whose turn has not come goes to the waiting room, one whose
 * turn has ended (paid, ran out, given away) to the waiting room telling them so.
 */
export async function requirePageAdmission(userId: string, concertId: string): Promise<Admission> {
  const token = queueTokenFor(readQueueTokens(await headers()), concertId);
  try {
    return await requireAdmission(db(), { token, userId, concertId });
  } catch (error) {
    if (isAppError(error, "QUEUE_TOKEN_EXPIRED")) redirect(queuePathAfterTurn(concertId));
    if (BACK_TO_QUEUE_CODES.some((code) => isAppError(error, code))) redirect(`/concerts/${concertId}/queue`);
    throw error;
  }
}
