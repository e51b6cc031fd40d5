// Request builders and a ready-to-pay fan for wallet and payment tests.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { createConcert, createUser, sessionCookieFor, type ConcertFixtureOptions } from "@/lib/testing/fixtures";
import { createHolds, fundWallet, type TestHold } from "@/lib/testing/holds";
import { testRequest } from "@/lib/testing/http";
import { admitFan } from "@/lib/testing/queue";

export function chargeRequest(options: { cookie: string; amount: unknown; key?: string | null }): Request {
  const key = options.key === undefined ? randomUUID() : options.key;
  return testRequest("POST", "/api/wallet/charge", {
    cookie: options.cookie,
    body: { amount: options.amount },
    headers: key === null ? {} : { "idempotency-key": key },
  });
}

export function payRequest(options: { cookie: string; token?: string; reservationIds: unknown; key?: string | null }): Request {
  const key = options.key === undefined ? randomUUID() : options.key;
  return testRequest("POST", "/api/payments", {
    cookie: options.cookie,
    body: { reservationIds: options.reservationIds },
    headers: {
      ...(key === null ? {} : { "idempotency-key": key }),
      ...(options.token ? { "x-queue-token": options.token } : {}),
    },
  });
}

export type PayingFan = {
  userId: string;
  cookie: string;
  concertId: string;
  performanceId: string;
  tokenId: string;
  token: string;
  holds: TestHold[];
  total: number;
};

/**
 * A signed-in, admitted fan holding the given seats of a fresh concert, with
 * `balance` won in the wallet (nothing charged when 0).
 */
export async function createPayingFan(
  db: Db,
  options: { seatNumbers?: number[]; balance?: number; expiresInMs?: number; concert?: ConcertFixtureOptions } = {},
): Promise<PayingFan> {
  const user = await createUser(db);
  const { concertId, performanceIds } = await createConcert(db, options.concert ?? { performances: 1, seatsPerPerformance: 20 });
  const admission = await admitFan(db, { userId: user.id, concertId });
  const holds = await createHolds(db, {
    userId: user.id,
    performanceId: performanceIds[0]!,
    seatNumbers: options.seatNumbers ?? [1, 12],
    expiresInMs: options.expiresInMs,
  });
  if (options.balance) await fundWallet(db, { userId: user.id, amount: options.balance });
  return {
    userId: user.id,
    cookie: await sessionCookieFor(db, user.id),
    concertId,
    performanceId: performanceIds[0]!,
    tokenId: admission.tokenId,
    token: admission.token,
    holds,
    total: holds.reduce((sum, hold) => sum + hold.price, 0),
  };
}
