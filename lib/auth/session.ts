import "server-only";
import { randomBytes } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums.ts";

export const SESSION_COOKIE = "encore_session";
export const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

export type SessionUser = { id: string; email: string; name: string; role: Role };
export type AuthSession = { sessionId: string; user: SessionUser };

/** The cookie holds only a sealed session id; the sessions row is the truth. */
export async function createSession(db: Db, userId: string): Promise<{ cookieValue: string; expiresAt: Date }> {
  const sessionId = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_SECONDS * 1000);
  await db.session.create({ data: { id: sessionId, userId, expiresAt }, select: { id: true } });
  const cookieValue = await sealData({ sid: sessionId }, { password: env().SESSION_SECRET, ttl: SESSION_TTL_SECONDS });
  return { cookieValue, expiresAt };
}

export async function readSession(db: Db, cookieValue: string | undefined): Promise<AuthSession | null> {
  if (!cookieValue) return null;
  let sealed: { sid?: unknown };
  try {
    sealed = await unsealData<{ sid?: unknown }>(cookieValue, { password: env().SESSION_SECRET, ttl: SESSION_TTL_SECONDS });
  } catch {
    return null;
  }
  if (typeof sealed.sid !== "string") return null;
  const session = await db.session.findFirst({
    where: { id: sealed.sid, expiresAt: { gt: new Date() } },
    select: { id: true, user: { select: { id: true, email: true, name: true, role: true } } },
  });
  return session ? { sessionId: session.id, user: session.user } : null;
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}
