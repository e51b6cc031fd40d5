import "server-only";
import type { z } from "zod";
import type { AuthSession } from "@/lib/auth/session";
import { db, type RawTransaction } from "@/lib/db";
import { readJson } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { adminRoute, admittedRoute, sessionRoute, type AdmittedArgs, type RouteHandler } from "@/lib/http/route";
import { hashRequest } from "@/lib/idempotency/hash-request";
import { readIdempotencyKey } from "@/lib/idempotency/idempotency-key";
import { withIdempotency, type AfterCommit, type IdempotentAnswer } from "@/lib/idempotency/with-idempotency";

type RouteArgs<Params = Record<string, never>> = { request: Request; session: AuthSession; params: Params };

type IdempotentHandlerArgs<Args, Input> = Args & {
  input: Input;
  /** The transaction that also holds the idempotency record. */
  tx: RawTransaction;
  /** Runs an in-process effect once the transaction has committed. */
  afterCommit: AfterCommit;
};

/**
 * A POST route that needs a session and an Idempotency-Key: 401 without a
 * session, 400 without the key, 400/422 for a bad body, then the handler runs
 * at most once per key inside the record's transaction. Replays carry the
 * header `Idempotent-Replayed: true`.
 */
export function idempotentRoute<Schema extends z.ZodType, Params = Record<string, never>>(
  schema: Schema,
  handler: (args: IdempotentHandlerArgs<RouteArgs<Params>, z.infer<Schema>>) => Promise<IdempotentAnswer>,
  options: BodyOptions = {},
): RouteHandler<Params> {
  return sessionRoute<Params>((args) => answerIdempotently(args, schema, handler, options));
}

/** idempotentRoute for operators (adminRoute): 401 without a session, 403 for a fan, before anything else is read. */
export function adminIdempotentRoute<Schema extends z.ZodType, Params = Record<string, never>>(
  schema: Schema,
  handler: (args: IdempotentHandlerArgs<RouteArgs<Params>, z.infer<Schema>>) => Promise<IdempotentAnswer>,
): RouteHandler<Params> {
  return adminRoute<Params>((args) => answerIdempotently(args, schema, handler));
}

/** idempotentRoute for admitted fans (admittedRoute): the handler also gets the request's queue tokens. */
export function admittedIdempotentRoute<Schema extends z.ZodType>(
  schema: Schema,
  handler: (args: IdempotentHandlerArgs<AdmittedArgs, z.infer<Schema>>) => Promise<IdempotentAnswer>,
): RouteHandler<Record<string, never>> {
  return admittedRoute((args) => answerIdempotently(args, schema, handler));
}

type BodyOptions = {
  /** The endpoint takes no body: an empty one reads as {} (a body that is sent must still be valid JSON). */
  isBodyOptional?: boolean;
};

async function answerIdempotently<Args extends RouteArgs<unknown>, Schema extends z.ZodType>(
  args: Args,
  schema: Schema,
  handler: (args: IdempotentHandlerArgs<Args, z.infer<Schema>>) => Promise<IdempotentAnswer>,
  options: BodyOptions = {},
): Promise<Response> {
  const { request, session } = args;
  const key = readIdempotencyKey(request);
  const input = await readJson(request, schema, { emptyBody: options.isBodyOptional ? {} : undefined });
  const answer = await withIdempotency(db(), {
    userId: session.user.id,
    key,
    requestHash: hashRequest({ method: request.method, path: new URL(request.url).pathname, body: input }),
    work: (tx, afterCommit) => handler({ ...args, input, tx, afterCommit }),
  });
  return json(answer.body, {
    status: answer.status,
    headers: answer.isReplay ? { "idempotent-replayed": "true" } : undefined,
  });
}
