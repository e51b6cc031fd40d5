import "server-only";
import { timingSafeEqual, createHash } from "node:crypto";
import { z } from "zod";
import { readSession, SESSION_COOKIE, type AuthSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isConnectionFault, retryReadOnce } from "@/lib/db/connection-fault";
import { pgErrorCode, PG } from "@/lib/db/pg-error";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { withApiSecurityHeaders } from "@/lib/http/api-security-headers";
import { readQueueTokens } from "@/lib/http/queue-tokens";
import { readCookie } from "@/lib/http/request";
import { appErrorResponse, fieldErrors } from "@/lib/http/responses";
import type { QueueTokens } from "@/lib/queue/queue-tokens";

type NextRouteContext<Params> = { params: Promise<Params> };
export type RouteHandler<Params> = (request: Request, context: NextRouteContext<Params>) => Promise<Response>;
type Args<Params> = { request: Request; params: Params };

/** Seconds a client should wait before retrying after the database failed it. */
const DATABASE_RETRY_AFTER_SECONDS = 1;

/**
 * What anything thrown means to a caller, as one AppError: domain errors as they are, zod errors as
 * 422 with their field errors, the database's faults and refusals as 503/409/404; anything else is an
 * opaque, logged INTERNAL. Route handlers answer it as the error body of docs/API.md, server actions
 * as a form error (lib/actions), so both say the same about the same failure.
 */
export function toAppError(error: unknown, context: Record<string, unknown> = {}): AppError {
  if (isAppError(error)) return error;
  if (isConnectionFault(error)) {
    logError("database connection failed", error, context);
    return new AppError("SERVICE_UNAVAILABLE", "The service is briefly unavailable. Please retry.", { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
  }
  if (error instanceof z.ZodError) return new AppError("VALIDATION_FAILED", "Some fields are not valid.", { details: fieldErrors(error) });
  const sqlState = pgErrorCode(error);
  if (sqlState === PG.UNIQUE_VIOLATION) return new AppError("CONFLICT", "That already exists.");
  if (sqlState === PG.INVALID_TEXT_REPRESENTATION) return new AppError("NOT_FOUND", "No such resource.");
  if (sqlState === PG.LOCK_NOT_AVAILABLE || sqlState === PG.QUERY_CANCELED || sqlState === PG.DEADLOCK_DETECTED) {
    return new AppError("SERVICE_UNAVAILABLE", "Busy right now. Please retry.", { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
  }
  logError("unhandled error", error, context);
  return new AppError("INTERNAL", "Something went wrong on our side.");
}

/** Maps anything thrown to the error body of docs/API.md; unknown errors become an opaque, logged 500. */
export function toErrorResponse(error: unknown, request?: Request): Response {
  return appErrorResponse(toAppError(error, { method: request?.method, url: request?.url }));
}

/**
 * Refuses a state-changing request whose Origin header names another origin.
 * Browsers always send Origin on cross-site POST/DELETE; API clients that send
 * none are not browsers and carry no ambient cookie risk from a foreign page.
 */
function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return;
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const expected = host ? host.toLowerCase() : new URL(request.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    originHost = "";
  }
  if (originHost !== expected) throw new AppError("FORBIDDEN_ORIGIN", "Requests from another origin are not allowed.");
}

async function resolveParams<Params>(context: NextRouteContext<Params> | undefined): Promise<Params> {
  return ((await context?.params) ?? {}) as Params;
}

/**
 * Any route: origin check, error mapping and the API's security headers. A GET (or HEAD) changes nothing,
 * so one whose database connection was dropped runs once more on a fresh one.
 */
export function publicRoute<Params = Record<string, never>>(
  handler: (args: Args<Params>) => Promise<Response>,
): RouteHandler<Params> {
  return async (request, context) => {
    try {
      assertSameOrigin(request);
      const args = { request, params: await resolveParams(context) };
      const isSafeMethod = request.method === "GET" || request.method === "HEAD";
      return withApiSecurityHeaders(await (isSafeMethod ? retryReadOnce(() => handler(args)) : handler(args)));
    } catch (error) {
      return withApiSecurityHeaders(toErrorResponse(error, request));
    }
  };
}

export async function requireSession(request: Request): Promise<AuthSession> {
  const session = await readSession(db(), readCookie(request, SESSION_COOKIE));
  if (!session) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return session;
}

/** A route that needs a signed-in user (401 UNAUTHENTICATED otherwise). */
export function sessionRoute<Params = Record<string, never>>(
  handler: (args: Args<Params> & { session: AuthSession }) => Promise<Response>,
): RouteHandler<Params> {
  return publicRoute<Params>(async (args) => handler({ ...args, session: await requireSession(args.request) }));
}

export type AdmittedArgs<Params = Record<string, never>> = Args<Params> & { session: AuthSession; queueTokens: QueueTokens };

/**
 * A route for admitted fans (the ADMITTED guard of docs/API.md): 401 without a session,
 * then the handler gets the request's queue tokens (X-Queue-Token, else the
 * web UI's cookie of the concert) for its one domain call, which finds the
 * concert of the resource and runs the guard, on hot paths inside its own
 * statement (401 INVALID_QUEUE_TOKEN / 403 NOT_ADMITTED / 410 QUEUE_TOKEN_EXPIRED).
 */
export function admittedRoute<Params = Record<string, never>>(
  handler: (args: AdmittedArgs<Params>) => Promise<Response>,
): RouteHandler<Params> {
  return sessionRoute<Params>(async (args) => handler({ ...args, queueTokens: readQueueTokens(args.request.headers) }));
}

/** A route for operators only: 401 without a session, 403 for a fan. */
export function adminRoute<Params = Record<string, never>>(
  handler: (args: Args<Params> & { session: AuthSession }) => Promise<Response>,
): RouteHandler<Params> {
  return sessionRoute<Params>(async (args) => {
    if (args.session.user.role !== "ADMIN") throw new AppError("FORBIDDEN", "Operators only.");
    return handler(args);
  });
}

function constantTimeEquals(a: string, b: string): boolean {
  // Hashing first gives equal lengths, so neither length nor content leaks.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * Vercel Cron: the header must be exactly `Authorization: Bearer $CRON_SECRET`
 * (nothing before or after), compared whole in constant time; never a query string.
 */
export function cronRoute(handler: (args: Args<Record<string, never>>) => Promise<Response>): RouteHandler<Record<string, never>> {
  return publicRoute(async (args) => {
    const header = args.request.headers.get("authorization") ?? "";
    if (!constantTimeEquals(header, `Bearer ${env().CRON_SECRET}`)) {
      throw new AppError("UNAUTHENTICATED", "A valid cron secret is required.");
    }
    return handler(args);
  });
}
