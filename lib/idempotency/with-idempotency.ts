import "server-only";
import type { Database, RawTransaction } from "@/lib/db";
import { pgErrorCode, PG } from "@/lib/db/pg-error";
import { inRawTransaction } from "@/lib/db/sql-transaction";
import { DEFAULT_TRANSACTION_LIMITS, type TransactionLimits } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

/** A transaction left idle this long (a stuck caller) is ended by the database, releasing its locks. */
const IDLE_IN_TRANSACTION_FACTOR = 3;

/** The answer an idempotent request gives, and gives again on every retry. */
export type IdempotentAnswer = { status: number; body: unknown };

/** Registers what this process does once the effect has committed (never when it rolls back, never on a replay). */
export type AfterCommit = (effect: () => void) => void;

export type WithIdempotencyOptions = {
  userId: string;
  key: string;
  /** hashRequest() of the request; a retry must carry the same. */
  requestHash: string;
  /** The effect, run at most once per (user, key), inside the record's transaction. */
  work: (tx: RawTransaction, afterCommit: AfterCommit) => Promise<IdempotentAnswer>;
  limits?: TransactionLimits;
};

/**
 * Runs `work` at most once per (user, key) and answers every retry with the
 * first answer.
 *
 * The record is inserted first, in the same transaction as the effect:
 * - inserted → this call owns the key; the effect runs and its answer is stored
 *   before commit, so nobody ever sees the record without its answer;
 * - conflict → the key was committed by an earlier call (a concurrent duplicate
 *   waits on the unique index until the first commits): same hash → the stored
 *   answer, another hash → 422 IDEMPOTENCY_KEY_REUSED;
 * - waiting longer than lock_timeout for a duplicate → 409 REQUEST_IN_PROGRESS.
 * When the effect fails (a domain error), the record rolls back with it:
 * nothing happened, so a retry with the same key runs again. What the effect
 * registers with `afterCommit` (in-process caches learning of it) runs only
 * once the commit succeeded.
 */
export async function withIdempotency(
  database: Database,
  options: WithIdempotencyOptions,
): Promise<IdempotentAnswer & { isReplay: boolean }> {
  const limits = { ...DEFAULT_TRANSACTION_LIMITS, ...options.limits };
  const committedEffects: (() => void)[] = [];
  const answer = await inRawTransaction(database, async (tx) => {
    const recordId = await claimKey(tx, { ...options, limits });
    if (recordId === null) return { ...(await storedAnswer(tx, options)), isReplay: true };
    const answer = await options.work(tx, (effect) => committedEffects.push(effect));
    // The body comes back through jsonb, so the first answer and every replay are byte-identical.
    const [stored] = await tx.$queryRaw<{ response_body: unknown }[]>`
      UPDATE idempotency_records
      SET response_status = ${answer.status}, response_body = ${JSON.stringify(answer.body)}::jsonb
      WHERE id = ${recordId}
      RETURNING response_body`;
    return { status: answer.status, body: stored!.response_body, isReplay: false };
  });
  for (const effect of committedEffects) effect();
  return answer;
}

/**
 * Sets the transaction's lock_timeout, statement_timeout and
 * idle_in_transaction_session_timeout (what inTransaction does with SET LOCAL,
 * here folded into the first statement to spare a round trip on the payment
 * path), plans its later statements generically (each finds its rows by key;
 * custom plans of the ones on id arrays were remade on every request,
 * docs/decisions/030) and inserts the record; null when the key already belongs to a
 * committed request. set_config runs as the row to insert is produced, so the
 * lock_timeout already bounds this statement's wait on a concurrent duplicate;
 * statement_timeout applies from the next statement on.
 */
async function claimKey(
  tx: RawTransaction,
  options: WithIdempotencyOptions & { limits: Required<TransactionLimits> },
): Promise<bigint | null> {
  const { lockTimeoutMs, statementTimeoutMs } = options.limits;
  try {
    // The status and body are placeholders that the same transaction overwrites before commit.
    const rows = await tx.$queryRaw<{ id: bigint }[]>`
      WITH limits AS MATERIALIZED (
        SELECT set_config('lock_timeout', ${String(Math.trunc(lockTimeoutMs))}, true) AS lock_timeout,
               set_config('statement_timeout', ${String(Math.trunc(statementTimeoutMs))}, true) AS statement_timeout,
               set_config('idle_in_transaction_session_timeout',
                          ${String(Math.trunc(statementTimeoutMs * IDLE_IN_TRANSACTION_FACTOR))}, true) AS idle_timeout,
               set_config('plan_cache_mode', 'force_generic_plan', true) AS plan_cache_mode
      )
      INSERT INTO idempotency_records (user_id, key, request_hash, response_status, response_body)
      SELECT ${options.userId}::uuid, ${options.key}, ${options.requestHash}, 0, 'null'::jsonb FROM limits
      ON CONFLICT (user_id, key) DO NOTHING
      RETURNING id`;
    return rows[0]?.id ?? null;
  } catch (error) {
    if (pgErrorCode(error) === PG.LOCK_NOT_AVAILABLE) throw requestInProgress();
    throw error;
  }
}

async function storedAnswer(tx: RawTransaction, options: WithIdempotencyOptions): Promise<IdempotentAnswer> {
  const [record] = await tx.$queryRaw<{ request_hash: string; response_status: number; response_body: unknown }[]>`
    SELECT request_hash, response_status, response_body
    FROM idempotency_records
    WHERE user_id = ${options.userId}::uuid AND key = ${options.key}`;
  if (!record) throw requestInProgress();
  if (record.request_hash !== options.requestHash) {
    throw new AppError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different request.");
  }
  return { status: record.response_status, body: record.response_body };
}

function requestInProgress(): AppError {
  return new AppError("REQUEST_IN_PROGRESS", "A request with this Idempotency-Key is still being processed. Retry in a moment.", {
    retryAfterSeconds: 1,
  });
}
