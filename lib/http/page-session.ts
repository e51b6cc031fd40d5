import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { readSession, SESSION_COOKIE, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

/** The signed-in user of the page being rendered, or null. One lookup per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const cookieStore = await cookies();
  const session = await readSession(db(), cookieStore.get(SESSION_COOKIE)?.value);
  return session?.user ?? null;
});

/** For pages that need a fan: sends a visitor to sign in, then back here. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}
