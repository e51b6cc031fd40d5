import { describe, expect, it } from "vitest";
import { admittedFans, backdateHolds, requestHold, requestPerformances, requestSeats, seatIdsOf } from "@/lib/booking/booking-test-kit";
import { db } from "@/lib/db";
import { createConcert } from "@/lib/testing/fixtures";

describe("GET /api/performances/{id}/seats", () => {
  it("shows each seat by number with grade, price and state; the caller's own holds say so", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 12 });
    const performanceId = performanceIds[0]!;
    const seats = await seatIdsOf(performanceId);
    const [me, someone, buyer] = await admittedFans(concertId, 3);
    const mine = await (await requestHold(me!, { performanceId, seatIds: [seats[0]] })).json();
    await requestHold(someone!, { performanceId, seatIds: [seats[1]] });
    const sold = await (await requestHold(buyer!, { performanceId, seatIds: [seats[11]] })).json();
    await markSold(buyer!.userId, sold.reservations[0].id);

    const response = await requestSeats(me!, performanceId);

    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.seats.map((seat: { number: number }) => seat.number)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    expect(body.seats[0]).toEqual({
      id: seats[0], number: 1, sectionId: expect.any(String), sectionName: "VIP석", row: "A", label: "VIP석 A열 1번",
      grade: "VIP", price: 150_000, status: "HELD", heldByMe: true, expiresAt: mine.reservations[0].expiresAt,
    });
    expect(body.seats[1]).toMatchObject({ status: "HELD", heldByMe: false, expiresAt: null });
    expect(body.seats[2]).toMatchObject({ status: "AVAILABLE", heldByMe: false, grade: "VIP" });
    expect(body.seats[10]).toMatchObject({ grade: "R", price: 110_000, status: "AVAILABLE", sectionName: "R석", row: "B", label: "R석 B열 1번" });
    expect(body.seats[11]).toMatchObject({ status: "SOLD", heldByMe: false });
  });

  it("answers an empty list for a date without seats", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 0 });
    const [fan] = await admittedFans(concertId, 1);

    const response = await requestSeats(fan!, performanceIds[0]!);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ seats: [] });
  });

  it("counts free seats per date, with expired holds free and sold-out dates marked", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 2, seatsPerPerformance: 3 });
    const [first, second] = performanceIds as [string, string];
    const [fan, other] = await admittedFans(concertId, 2);
    const firstSeats = await seatIdsOf(first);
    const held = await (await requestHold(fan!, { performanceId: first, seatIds: firstSeats.slice(0, 2) })).json();
    await backdateHolds([held.reservations[0].id]);
    const secondSeats = await seatIdsOf(second);
    const sold = await (await requestHold(other!, { performanceId: second, seatIds: secondSeats })).json();
    for (const reservation of sold.reservations) await markSold(other!.userId, reservation.id);

    const response = await requestPerformances(fan!, concertId);

    expect(response.status).toBe(200);
    const { performances } = await response.json();
    expect(performances).toEqual([
      expect.objectContaining({ id: first, availableSeats: 2, totalSeats: 3, isSoldOut: false, isBookingOpen: true }),
      expect.objectContaining({ id: second, availableSeats: 0, totalSeats: 3, isSoldOut: true }),
    ]);
    expect(Date.parse(performances[0].startsAt)).toBeLessThan(Date.parse(performances[1].startsAt));
  });

  it("leaves out dates whose booking has closed", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 2, seatsPerPerformance: 1 });
    await db().$executeRaw`UPDATE performances SET booking_opens_at = now() - interval '2 days', booking_closes_at = now() - interval '1 second' WHERE id = ${performanceIds[0]}::uuid`;
    const [fan] = await admittedFans(concertId, 1);

    const { performances } = await (await requestPerformances(fan!, concertId)).json();

    expect(performances.map((performance: { id: string }) => performance.id)).toEqual([performanceIds[1]]);
  });
});

/** Stands in for the payment: a confirmed reservation needs a payment row (CHECK constraint). */
async function markSold(userId: string, reservationId: string): Promise<void> {
  await db().$executeRaw`
    WITH payment AS (INSERT INTO payments (user_id, amount) VALUES (${userId}::uuid, 1) RETURNING id)
    UPDATE reservations SET status = 'CONFIRMED', payment_id = (SELECT id FROM payment) WHERE id = ${reservationId}::uuid`;
}
