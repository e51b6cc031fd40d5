// Bench data: fans ready to pay, each admitted with two fresh holds and money in the wallet, written in bulk.
import { randomUUID } from "node:crypto";
import { admitToConcert } from "./concert.ts";
import type { BenchContext, BenchFan, BenchRequest } from "./context.ts";

export const SEATS_PER_PAYMENT = 2;
const STARTING_BALANCE_WON = 1_000_000;

export type PayingFan = BenchFan & { token: string; reservationIds: string[] };

/** A first charge of `amount` won for each of these fans (who have no wallet yet), with its ledger entry, in bulk. */
export async function fundWallets(ctx: BenchContext, userIds: string[], amount: number): Promise<void> {
  await ctx.db.$executeRaw`
    WITH wallet AS (
      INSERT INTO wallets (user_id, balance) SELECT id, ${amount} FROM unnest(${userIds}::uuid[]) AS u(id)
      RETURNING user_id, balance
    )
    INSERT INTO wallet_entries (user_id, type, amount, balance_after) SELECT user_id, 'CHARGE', balance, balance FROM wallet`;
}

/** Fans with money, an admitted token for the concert and two live holds each, all in bulk. */
export async function preparePayingFans(ctx: BenchContext, concertId: string, count: number): Promise<PayingFan[]> {
  const fans = await ctx.createFans(count);
  const ids = fans.map((fan) => fan.id);
  await fundWallets(ctx, ids, STARTING_BALANCE_WON);
  const tokenByUser = await admitToConcert(ctx, concertId, fans);
  // Free seats of the concert, handed out two per fan.
  const holds = await ctx.db.$queryRaw<{ id: string; user_id: string }[]>`
    WITH free AS (
      SELECT s.id, s.performance_id, s.price, row_number() OVER (ORDER BY s.performance_id, s.number) AS n
      FROM seats s JOIN performances p ON p.id = s.performance_id
      WHERE p.concert_id = ${concertId}::uuid
        AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.seat_id = s.id AND r.status IN ('HELD', 'CONFIRMED'))
    )
    INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at)
    SELECT free.id, free.performance_id, u.id, free.price, 'HELD', now() + interval '1 hour'
    FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS u(id, n)
    JOIN free ON free.n > (u.n - 1) * ${SEATS_PER_PAYMENT} AND free.n <= u.n * ${SEATS_PER_PAYMENT}
    RETURNING id, user_id`;
  const holdsByUser = new Map<string, string[]>();
  for (const hold of holds) holdsByUser.set(hold.user_id, [...(holdsByUser.get(hold.user_id) ?? []), hold.id]);
  return fans.map((fan) => {
    const reservationIds = holdsByUser.get(fan.id) ?? [];
    if (reservationIds.length !== SEATS_PER_PAYMENT) throw new Error("not enough free seats for the benchmark");
    return { ...fan, token: tokenByUser.get(fan.id)!, reservationIds };
  });
}

export function paymentRequest(fan: PayingFan): BenchRequest {
  return {
    path: "/api/payments",
    method: "POST",
    headers: { cookie: fan.cookie, "x-queue-token": fan.token, "idempotency-key": randomUUID() },
    body: { reservationIds: fan.reservationIds },
  };
}
