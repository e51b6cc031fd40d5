import { describe, expect, it } from "vitest";
import {
  admittedFan,
  admittedFans,
  backdateHolds,
  liveRowsPerSeat,
  requestHold,
  requestPerformances,
  requestSeats,
  reservationCount,
  seatIdsOf,
} from "@/lib/booking/booking-test-kit";
import { db } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import { holdSeats } from "@/lib/booking/hold-seats";
import { AppError } from "@/lib/errors";
import { createConcert } from "@/lib/testing/fixtures";
import { expectHistoryExplained, startHistory } from "@/lib/testing/history/record-history";
import { waitForALockWait } from "@/lib/testing/wait";

type HoldBody = { reservations: { id: string; seatId: string; performanceId: string; price: number; status: string; expiresAt: string }[] };

describe("POST /api/reservations", () => {
  it("holds the seats for five minutes on the database clock", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 12 });
    const performanceId = performanceIds[0]!;
    const [first, second] = await seatIdsOf(performanceId);
    const fan = await admittedFan(concertId);

    const response = await requestHold(fan, { performanceId, seatIds: [second, first] });

    expect(response.status).toBe(201);
    const body = (await response.json()) as HoldBody;
    expect(body.reservations.map((reservation) => reservation.seatId).sort()).toEqual([first, second].sort());
    expect(body.reservations.every((reservation) => reservation.status === "HELD" && reservation.price === 150_000)).toBe(true);
    const [row] = await db().$queryRaw<{ seconds: number }[]>`
      SELECT extract(epoch FROM expires_at - created_at)::float AS seconds FROM reservations WHERE id = ${body.reservations[0]!.id}::uuid`;
    expect(row!.seconds).toBeCloseTo(300, 0);
  });

  it("gives one seat to exactly one of 200 fans trying at once, and 409 to the rest", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 5 });
    const performanceId = performanceIds[0]!;
    const [seatId] = await seatIdsOf(performanceId);
    const fans = await admittedFans(concertId, 200);

    const responses = await Promise.all(fans.map((fan) => requestHold(fan, { performanceId, seatIds: [seatId] })));

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(199);
    const losers = await Promise.all(responses.filter((response) => response.status === 409).map((response) => response.json()));
    expect(losers.every((body) => body.error.code === "SEAT_UNAVAILABLE" && body.error.details.seatIds[0] === seatId)).toBe(true);
    const live = await liveRowsPerSeat(performanceId);
    expect(live.get(seatId!)?.count).toBe(1);
    const winner = fans[statuses.indexOf(201)]!;
    expect(live.get(seatId!)?.userId).toBe(winner.userId);
  });

  it("never holds a seat twice when 100 fans race for overlapping sets of seats", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 10 });
    const performanceId = performanceIds[0]!;
    const pool = await seatIdsOf(performanceId);
    const fans = await admittedFans(concertId, 100);
    const wanted = fans.map(() => randomSubset(pool, 1 + Math.floor(Math.random() * 4)));
    const history = await startHistory(db());

    const responses = await Promise.all(
      fans.map((fan, index) =>
        history.record({ kind: "hold", userId: fan.userId, seatIds: wanted[index]! }, () => requestHold(fan, { performanceId, seatIds: wanted[index] })),
      ),
    );

    expect(responses.every((response) => response.status === 201 || response.status === 409)).toBe(true);
    const live = await liveRowsPerSeat(performanceId);
    expect([...live.values()].every((entry) => entry.count === 1)).toBe(true);
    const heldByWinners = new Map<string, string>();
    for (const [index, response] of responses.entries()) {
      if (response.status !== 201) continue;
      const body = (await response.json()) as HoldBody;
      expect(body.reservations.map((reservation) => reservation.seatId).sort()).toEqual([...wanted[index]!].sort());
      for (const reservation of body.reservations) heldByWinners.set(reservation.seatId, fans[index]!.userId);
    }
    expect(heldByWinners.size).toBeGreaterThan(0);
    // Every seat in the table belongs to a 201 answer and vice versa.
    expect(new Map([...live].map(([seatId, entry]) => [seatId, entry.userId]))).toEqual(heldByWinners);
    await expectHistoryExplained(db(), history);
  });

  it("holds nothing when one seat of the request is taken, and names that seat", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 10 });
    const performanceId = performanceIds[0]!;
    const [a, b, c] = await seatIdsOf(performanceId);
    const [early, late] = await admittedFans(concertId, 2);
    expect((await requestHold(early!, { performanceId, seatIds: [b] })).status).toBe(201);

    const response = await requestHold(late!, { performanceId, seatIds: [a, b, c] });

    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatchObject({ code: "SEAT_UNAVAILABLE", details: { seatIds: [b] } });
    const live = await liveRowsPerSeat(performanceId);
    expect([...live.keys()]).toEqual([b]);
  });

  it("rolls back the seats it had claimed when another claim wins the last one mid-transaction", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 10 });
    const performanceId = performanceIds[0]!;
    const [a, b, c] = (await seatIdsOf(performanceId)) as [string, string, string];
    const [rival, fan] = await admittedFans(concertId, 2);
    let commitRival!: () => void;
    const rivalMayCommit = new Promise<void>((resolve) => (commitRival = resolve));
    let rivalInserted!: () => void;
    const rivalHasInserted = new Promise<void>((resolve) => (rivalInserted = resolve));
    // The rival's row for seat c is not committed yet, so c reads as free and the claim must wait for it.
    const rivalClaim = inTransaction(db(), async (tx) => {
      await tx.$executeRaw`
        INSERT INTO reservations (seat_id, performance_id, user_id, price, expires_at)
        VALUES (${c}::uuid, ${performanceId}::uuid, ${rival!.userId}::uuid, 1, now() + interval '5 minutes')`;
      rivalInserted();
      await rivalMayCommit;
    }, { statementTimeoutMs: 30_000 });
    await rivalHasInserted;

    const attempt = holdSeats(db(), { userId: fan!.userId, performanceId, seatIds: [a, b, c], queueTokens: { header: fan!.headers["x-queue-token"], cookies: new Map() } })
      .catch((error: unknown) => error);
    await waitForALockWait(db());
    commitRival();
    await rivalClaim;
    const refusal = await attempt;

    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe("SEAT_UNAVAILABLE");
    expect((refusal as AppError).details).toEqual({ seatIds: expect.arrayContaining([c]) });
    const live = await liveRowsPerSeat(performanceId);
    expect([...live.keys()]).toEqual([c]);
    expect(live.get(c)?.userId).toBe(rival!.userId);
  });

  it("lets another fan hold a seat at once when its hold ran out, before any cron run", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 10 });
    const performanceId = performanceIds[0]!;
    const [seatId] = await seatIdsOf(performanceId);
    const [first, second] = await admittedFans(concertId, 2);
    const held = (await (await requestHold(first!, { performanceId, seatIds: [seatId] })).json()) as HoldBody;
    await backdateHolds([held.reservations[0]!.id]);

    const seats = await (await requestSeats(second!, performanceId)).json();
    expect(seats.seats.find((seat: { id: string }) => seat.id === seatId).status).toBe("AVAILABLE");
    const performances = await (await requestPerformances(second!, concertId)).json();
    expect(performances.performances[0]).toMatchObject({ availableSeats: 10, totalSeats: 10, isSoldOut: false });

    const retake = await requestHold(second!, { performanceId, seatIds: [seatId] });

    expect(retake.status).toBe(201);
    const rows = await db().reservation.findMany({ where: { seatId }, select: { userId: true, status: true }, orderBy: { createdAt: "asc" } });
    expect(rows).toEqual([
      { userId: first!.userId, status: "EXPIRED" },
      { userId: second!.userId, status: "HELD" },
    ]);
  });

  it("refuses a fifth seat of one performance with 409 HOLD_LIMIT", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 2, seatsPerPerformance: 10 });
    const [performanceId, otherPerformanceId] = performanceIds as [string, string];
    const seats = await seatIdsOf(performanceId);
    const fan = await admittedFan(concertId);
    expect((await requestHold(fan, { performanceId, seatIds: seats.slice(0, 3) })).status).toBe(201);

    const overLimit = await requestHold(fan, { performanceId, seatIds: seats.slice(3, 5) });
    expect(overLimit.status).toBe(409);
    expect((await overLimit.json()).error).toMatchObject({ code: "HOLD_LIMIT", details: { limit: 4, currentHolds: 3 } });

    expect((await requestHold(fan, { performanceId, seatIds: [seats[3]] })).status).toBe(201);
    expect((await requestHold(fan, { performanceId, seatIds: [seats[4]] })).status).toBe(409);
    // The limit is per performance.
    const [otherSeat] = await seatIdsOf(otherPerformanceId);
    expect((await requestHold(fan, { performanceId: otherPerformanceId, seatIds: [otherSeat] })).status).toBe(201);
    expect((await liveRowsPerSeat(performanceId)).size).toBe(4);
  });

  it("keeps one fan at four holds even when their requests arrive at once", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 30 });
    const performanceId = performanceIds[0]!;
    const seats = await seatIdsOf(performanceId);
    const fan = await admittedFan(concertId);

    const responses = await Promise.all(
      Array.from({ length: 15 }, (_, index) => requestHold(fan, { performanceId, seatIds: seats.slice(index * 2, index * 2 + 2) })),
    );

    expect(responses.filter((response) => response.status === 201)).toHaveLength(2);
    const refusals = await Promise.all(responses.filter((response) => response.status !== 201).map((response) => response.json()));
    expect(refusals.every((body) => body.error.code === "HOLD_LIMIT")).toBe(true);
    expect((await liveRowsPerSeat(performanceId)).size).toBe(4);
  });

  it("answers 409 SEAT_UNAVAILABLE, not an error, when a competing claim keeps the seat locked too long", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 5 });
    const performanceId = performanceIds[0]!;
    const [seatId] = await seatIdsOf(performanceId);
    const [slow, fan] = await admittedFans(concertId, 2);
    let finishSlowClaim!: () => void;
    const slowClaimMayEnd = new Promise<void>((resolve) => (finishSlowClaim = resolve));
    let slowClaimStarted!: () => void;
    const slowClaimHasInserted = new Promise<void>((resolve) => (slowClaimStarted = resolve));
    // A claim that inserted its row but has not committed: the next claim of the seat must wait for it.
    const slowClaim = inTransaction(db(), async (tx) => {
      await tx.$executeRaw`
        INSERT INTO reservations (seat_id, performance_id, user_id, price, expires_at)
        VALUES (${seatId}::uuid, ${performanceId}::uuid, ${slow!.userId}::uuid, 1, now() + interval '5 minutes')`;
      slowClaimStarted();
      await slowClaimMayEnd;
      throw new Error("the slow claim gives up");
    }, { statementTimeoutMs: 30_000 }).catch(() => "rolled back");
    await slowClaimHasInserted;

    const response = await requestHold(fan!, { performanceId, seatIds: [seatId] });
    finishSlowClaim();

    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatchObject({ code: "SEAT_UNAVAILABLE", details: { seatIds: [seatId] } });
    expect(await slowClaim).toBe("rolled back");
    expect(await reservationCount(performanceId)).toBe(0);
  });

  it("answers 409 BOOKING_CLOSED for a performance whose booking has closed", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 5 });
    const performanceId = performanceIds[0]!;
    await db().$executeRaw`UPDATE performances SET booking_opens_at = now() - interval '2 days', booking_closes_at = now() - interval '1 minute' WHERE id = ${performanceId}::uuid`;
    const fan = await admittedFan(concertId);
    const [seatId] = await seatIdsOf(performanceId);

    const response = await requestHold(fan, { performanceId, seatIds: [seatId] });

    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("BOOKING_CLOSED");
    expect(await reservationCount(performanceId)).toBe(0);
  });
});

function randomSubset<T>(items: T[], size: number): T[] {
  const shuffled = [...items].sort(() => Math.random() - 0.5);
  return shuffled.slice(0, size);
}

