import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as holdRoute } from "@/app/api/reservations/route";
import { admittedFan, requestHold, seatIdsOf, type Fan } from "@/lib/booking/booking-test-kit";
import { db } from "@/lib/db";
import { createConcert } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";

let fan: Fan;
let performanceId: string;
let seats: string[];
let otherPerformanceSeat: string;

beforeAll(async () => {
  const concert = await createConcert(db(), { performances: 2, seatsPerPerformance: 10 });
  performanceId = concert.performanceIds[0]!;
  seats = await seatIdsOf(performanceId);
  otherPerformanceSeat = (await seatIdsOf(concert.performanceIds[1]!))[0]!;
  fan = await admittedFan(concert.concertId);
});

async function expectNothingHeld(): Promise<void> {
  expect(await db().reservation.count()).toBe(0);
}

describe("POST /api/reservations with bad input", () => {
  it.each([
    ["no seats", () => ({ performanceId, seatIds: [] })],
    ["more than four seats", () => ({ performanceId, seatIds: seats.slice(0, 5) })],
    ["the same seat twice", () => ({ performanceId, seatIds: [seats[0], seats[1], seats[0]] })],
    ["the same seat twice in another letter case", () => ({ performanceId, seatIds: [seats[0], seats[0]!.toUpperCase()] })],
    ["a seat id that is not a UUID", () => ({ performanceId, seatIds: ["seat-1"] })],
    ["seatIds that is not a list", () => ({ performanceId, seatIds: seats[0] })],
    ["a performanceId that is a number", () => ({ performanceId: 7, seatIds: [seats[0]] })],
    ["no performanceId", () => ({ seatIds: [seats[0]] })],
    ["a body that is a list", () => [performanceId, seats[0]]],
  ])("answers 422 VALIDATION_FAILED for %s and holds nothing", async (_case, body) => {
    const response = await requestHold(fan, body());

    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("VALIDATION_FAILED");
    await expectNothingHeld();
  });

  it("answers 422 naming seats of another performance, and holds none of the request", async () => {
    const response = await requestHold(fan, { performanceId, seatIds: [seats[0], otherPerformanceSeat] });

    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatchObject({ code: "VALIDATION_FAILED", details: { seatIds: [otherPerformanceSeat] } });
    await expectNothingHeld();
  });

  it("answers 422 naming seats that do not exist", async () => {
    const unknownSeat = randomUUID();

    const response = await requestHold(fan, { performanceId, seatIds: [unknownSeat, seats[1]] });

    expect(response.status).toBe(422);
    expect((await response.json()).error.details.seatIds).toEqual([unknownSeat]);
    await expectNothingHeld();
  });

  it("answers 404 for a performance that does not exist", async () => {
    const response = await requestHold(fan, { performanceId: randomUUID(), seatIds: [seats[0]] });

    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("NOT_FOUND");
    await expectNothingHeld();
  });

  it("answers 400 MALFORMED_JSON for a body that is not JSON", async () => {
    const response = await call(
      holdRoute,
      testRequest("POST", "/api/reservations", { rawBody: `{"performanceId": "${performanceId}", "seatIds": [`, cookie: fan.cookie, headers: fan.headers }),
    );

    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("MALFORMED_JSON");
    await expectNothingHeld();
  });

  it("answers 403 FORBIDDEN_ORIGIN for a hold posted from another site", async () => {
    const response = await call(
      holdRoute,
      testRequest("POST", "/api/reservations", {
        body: { performanceId, seatIds: [seats[0]] }, cookie: fan.cookie, headers: fan.headers, origin: "https://evil.example",
      }),
    );

    expect(response.status).toBe(403);
    await expectNothingHeld();
  });
});
