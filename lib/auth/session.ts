import "server-only";
import { randomBytes } from "node:crypto";
import { sealData } from "iron-session";
import { unsealIronRemembered } from "@/lib/auth/iron-unseal";
import type { Db } from "@/lib/db";
import { batchedLookupByDb } from "@/lib/db/batched-lookup";
import { preparedQuery } from "@/lib/db/prepared-query";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums.ts";

export { SESSION_COOKIE } from "@/lib/auth/session-cookie-name";
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

/** The session id a genuine cookie of ours carries; null for anything else. */
function sessionIdOf(cookieValue: string): string | null {
  const sealed = unsealIronRemembered(cookieValue, env().SESSION_SECRET) as { sid?: unknown } | null;
  return typeof sealed?.sid === "string" ? sealed.sid : null;
}

/** Most sessions looked up in one statement (lib/db/batched-lookup.ts). */
const SESSION_LOOKUP_BATCH = 200;

/**
 * The fewest ids a lookup statement is sent with. PostgreSQL costs the
 * generic plan of a prepared `= ANY($1)` as if the array held 10 elements;
 * sent fewer, it judged a plan made for the actual array cheaper and planned
 * the lookup again on every request, which cost more than running it
 * (docs/decisions/170). Padded to 10 ids (the first one repeated), the
 * generic plan is never the dearer, so PostgreSQL keeps it after five
 * executions.
 */
const GENERIC_PLAN_ARRAY_LENGTH = 10;

function paddedForGenericPlan(ids: string[]): string[] {
  return ids.length >= GENERIC_PLAN_ARRAY_LENGTH ? ids : [...ids, ...Array<string>(GENERIC_PLAN_ARRAY_LENGTH - ids.length).fill(ids[0]!)];
}

type SessionRow = SessionUser & { sessionId: string };

/** Every signed-in request reads its session, so concurrent reads share statements. */
const lookUpSession = batchedLookupByDb(async (db, sessionIds: string[]) => {
  const rows = await preparedQuery<SessionRow>(db)`
    SELECT s.id AS "sessionId", u.id::text AS id, u.email, u.name, u.role::text AS role
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = ANY(${paddedForGenericPlan(sessionIds)}::text[]) AND s.expires_at > now()`;
  return new Map(rows.map(({ sessionId, ...user }) => [sessionId, user]));
}, { maxBatch: SESSION_LOOKUP_BATCH });

/** The live session and its user, or null: the cookie must be genuine and its row live. */
export async function readSession(db: Db, cookieValue: string | undefined): Promise<AuthSession | null> {
  if (!cookieValue || cookieValue.length > 4096) return null;
  const sessionId = sessionIdOf(cookieValue);
  if (!sessionId) return null;
  const user = await lookUpSession(db, sessionId);
  return user ? { sessionId, user } : null;
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}
