import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  admittedFan,
  requestHold,
  requestPerformances,
  requestRelease,
  requestSeats,
  seatIdsOf,
  type Fan,
} from "@/lib/booking/booking-test-kit";
import { db } from "@/lib/db";
import { createConcert, createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { admitFan } from "@/lib/testing/queue";
import { sealQueueToken } from "@/lib/queue/token";

let concertId: string;
let performanceId: string;
let seats: string[];
let owner: Fan;
let nextFreeSeat = 2;

beforeAll(async () => {
  const concert = await createConcert(db(), { performances: 1, seatsPerPerformance: 20 });
  concertId = concert.concertId;
  performanceId = concert.performanceIds[0]!;
  seats = await seatIdsOf(performanceId);
  owner = await admittedFan(concertId);
});

/** A live hold of the fan on a seat of its own, written straight to the table. */
async function holdOf(userId: string): Promise<string> {
  const seat = seats[nextFreeSeat++]!;
  const [row] = await db().$queryRaw<{ id: string }[]>`
    INSERT INTO reservations (seat_id, performance_id, user_id, price, expires_at)
    VALUES (${seat}::uuid, ${performanceId}::uuid, ${userId}::uuid, 1000, now() + interval '5 minutes') RETURNING id`;
  return row!.id;
}

async function expectEveryEndpoint(fan: Fan, status: number, code: string): Promise<void> {
  const reservationId = await holdOf(fan.userId);
  const endpoints: Array<[string, () => Promise<Response>]> = [
    ["GET performances", () => requestPerformances(fan, concertId)],
    ["GET seats", () => requestSeats(fan, performanceId)],
    ["POST hold", () => requestHold(fan, { performanceId, seatIds: [seats[0]] })],
    ["DELETE hold", () => requestRelease(fan, reservationId)],
  ];
  for (const [name, request] of endpoints) {
    const response = await request();
    expect({ name, status: response.status, code: (await response.json()).error?.code }).toEqual({ name, status, code });
  }
  // A refused request neither holds nor releases anything.
  expect(await db().reservation.count({ where: { seatId: seats[0] } })).toBe(0);
  expect((await db().reservation.findUnique({ where: { id: reservationId }, select: { status: true } }))?.status).toBe("HELD");
}

describe("the admission guard on booking endpoints", () => {
  it("answers 401 UNAUTHENTICATED without a session", async () => {
    await expectEveryEndpoint({ ...owner, cookie: "" }, 401, "UNAUTHENTICATED");
  });

  it("answers 401 INVALID_QUEUE_TOKEN without a queue token", async () => {
    await expectEveryEndpoint({ ...owner, headers: {} }, 401, "INVALID_QUEUE_TOKEN");
  });

  it("answers 401 INVALID_QUEUE_TOKEN for a forged or altered token", async () => {
    const token = owner.headers["x-queue-token"]!;
    await expectEveryEndpoint({ ...owner, headers: { "x-queue-token": `${token.slice(0, -4)}AAAA` } }, 401, "INVALID_QUEUE_TOKEN");
  });

  it("answers 401 INVALID_QUEUE_TOKEN for a token of another concert", async () => {
    const other = await createConcert(db(), { performances: 1, seatsPerPerformance: 1 });
    const { headers } = await admitFan(db(), { userId: owner.userId, concertId: other.concertId });
    await expectEveryEndpoint({ ...owner, headers }, 401, "INVALID_QUEUE_TOKEN");
  });

  it("answers 401 INVALID_QUEUE_TOKEN for another fan's token", async () => {
    const stranger = await createUser(db());
    const cookie = await sessionCookieFor(db(), stranger.id);
    await expectEveryEndpoint({ userId: stranger.id, cookie, headers: owner.headers }, 401, "INVALID_QUEUE_TOKEN");
  });

  it("answers 403 NOT_ADMITTED while the fan is still waiting", async () => {
    const fan = await createUser(db());
    const [row] = await db().$queryRaw<{ id: string; ticket: bigint }[]>`
      WITH room AS (UPDATE waiting_rooms SET last_ticket = last_ticket + 1 WHERE concert_id = ${concertId}::uuid RETURNING last_ticket)
      INSERT INTO queue_tokens (user_id, concert_id, ticket) SELECT ${fan.id}::uuid, ${concertId}::uuid, last_ticket FROM room
      RETURNING id, ticket`;
    const token = await sealQueueToken({ tid: row!.id, uid: fan.id, cid: concertId, tkt: row!.ticket.toString() });
    await expectEveryEndpoint({ userId: fan.id, cookie: await sessionCookieFor(db(), fan.id), headers: { "x-queue-token": token } }, 403, "NOT_ADMITTED");
  });

  it("answers 410 QUEUE_TOKEN_EXPIRED when the admission window is over", async () => {
    const fan = await createUser(db());
    const { tokenId, headers } = await admitFan(db(), { userId: fan.id, concertId });
    await db().$executeRaw`UPDATE queue_tokens SET admitted_until = now() - interval '1 second' WHERE id = ${tokenId}::uuid`;
    await expectEveryEndpoint({ userId: fan.id, cookie: await sessionCookieFor(db(), fan.id), headers }, 410, "QUEUE_TOKEN_EXPIRED");
  });

  it("answers 404 for ids that do not exist, before asking for a token", async () => {
    const fan = { ...owner, headers: {} };
    const unknown = randomUUID();
    expect((await requestPerformances(fan, unknown)).status).toBe(404);
    expect((await requestSeats(fan, unknown)).status).toBe(404);
    expect((await requestSeats(fan, "not-a-uuid")).status).toBe(404);
    expect((await requestRelease(fan, unknown)).status).toBe(404);
  });

  it("accepts the web UI's queue cookie in place of the header", async () => {
    const { queueCookieName } = await import("@/lib/queue/token");
    const cookie = `${owner.cookie}; ${queueCookieName(concertId)}=${encodeURIComponent(owner.headers["x-queue-token"]!)}`;
    const response = await requestSeats({ ...owner, cookie, headers: {} }, performanceId);
    expect(response.status).toBe(200);
  });
});
