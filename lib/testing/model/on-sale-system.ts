// The real system of the on-sale model test: a small hall and a small arena
// of sections, each concert with a small waiting room, a few signed-in fans and
// an operator, and every request sent to the real route handlers with real
// Requests, as a client would send it. Also the two things a test may do that
// a client cannot: move time forward, and read the rows.
import { randomUUID } from "node:crypto";
import { GET as performancesRoute } from "@/app/api/concerts/[concertId]/performances/route";
import { POST as joinRoute } from "@/app/api/concerts/[concertId]/queue/route";
import { GET as cronRoute } from "@/app/api/cron/release-holds/route";
import { PATCH as roomRoute } from "@/app/api/admin/concerts/[concertId]/room/route";
import { POST as refundRoute } from "@/app/api/admin/payments/[paymentId]/refund/route";
import { POST as payRoute } from "@/app/api/payments/route";
import { GET as seatsRoute } from "@/app/api/performances/[performanceId]/seats/route";
import { GET as sectionsRoute } from "@/app/api/performances/[performanceId]/sections/route";
import { DELETE as leaveRoute } from "@/app/api/queue/route";
import { GET as statusRoute } from "@/app/api/queue/status/route";
import { DELETE as releaseRoute } from "@/app/api/reservations/[reservationId]/route";
import { POST as cancelRoute } from "@/app/api/tickets/[reservationId]/cancel/route";
import { POST as holdRoute } from "@/app/api/reservations/route";
import { POST as chargeRoute } from "@/app/api/wallet/charge/route";
import { GET as walletRoute } from "@/app/api/wallet/route";
import { setProcessClock } from "@/lib/cache/process-clock";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { IS_LAPSED_ADMISSION } from "@/lib/queue/lapsed-admission";
import { SNAPSHOT_FRESH_MS } from "@/lib/queue/room-snapshot";
import { createConcert, createUser, createUsers, sessionCookieFor, type ConcertFixtureOptions } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { arenaSections, ARENA_PRICES, type ArenaPlan } from "@/lib/venues/arena-layout";
import type { ConcertLayout, SectionModel } from "./on-sale-model";

/** The room of each concert: small enough that fans wait, a rate cap that never binds. */
export const ROOM = { capacity: 2, admissionRatePerMinute: 6_000_000, admissionWindowSeconds: 600, claimWindowSeconds: 60 };
export const HALL_SEATS = 6;
/** Two floor blocks of 3 seats and two stand sections of 2: 10 seats in 4 sections of three grades. */
export const MODEL_ARENA: ArenaPlan = {
  floor: { columns: 2, rows: 1, rowsPerBlock: 1, seatsPerRow: 3, grades: ["VIP"] },
  tiers: [{ sections: 2, rows: 1, seatsPerRow: 2, grade: "R", back: { sections: 1, grade: "S" } }],
};
export const FANS = 3;
/** The system's concerts, in order: what commands call them. */
export const CONCERT_NAMES = ["hall", "arena"] as const;

export type Answer = { status: number; body: unknown; isReplay: boolean };

export type RealFan = { userId: string; cookie: string };
export type RealConcert = ConcertLayout & { concertId: string };

export type OnSaleSystem = {
  db: Db;
  /** A small hall with two dates, and an arena with one. The model books each concert's first date; the others are only listed. */
  concerts: RealConcert[];
  fans: RealFan[];
  /** The operator's session cookie. */
  operatorCookie: string;
};

/**
 * Every snapshot of this process (waiting room, seat map, catalogue) judges its
 * freshness by the process clock; the model test moves it past the freshness
 * window before each command, so answers never come from a snapshot older than
 * the previous command. That snapshots may lag by up to a second is tested
 * elsewhere (lib/queue, lib/booking); here it would only blur the predictions.
 */
export function useModelProcessClock(): { beforeCommand: () => void; advance: (ms: number) => void; restore: () => void } {
  let offsetMs = 0;
  setProcessClock({ now: () => Date.now() + offsetMs });
  return {
    beforeCommand: () => (offsetMs += 2 * SNAPSHOT_FRESH_MS),
    advance: (ms) => (offsetMs += ms),
    restore: () => setProcessClock(undefined),
  };
}

export async function startOnSaleSystem(db: Db): Promise<OnSaleSystem> {
  const concerts = [
    await startConcert(db, CONCERT_NAMES[0], { performances: 2, seatsPerPerformance: HALL_SEATS, room: ROOM }),
    await startConcert(db, CONCERT_NAMES[1], { performances: 1, venue: { sections: arenaSections(MODEL_ARENA), prices: ARENA_PRICES }, room: ROOM }),
  ];
  const users = await createUsers(db, FANS);
  const fans = await Promise.all(users.map(async (user) => ({ userId: user.id, cookie: await sessionCookieFor(db, user.id) })));
  const operator = await createUser(db, { role: "ADMIN" });
  return { db, concerts, fans, operatorCookie: await sessionCookieFor(db, operator.id) };
}

async function startConcert(db: Db, name: string, options: ConcertFixtureOptions): Promise<RealConcert> {
  const { concertId, performanceIds } = await createConcert(db, options);
  const seats = await db.$queryRaw<{ id: string; price: number; sectionId: string }[]>`
    SELECT id::text, price::float8 AS price, section_id::text AS "sectionId" FROM seats WHERE performance_id = ${performanceIds[0]}::uuid ORDER BY number`;
  // Seats are numbered section by section in drawing order (create_performance_seats), so this is the sections' order too.
  const sections: SectionModel[] = [];
  for (const seat of seats) {
    if (sections.at(-1)?.id !== seat.sectionId) sections.push({ id: seat.sectionId, seatIds: [] });
    sections.at(-1)!.seatIds.push(seat.id);
  }
  return { name, concertId, performanceIds, seats, sections };
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, isReplay: response.headers.get("idempotent-replayed") === "true" };
}

const tokenHeader = (token: string | undefined): Record<string, string> => (token ? { "x-queue-token": token } : {});

/** The requests a fan can make, each through the real route handler; `concert` is the index of the concert in the system. */
export function fanClient(system: OnSaleSystem, fan: RealFan) {
  const cookie = fan.cookie;
  const idOf = (concert: number) => system.concerts[concert]!.concertId;
  const bookedDate = (concert: number) => system.concerts[concert]!.performanceIds[0]!;
  const admitted = (token: string | undefined) => ({ cookie, headers: tokenHeader(token) });
  return {
    join: async (concert: number) =>
      answerOf(await call(joinRoute, testRequest("POST", `/api/concerts/${idOf(concert)}/queue`, { cookie }), { concertId: idOf(concert) })),
    poll: async (concert: number, token: string | undefined) =>
      answerOf(await call(statusRoute, testRequest("GET", `/api/queue/status?concertId=${idOf(concert)}`, { headers: tokenHeader(token) }))),
    leave: async (concert: number, token: string | undefined) =>
      answerOf(await call(leaveRoute, testRequest("DELETE", `/api/queue?concertId=${idOf(concert)}`, admitted(token)))),
    listDates: async (concert: number, token: string | undefined) =>
      answerOf(
        await call(performancesRoute, testRequest("GET", `/api/concerts/${idOf(concert)}/performances`, admitted(token)), { concertId: idOf(concert) }),
      ),
    listSections: async (concert: number, token: string | undefined) => {
      const performanceId = bookedDate(concert);
      return answerOf(await call(sectionsRoute, testRequest("GET", `/api/performances/${performanceId}/sections`, admitted(token)), { performanceId }));
    },
    /** The booked date's seats: all of them, or one section's. */
    listSeats: async (concert: number, token: string | undefined, sectionId?: string) => {
      const performanceId = bookedDate(concert);
      const query = sectionId === undefined ? "" : `?section=${sectionId}`;
      return answerOf(await call(seatsRoute, testRequest("GET", `/api/performances/${performanceId}/seats${query}`, admitted(token)), { performanceId }));
    },
    hold: async (concert: number, token: string | undefined, seatIds: string[]) =>
      answerOf(await call(holdRoute, testRequest("POST", "/api/reservations", { ...admitted(token), body: { performanceId: bookedDate(concert), seatIds } }))),
    release: async (token: string | undefined, reservationId: string) =>
      answerOf(await call(releaseRoute, testRequest("DELETE", `/api/reservations/${reservationId}`, admitted(token)), { reservationId })),
    charge: async (amount: number, key: string) =>
      answerOf(await call(chargeRoute, testRequest("POST", "/api/wallet/charge", { cookie, body: { amount }, headers: { "idempotency-key": key } }))),
    pay: async (token: string | undefined, reservationIds: string[], key: string) =>
      answerOf(
        await call(
          payRoute,
          testRequest("POST", "/api/payments", { cookie, body: { reservationIds }, headers: { "idempotency-key": key, ...tokenHeader(token) } }),
        ),
      ),
    wallet: async () => answerOf(await call(walletRoute, testRequest("GET", "/api/wallet", { cookie }))),
    cancelTicket: async (reservationId: string, key: string) =>
      answerOf(
        await call(cancelRoute, testRequest("POST", `/api/tickets/${reservationId}/cancel`, { cookie, headers: { "idempotency-key": key } }), {
          reservationId,
        }),
      ),
  };
}

export type FanClient = ReturnType<typeof fanClient>;

/** The operator refunds every seat of a payment still sold. */
export async function refundPayment(system: OnSaleSystem, paymentId: string, key: string): Promise<Answer> {
  return answerOf(
    await call(
      refundRoute,
      testRequest("POST", `/api/admin/payments/${paymentId}/refund`, {
        cookie: system.operatorCookie,
        body: { reason: "모델 테스트 환불" },
        headers: { "idempotency-key": key },
      }),
      { paymentId },
    ),
  );
}

/** The operator pauses admission to the line (waiting fans keep their places) or resumes it. */
export async function setRoomPaused(system: OnSaleSystem, concert: number, isPaused: boolean): Promise<Answer> {
  const { concertId } = system.concerts[concert]!;
  return answerOf(
    await call(
      roomRoute,
      testRequest("PATCH", `/api/admin/concerts/${concertId}/room`, {
        cookie: system.operatorCookie,
        body: { isPaused, reason: isPaused ? "모델 테스트 일시 정지" : "모델 테스트 재개" },
      }),
      { concertId },
    ),
  );
}

export async function runCron(): Promise<Answer> {
  return answerOf(await call(cronRoute, testRequest("GET", "/api/cron/release-holds", { headers: { authorization: `Bearer ${env().CRON_SECRET}` } })));
}

const concertIdsOf = (system: OnSaleSystem) => system.concerts.map((concert) => concert.concertId);

/**
 * Moves the database's view of time forward for the system's concerts: every
 * time the rules compare with now() (hold expiry, admission and claim
 * windows, the admission rate's bucket) moves back by `seconds`. `ended_at`
 * stays: only retention and the pollers' ended-token reads use it.
 */
export async function shiftTimeBack(system: OnSaleSystem, seconds: number): Promise<void> {
  const { db } = system;
  const concertIds = concertIdsOf(system);
  const by = `${seconds} seconds`;
  await db.$transaction([
    db.$executeRaw`
      UPDATE reservations SET expires_at = expires_at - ${by}::interval, created_at = created_at - ${by}::interval
      WHERE performance_id IN (SELECT id FROM performances WHERE concert_id = ANY(${concertIds}::uuid[]))`,
    db.$executeRaw`
      UPDATE queue_tokens SET created_at = created_at - ${by}::interval, admitted_at = admitted_at - ${by}::interval,
        admitted_until = admitted_until - ${by}::interval, claim_by = claim_by - ${by}::interval, claimed_at = claimed_at - ${by}::interval
      WHERE concert_id = ANY(${concertIds}::uuid[])`,
    db.$executeRaw`UPDATE waiting_rooms SET last_advanced_at = last_advanced_at - ${by}::interval WHERE concert_id = ANY(${concertIds}::uuid[])`,
  ]);
}

export type RowsOfTheSystem = {
  reservations: { id: string; seatId: string; userId: string; concertId: string; status: string }[];
  tokens: { id: string; userId: string; concertId: string; ticket: number | null; status: string; endReason: string | null; isClaimed: boolean }[];
  wallets: { userId: string; balance: number; entries: number; entrySum: number }[];
  payments: { userId: string; count: number }[];
  /** Per concert: admitted turns that have not lapsed by the database clock, and waiting tokens with a lower ticket than one admitted. */
  rooms: { concertId: string; liveAdmitted: number; admittedOutOfOrder: number }[];
};

export async function readRows(system: OnSaleSystem): Promise<RowsOfTheSystem> {
  const { db } = system;
  const concertIds = concertIdsOf(system);
  const userIds = system.fans.map((fan) => fan.userId);
  const [reservations, tokens, wallets, payments, rooms] = await Promise.all([
    db.$queryRaw<RowsOfTheSystem["reservations"]>`
      SELECT r.id::text, r.seat_id::text AS "seatId", r.user_id::text AS "userId", p.concert_id::text AS "concertId", r.status::text
      FROM reservations r JOIN performances p ON p.id = r.performance_id WHERE p.concert_id = ANY(${concertIds}::uuid[])`,
    db.$queryRaw<RowsOfTheSystem["tokens"]>`
      SELECT id::text, user_id::text AS "userId", concert_id::text AS "concertId", ticket::float8 AS ticket, status::text,
             end_reason::text AS "endReason", claimed_at IS NOT NULL AS "isClaimed"
      FROM queue_tokens WHERE concert_id = ANY(${concertIds}::uuid[])`,
    db.$queryRaw<RowsOfTheSystem["wallets"]>`
      SELECT u.id::text AS "userId", coalesce(w.balance, 0)::float8 AS balance,
             (SELECT count(*) FROM wallet_entries e WHERE e.user_id = u.id)::int AS entries,
             (SELECT coalesce(sum(e.amount), 0) FROM wallet_entries e WHERE e.user_id = u.id)::float8 AS "entrySum"
      FROM users u LEFT JOIN wallets w ON w.user_id = u.id WHERE u.id = ANY(${userIds}::uuid[])`,
    db.$queryRaw<RowsOfTheSystem["payments"]>`
      SELECT user_id::text AS "userId", count(*)::int AS count FROM payments WHERE user_id = ANY(${userIds}::uuid[]) GROUP BY user_id`,
    db.$queryRaw<RowsOfTheSystem["rooms"]>`
      SELECT c.id::text AS "concertId",
             (SELECT count(*) FROM queue_tokens WHERE concert_id = c.id AND status = 'ADMITTED' AND NOT ${IS_LAPSED_ADMISSION})::int AS "liveAdmitted",
             (SELECT count(*) FROM queue_tokens w WHERE w.concert_id = c.id AND w.status = 'WAITING'
                AND w.ticket < (SELECT max(a.ticket) FROM queue_tokens a WHERE a.concert_id = c.id AND a.admitted_at IS NOT NULL))::int
               AS "admittedOutOfOrder"
      FROM concerts c WHERE c.id = ANY(${concertIds}::uuid[])`,
  ]);
  return { reservations, tokens, wallets, payments, rooms };
}

export const newKey = (): string => randomUUID();
