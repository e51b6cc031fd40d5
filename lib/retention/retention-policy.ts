import "server-only";
import { SIGN_IN_WINDOW_SECONDS } from "@/lib/auth/sign-in-throttle";

/**
 * How long Encore keeps each kind of row that is not money, in one place
 * (the README's retention table says the same). The purge (purge-expired-rows.ts)
 * removes a row once its window is over; until then nothing removes it.
 *
 * Never removed: payments, wallet_entries, wallets, reservations (money and
 * the seats it bought), users, concerts and their dates and seats.
 */
export const RETENTION = {
  /** A session is useless once expired; kept a day longer so "your session expired" stays explainable in logs. */
  sessions: { table: "sessions", keepSeconds: 24 * 60 * 60, after: "expires_at" },
  /**
   * The stored answer of an Idempotency-Key: a retry within this window gets
   * the first answer; after it the same key is a new request (as with Stripe's
   * 24 hours). The API documents it next to Idempotency-Key.
   */
  idempotencyRecords: { table: "idempotency_records", keepSeconds: 24 * 60 * 60, after: "created_at" },
  /**
   * An ended place in line (left, paid, lapsed). Kept a day for the operators'
   * per-minute charts and on-sale reports (which read the last hour), and
   * longer while a poll could still need it to answer 410 (a ticket the
   * serving counter has not passed yet, or an admission with time left).
   */
  queueTokens: { table: "queue_tokens", keepSeconds: 24 * 60 * 60, after: "ended_at" },
  /** The failed sign-ins of an email: useless once its window is over (the next attempt starts a new one). */
  signInThrottles: { table: "sign_in_throttles", keepSeconds: SIGN_IN_WINDOW_SECONDS, after: "window_started_at" },
} as const;

export type RetentionKind = keyof typeof RETENTION;

export const RETENTION_KINDS = Object.keys(RETENTION) as RetentionKind[];
