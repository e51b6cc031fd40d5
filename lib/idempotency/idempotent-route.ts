import "server-only";
import type { z } from "zod";
import type { AuthSession } from "@/lib/auth/session";
import { db, type RawTransaction } from "@/lib/db";
import { readJson } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { admittedRoute, sessionRoute, type AdmittedArgs, type RouteHandler } from "@/lib/http/route";
import { hashRequest } from "@/lib/idempotency/hash-request";
import { readIdempotencyKey } from "@/lib/idempotency/idempotency-key";
import { withIdempotency, type AfterCommit, type IdempotentAnswer } from "@/lib/idempotency/with-idempotency";

type RouteArgs = { request: Request; session: AuthSession };

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
export function idempotentRoute<Schema extends z.ZodType>(
  schema: Schema,
  handler: (args: IdempotentHandlerArgs<RouteArgs, z.infer<Schema>>) => Promise<IdempotentAnswer>,
): RouteHandler<Record<string, never>> {
  return sessionRoute((args) => answerIdempotently(args, schema, handler));
}

/** idempotentRoute for admitted fans (admittedRoute): the handler also gets the request's queue tokens. */
export function admittedIdempotentRoute<Schema extends z.ZodType>(
  schema: Schema,
  handler: (args: IdempotentHandlerArgs<AdmittedArgs, z.infer<Schema>>) => Promise<IdempotentAnswer>,
): RouteHandler<Record<string, never>> {
  return admittedRoute((args) => answerIdempotently(args, schema, handler));
}

async function answerIdempotently<Args extends RouteArgs, Schema extends z.ZodType>(
  args: Args,
  schema: Schema,
  handler: (args: IdempotentHandlerArgs<Args, z.infer<Schema>>) => Promise<IdempotentAnswer>,
): Promise<Response> {
  const { request, session } = args;
  const key = readIdempotencyKey(request);
  const input = await readJson(request, schema);
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
