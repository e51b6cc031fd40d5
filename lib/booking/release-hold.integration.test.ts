import { describe, expect, it } from "vitest";
import {
  admittedFan,
  admittedFans,
  backdateHolds,
  requestHold,
  requestMyReservations,
  requestRelease,
  requestSeats,
  seatIdsOf,
} from "@/lib/booking/booking-test-kit";
import { db } from "@/lib/db";
import { createConcert } from "@/lib/testing/fixtures";

async function holdSeat(fan: Awaited<ReturnType<typeof admittedFan>>, performanceId: string, seatIds: string[]): Promise<string[]> {
  const response = await requestHold(fan, { performanceId, seatIds });
  expect(response.status).toBe(201);
  return ((await response.json()).reservations as { id: string }[]).map((reservation) => reservation.id);
}

describe("DELETE /api/reservations/{id}", () => {
  it("releases the fan's own hold, and the seat is free for the next fan", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 10 });
    const performanceId = performanceIds[0]!;
    const [seatId] = await seatIdsOf(performanceId);
    const [holder, next] = await admittedFans(concertId, 2);
    const [reservationId] = await holdSeat(holder!, performanceId, [seatId!]);

    const response = await requestRelease(holder!, reservationId!);

    expect(response.status).toBe(204);
    expect((await db().reservation.findUnique({ where: { id: reservationId }, select: { status: true } }))?.status).toBe("CANCELLED");
    const seats = await (await requestSeats(next!, performanceId)).json();
    expect(seats.seats[0]).toMatchObject({ id: seatId, status: "AVAILABLE", heldByMe: false });
    expect((await requestHold(next!, { performanceId, seatIds: [seatId] })).status).toBe(201);
  });

  it("answers 404 for another fan's hold and leaves it alone", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 10 });
    const performanceId = performanceIds[0]!;
    const [seatId] = await seatIdsOf(performanceId);
    const [holder, intruder] = await admittedFans(concertId, 2);
    const [reservationId] = await holdSeat(holder!, performanceId, [seatId!]);

    const response = await requestRelease(intruder!, reservationId!);

    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("NOT_FOUND");
    expect((await db().reservation.findUnique({ where: { id: reservationId }, select: { status: true } }))?.status).toBe("HELD");
  });

  it("answers 404 for a hold already released or run out of time", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 10 });
    const performanceId = performanceIds[0]!;
    const seats = await seatIdsOf(performanceId);
    const fan = await admittedFan(concertId);
    const [released, expired] = await holdSeat(fan, performanceId, seats.slice(0, 2));
    expect((await requestRelease(fan, released!)).status).toBe(204);
    await backdateHolds([expired!]);

    expect((await requestRelease(fan, released!)).status).toBe(404);
    expect((await requestRelease(fan, expired!)).status).toBe(404);
  });

  it("releases a hold once when the fan sends the release twice at once", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 10 });
    const performanceId = performanceIds[0]!;
    const [seatId] = await seatIdsOf(performanceId);
    const fan = await admittedFan(concertId);
    const [reservationId] = await holdSeat(fan, performanceId, [seatId!]);

    const statuses = (await Promise.all([requestRelease(fan, reservationId!), requestRelease(fan, reservationId!)])).map((r) => r.status);

    expect(statuses.sort()).toEqual([204, 404]);
  });
});

describe("GET /api/reservations", () => {
  it("lists only the fan's own reservations, newest first, with an out-of-time hold as EXPIRED", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 10 });
    const performanceId = performanceIds[0]!;
    const seats = await seatIdsOf(performanceId);
    const [fan, other] = await admittedFans(concertId, 2);
    const [older] = await holdSeat(fan!, performanceId, [seats[0]!]);
    const [newer] = await holdSeat(fan!, performanceId, [seats[1]!]);
    await holdSeat(other!, performanceId, [seats[2]!]);
    await backdateHolds([older!]);

    const response = await requestMyReservations(fan!);

    expect(response.status).toBe(200);
    const { reservations } = await response.json();
    expect(reservations).toEqual([
      expect.objectContaining({ id: newer, seatId: seats[1], seatNumber: 2, grade: "VIP", price: 150_000, status: "HELD", performanceId, concertId, concertTitle: "테스트 콘서트" }),
      expect.objectContaining({ id: older, seatId: seats[0], seatNumber: 1, status: "EXPIRED" }),
    ]);
    expect(typeof reservations[0].expiresAt).toBe("string");
    // The table still says HELD: the answer is lazy expiry, not a write.
    expect((await db().reservation.findUnique({ where: { id: older }, select: { status: true } }))?.status).toBe("HELD");
  });

  it("needs a session but no queue token", async () => {
    const fan = await admittedFan((await createConcert(db(), { performances: 1, seatsPerPerformance: 1 })).concertId);

    expect((await requestMyReservations({ cookie: "" })).status).toBe(401);
    const response = await requestMyReservations({ cookie: fan.cookie });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ reservations: [] });
  });
});
